package dev.tributary.gateway.flow;

import dev.tributary.core.mapping.SinkLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Admits deliveries to one sink within its {@link SinkLimits}: at most {@code maxConcurrency}
 * holding a slot, and starts at most {@code rateLimit} per second (a Bucket4j token bucket of
 * capacity {@code rateBurst}, refilled greedily). Deliveries are admitted in the order they asked,
 * across every route using the sink.
 *
 * <p>Never blocks: {@link #acquire} returns a future that completes when the delivery may start,
 * on the thread that freed the slot ({@link #release()}) or on {@code scheduler} when it waited for
 * a token; no thread sleeps. A waiting delivery holds nothing but its place in the queue, so the
 * queue is as long as the sources let it grow: pull sources bound their messages in flight, push
 * requests give up after their bounded wait. Thread-safe.
 */
final class SinkGate {

    private final int maxConcurrency;
    private final int ratePerSecond;
    private final Bucket bucket;
    private final ScheduledExecutorService scheduler;
    private final FlowMetrics.GateMeters meters;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int inFlight;
    private boolean refillScheduled;
    private boolean closed;

    private static final class Waiter {
        final CompletableFuture<Boolean> admitted = new CompletableFuture<>();
        ScheduledFuture<?> deadline;
    }

    /**
     * @param limits the sink's limits; at least one is set
     * @param scheduler runs the waits for tokens and deadlines
     */
    SinkGate(SinkLimits limits, ScheduledExecutorService scheduler, FlowMetrics.GateMeters meters) {
        this.maxConcurrency = limits.maxConcurrency().orElse(Integer.MAX_VALUE);
        this.ratePerSecond = limits.rateLimit().orElse(0);
        this.bucket = limits.rateLimit().isEmpty()
                ? null
                : Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limits.rateBurst())
                                .refillGreedy(limits.rateLimit().getAsInt(), Duration.ofSeconds(1))
                                .build())
                        .build();
        this.scheduler = scheduler;
        this.meters = meters;
    }

    /**
     * Asks to start a delivery. The future completes with {@code true} once the delivery holds a
     * slot (the caller then calls {@link #release()} exactly once, when the delivery has its
     * outcome), or with {@code false} when {@code maxWait} passed first or the gate was closed
     * (nothing to release).
     *
     * @param maxWait how long to wait at most; {@code null} to wait as long as it takes
     */
    CompletableFuture<Boolean> acquire(Duration maxWait) {
        Waiter waiter = new Waiter();
        List<Waiter> admitted;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(false);
            }
            if (waiting.isEmpty() && inFlight < maxConcurrency && (bucket == null || bucket.tryConsume(1))) {
                inFlight++;
                return CompletableFuture.completedFuture(true);
            }
            waiting.add(waiter);
            meters.throttled().increment();
            if (maxWait != null) {
                waiter.deadline = scheduler.schedule(() -> expire(waiter), maxWait.toNanos(), TimeUnit.NANOSECONDS);
            }
            admitted = admit();
        }
        complete(admitted);
        return waiter.admitted;
    }

    /** Frees the slot of a delivery that has its outcome, admitting the next one when it may start. */
    void release() {
        List<Waiter> admitted;
        synchronized (this) {
            inFlight--;
            admitted = admit();
        }
        complete(admitted);
    }

    /** Deliveries holding a slot. */
    synchronized int inFlight() {
        return inFlight;
    }

    /** Deliveries waiting for a slot or a token. */
    synchronized int waiting() {
        return waiting.size();
    }

    /**
     * A guess at when a refused push could succeed, for its {@code Retry-After}: the time the queue
     * takes to drain at the rate limit, at least one second and at most a minute.
     */
    synchronized Duration retryAfter() {
        long seconds = ratePerSecond == 0 ? 1 : (waiting.size() + ratePerSecond) / ratePerSecond;
        return Duration.ofSeconds(Math.min(Math.max(1, seconds), 60));
    }

    /** Takes waiters off the queue while a slot and a token are free; schedules itself for the next token. */
    private List<Waiter> admit() {
        List<Waiter> admitted = null;
        while (!waiting.isEmpty() && inFlight < maxConcurrency) {
            if (bucket != null) {
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                if (!probe.isConsumed()) {
                    if (!refillScheduled) {
                        refillScheduled = true;
                        scheduler.schedule(this::refilled, probe.getNanosToWaitForRefill(), TimeUnit.NANOSECONDS);
                    }
                    break;
                }
            }
            inFlight++;
            if (admitted == null) {
                admitted = new ArrayList<>();
            }
            admitted.add(waiting.poll());
        }
        return admitted == null ? List.of() : admitted;
    }

    private void refilled() {
        List<Waiter> admitted;
        synchronized (this) {
            refillScheduled = false;
            admitted = admit();
        }
        complete(admitted);
    }

    private void expire(Waiter waiter) {
        boolean removed;
        synchronized (this) {
            removed = waiting.remove(waiter);
        }
        if (removed) {
            meters.refused().increment();
            waiter.admitted.complete(false);
        }
    }

    /** Refuses every waiting delivery and every later one: the pipeline is stopping. */
    void close() {
        List<Waiter> refused;
        synchronized (this) {
            closed = true;
            refused = List.copyOf(waiting);
            waiting.clear();
        }
        for (Waiter waiter : refused) {
            if (waiter.deadline != null) {
                waiter.deadline.cancel(false);
            }
            waiter.admitted.complete(false);
        }
    }

    /** Starts the admitted deliveries, outside the lock: each may run its first attempt on this thread. */
    private static void complete(List<Waiter> admitted) {
        for (Waiter waiter : admitted) {
            if (waiter.deadline != null) {
                waiter.deadline.cancel(false);
            }
            waiter.admitted.complete(true);
        }
    }
}
