package dev.tributary.gateway.metrics;

import dev.tributary.gateway.flow.FlowMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's Micrometer meters, exported by Prometheus as {@code tributary_*}. Meters are
 * created once per source, route and sink and cached, so the data plane does no registry look-up.
 * Thread-safe.
 *
 * <ul>
 * <li>{@code tributary_events_received_total{source}}: events decoded from a source</li>
 * <li>{@code tributary_events_rejected_total{source}}: requests refused as malformed or unauthenticated</li>
 * <li>{@code tributary_events_unrouted_total{source}}: events no route matched (acknowledged)</li>
 * <li>{@code tributary_events_filtered_total{route}}: events a route's filters turned away</li>
 * <li>{@code tributary_deliveries_total{route,sink,outcome}}: outcome = delivered | deadlettered | failed</li>
 * <li>{@code tributary_delivery_retries_total{route,sink}}: retried attempts</li>
 * <li>{@code tributary_delivery_seconds{route,sink}}: time to a final outcome, retries included (histogram)</li>
 * <li>flow control: see {@link FlowMetrics}</li>
 * </ul>
 */
@Singleton
public class GatewayMetrics {

    /** The meters of one (route, sink) pair. */
    public record SinkMeters(Counter delivered, Counter deadLettered, Counter failed, Counter retried, Timer latency) {}

    private final MeterRegistry registry;
    private final Map<String, SourceMeters> sources = new ConcurrentHashMap<>();
    private final Map<String, Counter> filtered = new ConcurrentHashMap<>();
    private final Map<String, SinkMeters> sinks = new ConcurrentHashMap<>();

    private final FlowMetrics flow;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.flow = new FlowMetrics(registry);
    }

    /** The flow-control meters (docs/flow-control.md), shared by every pipeline. */
    public FlowMetrics flow() {
        return flow;
    }

    /** The meters of one source. */
    public record SourceMeters(Counter received, Counter rejected, Counter unrouted) {}

    public SourceMeters source(String source) {
        return sources.computeIfAbsent(
                source,
                name -> new SourceMeters(
                        counter("tributary.events.received", "source", name, "Events decoded from a source"),
                        counter(
                                "tributary.events.rejected",
                                "source",
                                name,
                                "Requests refused as malformed or unauthenticated"),
                        counter("tributary.events.unrouted", "source", name, "Events that matched no route")));
    }

    public Counter filtered(String route) {
        return filtered.computeIfAbsent(
                route,
                name -> counter("tributary.events.filtered", "route", name, "Events a route's filters turned away"));
    }

    /** Events a route's transform could not turn into a CloudEvent (rare: looked up on each use). */
    public Counter untransformed(String route) {
        return counter("tributary.events.untransformed", "route", route, "Events a route's transform failed on");
    }

    public SinkMeters sink(String route, String sink) {
        return sinks.computeIfAbsent(
                route + '\u0000' + sink,
                key -> new SinkMeters(
                        outcome(route, sink, "delivered"),
                        outcome(route, sink, "deadlettered"),
                        outcome(route, sink, "failed"),
                        Counter.builder("tributary.delivery.retries")
                                .description("Retried delivery attempts")
                                .tag("route", route)
                                .tag("sink", sink)
                                .register(registry),
                        Timer.builder("tributary.delivery")
                                .description("Time to a final delivery outcome, retries included")
                                .tag("route", route)
                                .tag("sink", sink)
                                .publishPercentileHistogram()
                                .register(registry)));
    }

    private Counter outcome(String route, String sink, String outcome) {
        return Counter.builder("tributary.deliveries")
                .description("Deliveries by final outcome")
                .tag("route", route)
                .tag("sink", sink)
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter counter(String name, String tag, String value, String description) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }
}
