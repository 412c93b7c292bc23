package dev.tributary.core.trace;

import dev.tributary.core.filter.AllFilter;
import dev.tributary.core.filter.EventFilter;
import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.mapping.StorageEvents;
import dev.tributary.core.storage.NeutralStorageEvents;
import dev.tributary.core.transform.TransformException;
import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the routes of a mappings file would do with events from one source, without delivering
 * anything: for each route listening to the source, in file order, whether its filters pass (and
 * which reject), the event after its transform (or why the transform failed), and its sinks. The
 * steps are the dispatcher's: storage events in the route's form, then filters, then transform.
 * Thread-safe.
 */
public final class RouteTrace {

    /**
     * What one route does with one event.
     *
     * @param route the route's name
     * @param rejections the filters that turned the event away (empty when it passed), each as
     *     {@code filters[i]: description}
     * @param delivered the event its sinks would receive (after the transform), when it passed and
     *     the transform succeeded
     * @param transformFailure why the transform failed, when it did (the event would be dead-lettered)
     * @param sinks the route's sinks
     * @param deadLetterSink the route's dead-letter sink, if any
     */
    public record RouteResult(
            String route,
            List<String> rejections,
            Optional<CloudEvent> delivered,
            Optional<String> transformFailure,
            List<String> sinks,
            Optional<String> deadLetterSink) {

        public boolean matched() {
            return rejections.isEmpty();
        }
    }

    /** One event and what each route listening to its source does with it. */
    public record EventResult(CloudEvent event, List<RouteResult> routes) {

        /** The names of the routes whose filters pass. */
        public List<String> matchedRoutes() {
            return routes.stream()
                    .filter(RouteResult::matched)
                    .map(RouteResult::route)
                    .toList();
        }
    }

    private final Mappings mappings;
    private final NeutralStorageEvents neutral;

    public RouteTrace(Mappings mappings, NeutralStorageEvents neutral) {
        this.mappings = mappings;
        this.neutral = neutral;
    }

    /** Traces events decoded from {@code source} through every route listening to it. */
    public List<EventResult> trace(String source, List<CloudEvent> events) {
        List<EventResult> results = new ArrayList<>();
        for (CloudEvent event : events) {
            List<RouteResult> routes = new ArrayList<>();
            for (CompiledRoute route : mappings.routesFrom(source)) {
                routes.add(trace(route, event));
            }
            results.add(new EventResult(event, routes));
        }
        return results;
    }

    /** What one route does with one event. */
    public RouteResult trace(CompiledRoute route, CloudEvent event) {
        CloudEvent routed = route.storageEvents() == StorageEvents.NEUTRAL ? neutral.apply(event) : event;
        List<String> rejections = rejections(route.filter(), routed);
        Optional<CloudEvent> delivered = Optional.empty();
        Optional<String> failure = Optional.empty();
        if (rejections.isEmpty()) {
            if (route.transform().isEmpty()) {
                delivered = Optional.of(routed);
            } else {
                try {
                    delivered = Optional.of(route.transform().get().apply(routed));
                } catch (TransformException e) {
                    failure = Optional.of(e.getMessage());
                }
            }
        }
        return new RouteResult(
                route.name(),
                rejections,
                delivered,
                failure,
                route.to(),
                route.delivery().deadLetterSink());
    }

    /** The route's top-level filters that fail, as {@code filters[i]: description}. */
    private static List<String> rejections(EventFilter filter, CloudEvent event) {
        if (filter.test(event)) {
            return List.of();
        }
        if (!(filter instanceof AllFilter all)) {
            return List.of("filters: " + filter);
        }
        List<String> rejections = new ArrayList<>();
        List<EventFilter> filters = all.filters();
        for (int i = 0; i < filters.size(); i++) {
            if (!filters.get(i).test(event)) {
                rejections.add("filters[" + i + "]: " + filters.get(i));
            }
        }
        return rejections;
    }
}
