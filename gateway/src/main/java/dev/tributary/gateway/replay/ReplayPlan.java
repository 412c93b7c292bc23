package dev.tributary.gateway.replay;

import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.gateway.delivery.SinkDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides where a replayed event goes, from why it was stored ({@link DeadLetterOrigin}), so a
 * replay does again what failed and nothing else:
 * <ul>
 * <li>dead-lettered by sink S: it had passed the filters and the transform; it goes to S only,
 *     with the delivery policy of the first route (or {@code --route}) that delivers to S;</li>
 * <li>dead-lettered by route R's transform: it goes through R's transform again, then to all of
 *     R's sinks (none had received it);</li>
 * <li>anything else (an archive line): through the filters, transform and sinks of every route
 *     (or {@code --route} only), as a newly arrived event.</li>
 * </ul>
 * Stateless apart from the mappings.
 */
public final class ReplayPlan {

    /**
     * One route's part of a replay.
     *
     * @param route the route
     * @param sinks the route's (route, sink) pairs to deliver to
     * @param filter whether the route's filters must pass first
     * @param transform whether the route's transform is applied
     */
    record Step(CompiledRoute route, List<SinkDelivery> sinks, boolean filter, boolean transform) {}

    private final Mappings mappings;
    private final List<SinkDelivery> deliveries;
    private final Optional<String> onlyRoute;

    /**
     * @param deliveries every (route, sink) pair of {@code mappings}
     * @throws IllegalArgumentException when {@code onlyRoute} names no route of the mappings
     */
    public ReplayPlan(Mappings mappings, List<SinkDelivery> deliveries, Optional<String> onlyRoute) {
        this.mappings = mappings;
        this.deliveries = deliveries;
        this.onlyRoute = onlyRoute;
        onlyRoute.ifPresent(name -> {
            if (mappings.routes().stream().noneMatch(route -> route.name().equals(name))) {
                throw new IllegalArgumentException("no route '" + name + "' in " + mappings.origin());
            }
        });
    }

    /** The steps for one event; empty when no (selected) route can take it. */
    List<Step> steps(DeadLetterOrigin origin) {
        List<Step> steps = new ArrayList<>();
        for (CompiledRoute route : mappings.routes()) {
            if (onlyRoute.isPresent() && !onlyRoute.get().equals(route.name())) {
                continue;
            }
            List<SinkDelivery> allSinks =
                    deliveries.stream().filter(pair -> pair.route() == route).toList();
            if (origin.transformOf().isPresent()) {
                if (origin.transformOf().get().equals(route.name())) {
                    steps.add(new Step(route, allSinks, false, true));
                }
            } else if (origin.failedSink().isPresent()) {
                Optional<SinkDelivery> failed = allSinks.stream()
                        .filter(pair -> pair.sink().equals(origin.failedSink().get()))
                        .findFirst();
                if (failed.isPresent()) {
                    return List.of(new Step(route, List.of(failed.get()), false, false));
                }
            } else {
                steps.add(new Step(route, allSinks, true, true));
            }
        }
        return steps;
    }
}
