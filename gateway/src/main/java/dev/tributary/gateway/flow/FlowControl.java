package dev.tributary.gateway.flow;

import dev.tributary.core.filter.EventAttributes;
import dev.tributary.core.flow.PartitionKey;
import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.mapping.SinkLimits;
import dev.tributary.gateway.camel.DeliveryOutcome;
import dev.tributary.gateway.delivery.SinkDelivery;
import io.cloudevents.CloudEvent;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Flow control between the dispatcher and delivery (docs/flow-control.md), for one pipeline:
 *
 * <ol>
 * <li>a route's {@code dedupe} window drops events it already delivered ({@link RouteDedupe});</li>
 * <li>events with an ordering key (the route's {@code orderBy} attribute, else the
 *     {@value PartitionKey#EXTENSION} extension a source set) go one at a time per key and
 *     (route, sink) pair ({@link KeySequencer}); with {@code orderBy} the key is also set as the
 *     event's {@value PartitionKey#EXTENSION}, for sinks that keep order downstream;</li>
 * <li>a sink's {@code maxConcurrency} and {@code rateLimit} admit deliveries across all routes
 *     ({@link SinkGate}). Pull sources wait for admission as long as it takes (their own
 *     in-flight bounds then stop the pulling); a pushed event waits at most {@link #PUSH_WAIT},
 *     then fails with a {@code Retry-After}, which the push endpoint answers as 429.</li>
 * </ol>
 *
 * A mappings file that uses none of it pays a field read per route and an extension look-up per
 * delivery. Thread-safe. {@link #close()} fails the deliveries still waiting for a sink's limits,
 * so their sources settle (without acknowledging) instead of waiting for a stopped pipeline.
 */
public final class FlowControl implements AutoCloseable {

    /** How long a pushed event waits for a saturated sink before the push is answered 429: {@value #PUSH_WAIT_SECONDS} s. */
    public static final Duration PUSH_WAIT = Duration.ofSeconds(FlowControl.PUSH_WAIT_SECONDS);

    static final int PUSH_WAIT_SECONDS = 5;

    private final Map<String, SinkGate> gates;
    private final Map<CompiledRoute, RouteDedupe> dedupes;
    private final Map<SinkDelivery, KeySequencer> sequencers = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor scheduler;
    private final FlowMetrics metrics;
    private final FlowMetrics.Gauges gauges = new FlowMetrics.Gauges();

    private FlowControl(Mappings mappings, FlowMetrics metrics) {
        this.metrics = metrics;
        Map<String, SinkGate> limited = new HashMap<>();
        ScheduledThreadPoolExecutor timer = null;
        for (SinkConfig sink : mappings.sinks().values()) {
            SinkLimits limits = SinkLimits.of(sink.options());
            if (limits.limited()) {
                if (timer == null) {
                    timer = new ScheduledThreadPoolExecutor(1, runnable -> {
                        Thread thread = new Thread(runnable, "tributary-flow");
                        thread.setDaemon(true);
                        return thread;
                    });
                    timer.setRemoveOnCancelPolicy(true);
                }
                SinkGate gate = new SinkGate(limits, timer, metrics.gate(sink.name()));
                metrics.gateGauges(gauges, sink.name(), gate);
                limited.put(sink.name(), gate);
            }
        }
        this.gates = Map.copyOf(limited);
        this.scheduler = timer;
        Map<CompiledRoute, RouteDedupe> windows = new IdentityHashMap<>();
        for (CompiledRoute route : mappings.routes()) {
            route.flow()
                    .dedupe()
                    .ifPresent(dedupe ->
                            windows.put(route, new RouteDedupe(dedupe, metrics.duplicatesDropped(route.name()))));
        }
        this.dedupes = windows;
    }

    /** The flow control of {@code mappings}: a gate per limited sink, a window per de-duplicating route. */
    public static FlowControl of(Mappings mappings, FlowMetrics metrics) {
        return new FlowControl(mappings, metrics);
    }

    /**
     * Delivers one event on one route: {@code deliver} starts its deliveries to each of the route's
     * sinks, unless the route's {@code dedupe} window knows the event.
     */
    public List<CompletableFuture<DeliveryOutcome>> route(
            CompiledRoute route, CloudEvent event, Supplier<List<CompletableFuture<DeliveryOutcome>>> deliver) {
        if (dedupes.isEmpty()) {
            return deliver.get();
        }
        RouteDedupe dedupe = dedupes.get(route);
        return dedupe == null ? deliver.get() : dedupe.deliver(event, deliver);
    }

    /**
     * Delivers one event to one (route, sink) pair with {@code send} once its key's predecessors
     * have their outcomes and the sink's limits admit it.
     *
     * @param push whether the event was pushed: its wait for the sink's limits is bounded
     * @param send starts the delivery of the event it is given (the event, or a copy with its ordering key)
     */
    public CompletableFuture<DeliveryOutcome> deliver(
            SinkDelivery pair,
            CloudEvent event,
            boolean push,
            Function<CloudEvent, CompletableFuture<DeliveryOutcome>> send) {
        Optional<String> orderBy = pair.route().flow().orderBy();
        String key = orderBy.isPresent()
                ? EventAttributes.get(event, orderBy.get())
                : PartitionKey.of(event).orElse(null);
        if (key == null && !gates.containsKey(pair.sink())) {
            return send.apply(event);
        }
        Function<CloudEvent, CompletableFuture<DeliveryOutcome>> inContext = inCurrentContext(send);
        if (key == null) {
            return admitted(pair.sink(), event, push, inContext);
        }
        CloudEvent keyed = orderBy.isPresent() ? PartitionKey.with(event, key) : event;
        return sequencer(pair).submit(key, () -> admitted(pair.sink(), keyed, push, inContext));
    }

    /**
     * {@code send} run in the (trace) context current now: a delivery that waits for its key or its
     * sink starts later on another thread, and must still be a child of its ingress span.
     */
    private static Function<CloudEvent, CompletableFuture<DeliveryOutcome>> inCurrentContext(
            Function<CloudEvent, CompletableFuture<DeliveryOutcome>> send) {
        Context context = Context.current();
        return event -> {
            try (Scope ignored = context.makeCurrent()) {
                return send.apply(event);
            }
        };
    }

    private KeySequencer sequencer(SinkDelivery pair) {
        return sequencers.computeIfAbsent(pair, created -> {
            KeySequencer sequencer =
                    new KeySequencer(metrics.ordering(pair.route().name(), pair.sink()));
            metrics.orderingGauges(gauges, pair.route().name(), pair.sink(), sequencer);
            return sequencer;
        });
    }

    private CompletableFuture<DeliveryOutcome> admitted(
            String sink,
            CloudEvent event,
            boolean push,
            Function<CloudEvent, CompletableFuture<DeliveryOutcome>> send) {
        SinkGate gate = gates.isEmpty() ? null : gates.get(sink);
        if (gate == null) {
            return send.apply(event);
        }
        return gate.acquire(push ? PUSH_WAIT : null).thenCompose(admitted -> {
            if (!admitted) {
                return CompletableFuture.completedFuture(new DeliveryOutcome(
                        DeliveryOutcome.Status.FAILED,
                        "sink '" + sink + "' is saturated (maxConcurrency/rateLimit): not admitted in time",
                        Optional.of(gate.retryAfter()),
                        Optional.empty()));
            }
            CompletableFuture<DeliveryOutcome> outcome;
            try {
                outcome = send.apply(event);
            } catch (RuntimeException e) {
                gate.release();
                throw e;
            }
            outcome.whenComplete((result, error) -> gate.release());
            return outcome;
        });
    }

    /** Fails the deliveries waiting for a sink's limits, stops the timer and leaves the gauges to a newer pipeline. */
    @Override
    public void close() {
        gates.values().forEach(SinkGate::close);
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        gauges.close();
    }
}
