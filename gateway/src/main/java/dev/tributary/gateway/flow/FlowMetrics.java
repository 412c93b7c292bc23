package dev.tributary.gateway.flow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * The flow-control meters, registered only for the sinks and routes that use a feature, so a
 * mappings file without flow control adds none:
 *
 * <ul>
 * <li>{@code tributary_sink_inflight{sink}}: deliveries holding a slot of a limited sink</li>
 * <li>{@code tributary_sink_waiting{sink}}: deliveries waiting for a limited sink's slot or token</li>
 * <li>{@code tributary_sink_throttled_total{sink}}: deliveries that had to wait for a limit</li>
 * <li>{@code tributary_sink_refused_total{sink}}: pushed events answered 429 after the bounded wait</li>
 * <li>{@code tributary_ordering_waiting{route,sink}}: events queued behind an earlier event of their key</li>
 * <li>{@code tributary_ordering_keys{route,sink}}: ordering keys with an event in flight</li>
 * <li>{@code tributary_ordering_blocked_total{route,sink}}: events failed unattempted because an earlier event of their key failed</li>
 * <li>{@code tributary_duplicates_dropped_total{route}}: events a route's {@code dedupe} window acknowledged without sending</li>
 * </ul>
 *
 * One instance per meter registry ({@code GatewayMetrics.flow()}), shared by the pipelines a
 * reload replaces: a gauge is registered once and reads whichever gate or sequencer registered
 * last; closing the {@link Gauges} of a closed pipeline leaves a newer pipeline's in place. Thread-safe.
 */
public final class FlowMetrics {

    private static final IntSupplier ZERO = () -> 0;

    /** The meters of one limited sink. */
    record GateMeters(Counter throttled, Counter refused) {}

    /** The meters of one (route, sink) pair's ordering. */
    record OrderingMeters(Counter blocked) {}

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<IntSupplier>> gauges = new ConcurrentHashMap<>();

    public FlowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The gauges one pipeline set; closing it zeroes those that no newer pipeline took over. */
    static final class Gauges implements AutoCloseable {
        private final List<Map.Entry<AtomicReference<IntSupplier>, IntSupplier>> set = new ArrayList<>();

        private synchronized void add(AtomicReference<IntSupplier> holder, IntSupplier value) {
            set.add(Map.entry(holder, value));
        }

        @Override
        public synchronized void close() {
            set.forEach(entry -> entry.getKey().compareAndSet(entry.getValue(), ZERO));
            set.clear();
        }
    }

    GateMeters gate(String sink) {
        return new GateMeters(
                Counter.builder("tributary.sink.throttled")
                        .description("Deliveries that waited for the sink's limits")
                        .tag("sink", sink)
                        .register(registry),
                Counter.builder("tributary.sink.refused")
                        .description("Pushed events answered 429 after the bounded wait")
                        .tag("sink", sink)
                        .register(registry));
    }

    void gateGauges(Gauges owner, String sink, SinkGate gate) {
        gauge(owner, "tributary.sink.inflight", "Deliveries holding a slot of the sink", gate::inFlight, "sink", sink);
        gauge(owner, "tributary.sink.waiting", "Deliveries waiting for the sink's limits", gate::waiting, "sink", sink);
    }

    OrderingMeters ordering(String route, String sink) {
        return new OrderingMeters(Counter.builder("tributary.ordering.blocked")
                .description("Events failed unattempted behind a failed event of their ordering key")
                .tag("route", route)
                .tag("sink", sink)
                .register(registry));
    }

    void orderingGauges(Gauges owner, String route, String sink, KeySequencer sequencer) {
        gauge(
                owner,
                "tributary.ordering.waiting",
                "Events queued behind an earlier event of their ordering key",
                sequencer::queued,
                "route",
                route,
                "sink",
                sink);
        gauge(
                owner,
                "tributary.ordering.keys",
                "Ordering keys with an event in flight",
                sequencer::keys,
                "route",
                route,
                "sink",
                sink);
    }

    Counter duplicatesDropped(String route) {
        return Counter.builder("tributary.duplicates.dropped")
                .description("Events a route's dedupe window acknowledged without sending them again")
                .tag("route", route)
                .register(registry);
    }

    private void gauge(Gauges owner, String name, String description, IntSupplier value, String... tags) {
        AtomicReference<IntSupplier> holder = gauges.computeIfAbsent(name + Tags.of(tags), key -> {
            AtomicReference<IntSupplier> created = new AtomicReference<>(ZERO);
            Gauge.builder(name, created, current -> current.get().getAsInt())
                    .description(description)
                    .tags(tags)
                    .strongReference(true)
                    .register(registry);
            return created;
        });
        holder.set(value);
        owner.add(holder, value);
    }
}
