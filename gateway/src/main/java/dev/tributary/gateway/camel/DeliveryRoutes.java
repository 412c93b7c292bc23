package dev.tributary.gateway.camel;

import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.core.sink.EventSink;
import java.util.Map;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.DeadLetterChannelBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;

/**
 * Assembles one Camel route per (route, sink) pair of the mappings, plus one per dead-letter pair:
 *
 * <pre>
 * direct:deliver-R-S     → [redelivery per the route's delivery policy] → sink S
 *        └─ exhausted or rejected, when the route has a dead-letter sink D:
 * direct:deadletter-R-S  → add knativeerror* extensions → [same redelivery] → sink D
 * </pre>
 *
 * and, for a route with a transform and a dead-letter sink, one for the events its transform failed on:
 *
 * <pre>
 * direct:untransformed-R → add knativeerror* extensions → [same redelivery] → sink D
 * </pre>
 *
 * A failure of the dead-letter sink itself is not swallowed ({@code deadLetterHandleNewException}
 * is off), so the event stays unacknowledged upstream.
 */
final class DeliveryRoutes extends RouteBuilder {

    private final Mappings mappings;
    private final Map<String, EventSink> sinks;
    private final CeOverrides overrides;
    private final GatewayMetrics metrics;

    DeliveryRoutes(Mappings mappings, Map<String, EventSink> sinks, CeOverrides overrides, GatewayMetrics metrics) {
        this.mappings = mappings;
        this.sinks = sinks;
        this.overrides = overrides;
        this.metrics = metrics;
    }

    static String deliverUri(int route, int sink) {
        return "direct:deliver-" + route + "-" + sink;
    }

    static String deadLetterUri(int route, int sink) {
        return "direct:deadletter-" + route + "-" + sink;
    }

    static String untransformedUri(int route) {
        return "direct:untransformed-" + route;
    }

    @Override
    public void configure() {
        for (int r = 0; r < mappings.routes().size(); r++) {
            CompiledRoute route = mappings.routes().get(r);
            String policyRef = "redelivery-" + r;
            getCamelContext().getRegistry().bind(policyRef, new KnativeRedeliveryPolicy(route.delivery()));
            if (route.transform().isPresent() && route.delivery().deadLetterSink().isPresent()) {
                String deadLetterSink = route.delivery().deadLetterSink().get();
                from(untransformedUri(r))
                        .routeId("route '" + route.name() + "' transform failures to '" + deadLetterSink + "'")
                        .errorHandler(quiet(defaultErrorHandler().redeliveryPolicyRef(policyRef)))
                        .process(new DeadLetterEnricher())
                        .process(processor(route, deadLetterSink));
            }
            for (int s = 0; s < route.to().size(); s++) {
                String sinkName = route.to().get(s);
                DefaultErrorHandlerDefinition errorHandler;
                if (route.delivery().deadLetterSink().isPresent()) {
                    String deadLetterSink = route.delivery().deadLetterSink().get();
                    DeadLetterChannelBuilder channel = deadLetterChannel(deadLetterUri(r, s));
                    channel.deadLetterHandleNewException(false);
                    errorHandler = channel;
                    from(deadLetterUri(r, s))
                            .routeId("route '" + route.name() + "' sink '" + sinkName + "' dead letters to '" + deadLetterSink + "'")
                            .errorHandler(quiet(defaultErrorHandler().redeliveryPolicyRef(policyRef)))
                            .process(new DeadLetterEnricher())
                            .process(processor(route, deadLetterSink));
                } else {
                    errorHandler = defaultErrorHandler();
                }
                errorHandler.redeliveryPolicyRef(policyRef);
                from(deliverUri(r, s))
                        .routeId("route '" + route.name() + "' sink '" + sinkName + "'")
                        .errorHandler(quiet(errorHandler))
                        .process(processor(route, sinkName));
            }
        }
    }

    /** Camel's own failure logs go to DEBUG: the Dispatcher logs every final outcome once, with the event id. */
    private static DefaultErrorHandlerDefinition quiet(DefaultErrorHandlerDefinition errorHandler) {
        errorHandler.setLevel(LoggingLevel.DEBUG.name());
        return errorHandler;
    }

    private SinkProcessor processor(CompiledRoute route, String sinkName) {
        return new SinkProcessor(sinkName, sinks.get(sinkName), route.delivery(), overrides,
                metrics.sink(route.name(), sinkName));
    }
}
