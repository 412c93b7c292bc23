package dev.tributary.gateway.replay;

import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.mapping.Mappings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

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
     * @param route the route's index in the mappings
     * @param sinks indexes of the route's sinks to deliver to
     * @param filter whether the route's filters must pass first
     * @param transform whether the route's transform is applied
     */
    record Step(int route, List<Integer> sinks, boolean filter, boolean transform) {
    }

    private final Mappings mappings;
    private final Optional<String> onlyRoute;

    /** @throws IllegalArgumentException when {@code onlyRoute} names no route of the mappings */
    public ReplayPlan(Mappings mappings, Optional<String> onlyRoute) {
        this.mappings = mappings;
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
        List<CompiledRoute> routes = mappings.routes();
        for (int r = 0; r < routes.size(); r++) {
            CompiledRoute route = routes.get(r);
            if (onlyRoute.isPresent() && !onlyRoute.get().equals(route.name())) {
                continue;
            }
            List<Integer> allSinks = IntStream.range(0, route.to().size()).boxed().toList();
            if (origin.transformOf().isPresent()) {
                if (origin.transformOf().get().equals(route.name())) {
                    steps.add(new Step(r, allSinks, false, true));
                }
            } else if (origin.failedSink().isPresent()) {
                int sink = route.to().indexOf(origin.failedSink().get());
                if (sink >= 0) {
                    return List.of(new Step(r, List.of(sink), false, false));
                }
            } else {
                steps.add(new Step(r, allSinks, true, true));
            }
        }
        return steps;
    }
}
