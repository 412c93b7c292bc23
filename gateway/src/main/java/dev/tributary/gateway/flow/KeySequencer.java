package dev.tributary.gateway.flow;

import dev.tributary.gateway.camel.DeliveryOutcome;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Delivers the events of one ordering key one at a time, in the order they were submitted, for one
 * (route, sink) pair; different keys proceed in parallel. The next event of a key starts when the
 * previous one has its final outcome, retries included, so a failing event blocks its key until it
 * is delivered or dead-lettered. When it fails for good (retries exhausted, no dead-letter sink),
 * the events queued behind it fail too without being attempted: their sources do not acknowledge
 * them, and they come back after it.
 *
 * <p>A key takes memory only while it has an event in flight. Thread-safe; deliveries are started
 * outside the lock, on the thread that submitted the event or that completed the previous one.
 */
final class KeySequencer {

    private final FlowMetrics.OrderingMeters meters;
    private final Map<String, ArrayDeque<Pending>> keys = new HashMap<>();
    private int queued;

    private record Pending(
            Supplier<CompletableFuture<DeliveryOutcome>> delivery, CompletableFuture<DeliveryOutcome> outcome) {}

    KeySequencer(FlowMetrics.OrderingMeters meters) {
        this.meters = meters;
    }

    /**
     * Runs {@code delivery} once every event submitted before with the same key has its outcome.
     *
     * @return the delivery's outcome; never completes exceptionally if {@code delivery}'s future does not
     */
    CompletableFuture<DeliveryOutcome> submit(String key, Supplier<CompletableFuture<DeliveryOutcome>> delivery) {
        Pending pending = new Pending(delivery, new CompletableFuture<>());
        synchronized (this) {
            ArrayDeque<Pending> queue = keys.get(key);
            if (queue != null) {
                queue.add(pending);
                queued++;
                return pending.outcome();
            }
            keys.put(key, new ArrayDeque<>());
        }
        start(key, pending);
        return pending.outcome();
    }

    /** Events waiting behind an earlier event of their key. */
    synchronized int queued() {
        return queued;
    }

    /** Keys with an event in flight. */
    synchronized int keys() {
        return keys.size();
    }

    private void start(String key, Pending pending) {
        CompletableFuture<DeliveryOutcome> outcome;
        try {
            outcome = pending.delivery().get();
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenComplete((result, error) -> {
            boolean failed = error != null || !result.isSafe();
            List<Pending> blocked = List.of();
            Pending next;
            synchronized (this) {
                ArrayDeque<Pending> queue = keys.get(key);
                if (failed && !queue.isEmpty()) {
                    blocked = List.copyOf(queue);
                    queue.clear();
                    queued -= blocked.size();
                }
                next = queue.poll();
                if (next == null) {
                    keys.remove(key);
                } else {
                    queued--;
                }
            }
            if (!blocked.isEmpty()) {
                meters.blocked().increment(blocked.size());
                DeliveryOutcome notAttempted = new DeliveryOutcome(
                        DeliveryOutcome.Status.FAILED,
                        "not attempted: an earlier event of ordering key '" + key + "' was not delivered",
                        Optional.empty(),
                        Optional.empty());
                blocked.forEach(event -> event.outcome().complete(notAttempted));
            }
            if (error != null) {
                pending.outcome().completeExceptionally(error);
            } else {
                pending.outcome().complete(result);
            }
            if (next != null) {
                start(key, next);
            }
        });
    }
}
