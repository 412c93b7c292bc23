package dev.tributary.core.source;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of routing a batch of events: safe when every delivery succeeded or was
 * dead-lettered. Only then may the source acknowledge upstream.
 *
 * @param events how many events were routed
 * @param deliveries how many (event, sink) deliveries were attempted
 * @param failures what went wrong, one line per failed delivery
 * @param retryAfter the longest {@code Retry-After} a failing sink asked for (429)
 */
public record DispatchResult(int events, int deliveries, List<String> failures, Optional<Duration> retryAfter) {

    public boolean isSafe() {
        return failures.isEmpty();
    }
}
