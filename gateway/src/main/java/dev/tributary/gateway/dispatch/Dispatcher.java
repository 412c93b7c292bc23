package dev.tributary.gateway.dispatch;

import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.mapping.StorageEvents;
import dev.tributary.core.source.DispatchResult;
import dev.tributary.core.storage.NeutralStorageEvents;
import dev.tributary.core.transform.TransformException;
import dev.tributary.gateway.camel.CamelDelivery;
import dev.tributary.gateway.camel.DeliveryOutcome;
import dev.tributary.gateway.metrics.GatewayMetrics;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes decoded events: for each event, every route listening to its source whose filters pass
 * transforms it (when it has a transform) and delivers it to each of its sinks (through
 * {@link CamelDelivery}); an event the transform fails on goes once to the route's dead-letter sink. The returned future completes
 * when every delivery has a final outcome; it never completes exceptionally. Thread-safe.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** A route with its position (which Camel delivery routes are its own) and its meters, resolved once. */
    private record IndexedRoute(int index, CompiledRoute route, Counter filtered, List<GatewayMetrics.SinkMeters> sinkMeters) {
    }

    private final Map<String, List<IndexedRoute>> routesBySource;
    private final CamelDelivery delivery;
    private final GatewayMetrics metrics;
    private final NeutralStorageEvents neutral;

    public Dispatcher(Mappings mappings, CamelDelivery delivery, GatewayMetrics metrics, NeutralStorageEvents neutral) {
        this.delivery = delivery;
        this.metrics = metrics;
        this.neutral = neutral;
        Map<CompiledRoute, IndexedRoute> indexed = new HashMap<>();
        for (int i = 0; i < mappings.routes().size(); i++) {
            CompiledRoute route = mappings.routes().get(i);
            indexed.put(route, new IndexedRoute(i, route, metrics.filtered(route.name()),
                    route.to().stream().map(sink -> metrics.sink(route.name(), sink)).toList()));
        }
        this.routesBySource = mappings.sources().keySet().stream().collect(Collectors.toMap(
                source -> source,
                source -> mappings.routesFrom(source).stream().map(indexed::get).toList()));
    }

    public CompletableFuture<DispatchResult> dispatch(String source, List<CloudEvent> events) {
        List<IndexedRoute> routes = routesBySource.getOrDefault(source, List.of());
        List<CompletableFuture<DeliveryOutcome>> deliveries = new ArrayList<>();
        GatewayMetrics.SourceMeters sourceMeters = metrics.source(source);
        for (CloudEvent event : events) {
            sourceMeters.received().increment();
            boolean routed = false;
            CloudEvent neutralEvent = null;
            for (IndexedRoute indexed : routes) {
                CompiledRoute route = indexed.route();
                CloudEvent routedEvent = event;
                if (route.storageEvents() == StorageEvents.NEUTRAL) {
                    neutralEvent = neutralEvent == null ? neutral.apply(event) : neutralEvent;
                    routedEvent = neutralEvent;
                }
                if (!route.filter().test(routedEvent)) {
                    indexed.filtered().increment();
                    continue;
                }
                routed = true;
                if (route.transform().isPresent()) {
                    try {
                        routedEvent = route.transform().get().apply(routedEvent);
                    } catch (TransformException e) {
                        deliveries.add(untransformed(indexed, routedEvent, e.getMessage()));
                        continue;
                    }
                }
                for (int s = 0; s < route.to().size(); s++) {
                    deliveries.add(track(route, route.to().get(s), indexed.sinkMeters().get(s), routedEvent,
                            delivery.deliver(indexed.index(), s, routedEvent).thenCompose(o -> routeReply(route, o))));
                }
            }
            if (!routed) {
                sourceMeters.unrouted().increment();
                LOG.debug("source '{}': event {} matched no route", source, event.getId());
            }
        }
        return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> summarize(events.size(), deliveries));
    }

    /** An event the route's transform failed on goes to the route's dead-letter sink (or fails the delivery). */
    private CompletableFuture<DeliveryOutcome> untransformed(IndexedRoute indexed, CloudEvent event, String reason) {
        String route = indexed.route().name();
        metrics.untransformed(route).increment();
        return delivery.deadLetterUntransformed(indexed.index(), event, reason).whenComplete((outcome, error) -> {
            if (outcome.status() == DeliveryOutcome.Status.DEAD_LETTERED) {
                LOG.warn("route '{}': event {} dead-lettered: {}", route, event.getId(), reason);
            } else {
                LOG.error("route '{}': event {} not delivered: {}", route, event.getId(), outcome.failure());
            }
        });
    }

    /**
     * Knative reply semantics: when a route names a {@code reply} source, a sink's CloudEvent
     * answer is dispatched from that source, and the original delivery is safe only once the
     * reply is. Replies on routes without {@code reply} are dropped.
     */
    private CompletableFuture<DeliveryOutcome> routeReply(CompiledRoute route, DeliveryOutcome outcome) {
        if (outcome.reply().isEmpty()) {
            return CompletableFuture.completedFuture(outcome);
        }
        if (route.reply().isEmpty()) {
            LOG.debug("route '{}': ignoring reply {} (the route has no 'reply' source)", route.name(), outcome.reply().get().getId());
            return CompletableFuture.completedFuture(outcome);
        }
        String source = route.reply().get();
        return dispatch(source, List.of(outcome.reply().get())).thenApply(result -> result.isSafe() ? outcome
                : outcome.replyFailed("reply routed to source '" + source + "' was not delivered: " + result.failures().get(0)));
    }

    private CompletableFuture<DeliveryOutcome> track(CompiledRoute route, String sink, GatewayMetrics.SinkMeters meters,
            CloudEvent event, CompletableFuture<DeliveryOutcome> outcome) {
        Timer.Sample sample = Timer.start();
        return outcome.whenComplete((result, error) -> {
            sample.stop(meters.latency());
            switch (result.status()) {
                case DELIVERED -> {
                    meters.delivered().increment();
                    LOG.debug("route '{}': event {} delivered to sink '{}'", route.name(), event.getId(), sink);
                }
                case DEAD_LETTERED -> {
                    meters.deadLettered().increment();
                    LOG.warn("route '{}': event {} dead-lettered after failing at sink '{}'", route.name(), event.getId(), sink);
                }
                case FAILED -> {
                    meters.failed().increment();
                    LOG.warn("route '{}': event {} not delivered: {}", route.name(), event.getId(), result.failure());
                }
            }
        });
    }

    private static DispatchResult summarize(int events, List<CompletableFuture<DeliveryOutcome>> deliveries) {
        List<String> failures = new ArrayList<>();
        Optional<Duration> retryAfter = Optional.empty();
        for (CompletableFuture<DeliveryOutcome> future : deliveries) {
            DeliveryOutcome outcome = future.join();
            if (!outcome.isSafe()) {
                failures.add(outcome.failure());
                if (outcome.retryAfter().isPresent()
                        && (retryAfter.isEmpty() || outcome.retryAfter().get().compareTo(retryAfter.get()) > 0)) {
                    retryAfter = outcome.retryAfter();
                }
            }
        }
        return new DispatchResult(events, deliveries.size(), failures, retryAfter);
    }
}
