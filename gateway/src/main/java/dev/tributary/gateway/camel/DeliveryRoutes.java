package dev.tributary.gateway.camel;

import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.sink.EventSink;
import dev.tributary.gateway.delivery.SinkDelivery;
import dev.tributary.gateway.health.SinksHealth;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.gateway.tracing.Tracing;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.DeadLetterChannelBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;

/**
 * Assembles one Camel route per {@link SinkDelivery} (route, sink) pair, plus one per dead-letter pair:
 *
 * <pre>
 * direct:deliver-ID     → [redelivery per the route's delivery policy] → sink
 *        └─ exhausted or rejected, when the route has a dead-letter sink D:
 * direct:deadletter-ID  → [dead-letter span] → add knativeerror* extensions → [same redelivery] → sink D
 * </pre>
 *
 * and, for a route with a transform and a dead-letter sink, one for the events its transform failed on:
 *
 * <pre>
 * direct:untransformed-N → add knativeerror* extensions → [same redelivery] → sink D
 * </pre>
 *
 * A failure of the dead-letter sink itself is not swallowed ({@code deadLetterHandleNewException}
 * is off), so the event stays unacknowledged upstream. The dead-letter span step is there only
 * when tracing is on ({@link Tracing#deadLetter}).
 */
final class DeliveryRoutes extends RouteBuilder {

    private final List<SinkDelivery> deliveries;
    private final Map<String, EventSink> sinks;
    private final CeOverrides overrides;
    private final GatewayMetrics metrics;
    private final Tracing tracing;
    private final SinksHealth health;
    private final Map<CompiledRoute, String> untransformedUris = new IdentityHashMap<>();

    DeliveryRoutes(
            List<SinkDelivery> deliveries,
            Map<String, EventSink> sinks,
            CeOverrides overrides,
            GatewayMetrics metrics,
            Tracing tracing,
            SinksHealth health) {
        this.deliveries = deliveries;
        this.sinks = sinks;
        this.overrides = overrides;
        this.metrics = metrics;
        this.tracing = tracing;
        this.health = health;
    }

    static String deliverUri(SinkDelivery delivery) {
        return "direct:deliver-" + delivery.id();
    }

    static String deadLetterUri(SinkDelivery delivery) {
        return "direct:deadletter-" + delivery.id();
    }

    /**
     * The channel of each route with a transform and a dead-letter sink for the events its
     * transform failed on; filled by {@link #configure()}.
     */
    Map<CompiledRoute, String> untransformedUris() {
        return untransformedUris;
    }

    @Override
    public void configure() {
        Map<CompiledRoute, String> policies = new IdentityHashMap<>();
        for (SinkDelivery delivery : deliveries) {
            CompiledRoute route = delivery.route();
            String policyRef = policies.computeIfAbsent(route, r -> {
                String ref = "redelivery-" + policies.size();
                getCamelContext().getRegistry().bind(ref, new KnativeRedeliveryPolicy(r.delivery()));
                untransformedRoute(r, ref);
                return ref;
            });
            DefaultErrorHandlerDefinition errorHandler;
            if (route.delivery().deadLetterSink().isPresent()) {
                String deadLetterSink = route.delivery().deadLetterSink().get();
                DeadLetterChannelBuilder channel = deadLetterChannel(deadLetterUri(delivery));
                channel.deadLetterHandleNewException(false);
                errorHandler = channel;
                RouteDefinition deadLetters = from(deadLetterUri(delivery))
                        .routeId(delivery.describe() + " dead letters to '" + deadLetterSink + "'")
                        .errorHandler(quiet(defaultErrorHandler().redeliveryPolicyRef(policyRef)));
                tracing.deadLetter(route.name(), delivery.sink(), deadLetterSink)
                        .ifPresent(deadLetters::process);
                deadLetters
                        .process(new DeadLetterEnricher())
                        .process(processor(route, deadLetterSink, metrics.sink(route.name(), deadLetterSink)));
            } else {
                errorHandler = defaultErrorHandler();
            }
            errorHandler.redeliveryPolicyRef(policyRef);
            from(deliverUri(delivery))
                    .routeId(delivery.describe())
                    .errorHandler(quiet(errorHandler))
                    .process(processor(route, delivery.sink(), delivery.meters()));
        }
    }

    private void untransformedRoute(CompiledRoute route, String policyRef) {
        if (route.transform().isEmpty() || route.delivery().deadLetterSink().isEmpty()) {
            return;
        }
        String deadLetterSink = route.delivery().deadLetterSink().get();
        String uri = "direct:untransformed-" + untransformedUris.size();
        untransformedUris.put(route, uri);
        from(uri)
                .routeId("route '" + route.name() + "' transform failures to '" + deadLetterSink + "'")
                .errorHandler(quiet(defaultErrorHandler().redeliveryPolicyRef(policyRef)))
                .process(new DeadLetterEnricher())
                .process(processor(route, deadLetterSink, metrics.sink(route.name(), deadLetterSink)));
    }

    /** Camel's own failure logs go to DEBUG: the Dispatcher logs every final outcome once, with the event id. */
    private static DefaultErrorHandlerDefinition quiet(DefaultErrorHandlerDefinition errorHandler) {
        errorHandler.setLevel(LoggingLevel.DEBUG.name());
        return errorHandler;
    }

    private SinkProcessor processor(CompiledRoute route, String sinkName, GatewayMetrics.SinkMeters meters) {
        return new SinkProcessor(
                route.name(),
                sinkName,
                sinks.get(sinkName),
                route.delivery(),
                overrides,
                meters,
                health.of(sinkName),
                tracing);
    }
}
