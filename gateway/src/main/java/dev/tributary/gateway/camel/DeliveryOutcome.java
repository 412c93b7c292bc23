package dev.tributary.gateway.camel;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.Optional;

/**
 * How delivering one event to one sink ended, retries included.
 *
 * @param status delivered, dead-lettered, or failed (neither: the event is not safe)
 * @param failure what went wrong last, for a failed or dead-lettered delivery
 * @param retryAfter what the sink asked for when it last answered 429/503 with {@code Retry-After}
 * @param reply the CloudEvent the sink answered with, for a delivered event
 */
public record DeliveryOutcome(
        Status status, String failure, Optional<Duration> retryAfter, Optional<CloudEvent> reply) {

    public enum Status {
        DELIVERED,
        DEAD_LETTERED,
        FAILED
    }

    static DeliveryOutcome failed(String failure, Optional<Duration> retryAfter) {
        return new DeliveryOutcome(Status.FAILED, failure, retryAfter, Optional.empty());
    }

    /** The same delivery, failed after all: its reply could not be routed. */
    public DeliveryOutcome replyFailed(String why) {
        return failed(why, Optional.empty());
    }

    public boolean isSafe() {
        return status != Status.FAILED;
    }
}
