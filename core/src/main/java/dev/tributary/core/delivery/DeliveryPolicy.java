package dev.tributary.core.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a route delivers to each of its sinks: retries, backoff, per-attempt timeout and where
 * events go when delivery finally fails. Immutable.
 *
 * @param retry how many times a failed delivery is retried after the first attempt (0 = never)
 * @param backoffPolicy how the wait before a retry grows
 * @param backoffDelay the base wait before a retry
 * @param timeout how long one attempt may take before it counts as failed (and retriable)
 * @param deadLetterSink the sink that receives events whose delivery failed for good, if any
 * @see <a href="https://knative.dev/docs/eventing/event-delivery/">Knative event delivery</a>
 */
public record DeliveryPolicy(
        int retry,
        BackoffPolicy backoffPolicy,
        Duration backoffDelay,
        Duration timeout,
        Optional<String> deadLetterSink) {

    /** Default number of retries: {@value}. */
    public static final int DEFAULT_RETRY = 3;
    /** Default base backoff delay. */
    public static final Duration DEFAULT_BACKOFF_DELAY = Duration.ofMillis(200);
    /** Default per-attempt timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Exponential backoff stops doubling after this many retries (2^32 × delay is already years). */
    static final int MAX_DOUBLINGS = 32;

    /** The policy of a route that has no {@code delivery} section. */
    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(
            DEFAULT_RETRY, BackoffPolicy.EXPONENTIAL, DEFAULT_BACKOFF_DELAY, DEFAULT_TIMEOUT, Optional.empty());

    public DeliveryPolicy {
        if (retry < 0) {
            throw new IllegalArgumentException("retry must be >= 0, was " + retry);
        }
        Objects.requireNonNull(backoffPolicy, "backoffPolicy");
        Objects.requireNonNull(backoffDelay, "backoffDelay");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(deadLetterSink, "deadLetterSink");
    }

    /**
     * The wait before the k-th retry (k = 1, 2, …): {@code backoffDelay × k} for linear,
     * {@code backoffDelay × 2^(k−1)} for exponential (the exponent capped at {@value #MAX_DOUBLINGS}).
     * Saturates at {@code Long.MAX_VALUE} milliseconds instead of overflowing.
     */
    public Duration backoff(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("retries are numbered from 1, was " + k);
        }
        long base = backoffDelay.toMillis();
        long factor = backoffPolicy == BackoffPolicy.LINEAR ? k : 1L << Math.min(k - 1, MAX_DOUBLINGS);
        return Duration.ofMillis(multiplySaturated(base, factor));
    }

    /**
     * The wait before the k-th retry (k = 1, 2, …) of a delivery whose last attempt failed: the
     * longer of {@link #backoff(int)} and what the sink asked for with {@code Retry-After}. The
     * one place a retry's wait is computed.
     */
    public Duration delayBeforeRetry(int k, Optional<Duration> retryAfter) {
        Duration backoff = backoff(k);
        return retryAfter.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
    }

    private static long multiplySaturated(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
    }
}
