package dev.tributary.gateway.camel;

import java.time.Duration;
import java.util.Optional;

/**
 * How delivering one event to one sink ended, retries included.
 *
 * @param status delivered, dead-lettered, or failed (neither: the event is not safe)
 * @param failure what went wrong last, for a failed delivery
 * @param retryAfter what the sink asked for when it last answered 429/503 with {@code Retry-After}
 */
public record DeliveryOutcome(Status status, String failure, Optional<Duration> retryAfter) {

    public enum Status { DELIVERED, DEAD_LETTERED, FAILED }

    public boolean isSafe() {
        return status != Status.FAILED;
    }
}
