package dev.tributary.gateway.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the delivery attempts to one sink say about it: whether it answers. An attempt the sink
 * {@linkplain #answered() answered} (accepted, or refused the event itself with a 4xx other than
 * 401/403) resets the count of consecutive failures; a timeout, a transport error, a function
 * error, a retriable status, a redirect or 401/403 {@linkplain #failed(String) adds one}.
 *
 * <p>Thread-safe and lock-free: attempts on any thread record without waiting; a report read
 * while attempts complete may mix the state just before and just after one of them, which is
 * harmless for health.
 */
public final class SinkHealth {

    /** How a sink looks at one moment; see {@link SinksHealth} for when each is reported. */
    public enum State {
        /** No attempt within the health window. */
        IDLE,
        /** Attempted within the window, and its last attempts were not all failures. */
        DELIVERING,
        /** Its last {@link SinksHealth#FAILING_AFTER} attempts, the latest within the window, failed. */
        FAILING
    }

    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile long lastSuccessMillis;
    private volatile long lastFailureMillis;
    private volatile String lastFailure;

    /** The sink answered an attempt. */
    public void answered() {
        if (consecutiveFailures.get() != 0) {
            consecutiveFailures.set(0);
        }
        lastSuccessMillis = System.currentTimeMillis();
    }

    /**
     * An attempt failed.
     *
     * @param reason what went wrong, in words that carry no secret (no URL, no header)
     */
    public void failed(String reason) {
        lastFailure = reason;
        consecutiveFailures.incrementAndGet();
        lastFailureMillis = System.currentTimeMillis();
    }

    State state(long nowMillis) {
        long lastAttempt = Math.max(lastSuccessMillis, lastFailureMillis);
        if (lastAttempt == 0 || nowMillis - lastAttempt > SinksHealth.WINDOW.toMillis()) {
            return State.IDLE;
        }
        return consecutiveFailures.get() >= SinksHealth.FAILING_AFTER ? State.FAILING : State.DELIVERING;
    }

    /** The details {@code /health/readiness} shows for this sink. */
    Map<String, Object> details(long nowMillis) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state(nowMillis).name());
        int failures = consecutiveFailures.get();
        if (failures > 0) {
            details.put("consecutiveFailures", failures);
            details.put("lastFailure", lastFailure);
        }
        long lastSuccess = lastSuccessMillis;
        if (lastSuccess != 0) {
            details.put("lastSuccess", Instant.ofEpochMilli(lastSuccess).toString());
        }
        return details;
    }
}
