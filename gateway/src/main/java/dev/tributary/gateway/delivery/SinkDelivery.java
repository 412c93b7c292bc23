package dev.tributary.gateway.delivery;

import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.gateway.metrics.GatewayMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * One (route, sink) pair of the mappings: the unit the dispatcher delivers to, the Camel route
 * assembly builds a route for, and the metrics count. Every pair is enumerated once, by
 * {@link #of(Mappings, GatewayMetrics)}, so no two components walk the routes in parallel and
 * have to agree on positions. Immutable.
 *
 * @param id unique among the pairs of one mappings file, usable in Camel endpoint URIs
 * @param route the route
 * @param sink the sink's name, one of {@code route.to()}
 * @param meters the pair's meters
 */
public record SinkDelivery(String id, CompiledRoute route, String sink, GatewayMetrics.SinkMeters meters) {

    /** Every (route, sink) pair, in file order: routes, then each route's {@code to}. */
    public static List<SinkDelivery> of(Mappings mappings, GatewayMetrics metrics) {
        List<SinkDelivery> pairs = new ArrayList<>();
        for (CompiledRoute route : mappings.routes()) {
            for (String sink : route.to()) {
                pairs.add(
                        new SinkDelivery(String.valueOf(pairs.size()), route, sink, metrics.sink(route.name(), sink)));
            }
        }
        return List.copyOf(pairs);
    }

    /** How logs and Camel route ids name the pair. */
    public String describe() {
        return "route '" + route.name() + "' sink '" + sink + "'";
    }
}
