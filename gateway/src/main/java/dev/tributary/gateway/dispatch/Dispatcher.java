package dev.tributary.gateway.dispatch;

import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.mapping.StorageEvents;
import dev.tributary.core.source.DispatchResult;
import dev.tributary.core.storage.NeutralStorageEvents;
import dev.tributary.core.transform.TransformException;
import dev.tributary.gateway.camel.CamelDelivery;
import dev.tributary.gateway.camel.DeliveryOutcome;
import dev.tributary.gateway.delivery.SinkDelivery;
import dev.tributary.gateway.flow.FlowControl;
import dev.tributary.gateway.logging.DeliveryLog;
import dev.tributary.gateway.metrics.GatewayMetrics;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes decoded events: for each event, every route listening to its source whose filters pass
 * transforms it (when it has a transform) and delivers it to each of its sinks (through
 * {@link FlowControl}, then {@link CamelDelivery}); an event the transform fails on goes once to the
 * route's dead-letter sink. The returned future completes when every delivery has a final outcome;
 * it never completes exceptionally. Thread-safe.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final DeliveryLog DELIVERIES = new DeliveryLog(LOG);

    /**
     * How many times a reply may be routed back in a chain (extension {@value #HOPS_EXTENSION}):
     * {@value}.
     */
    public static final int MAX_REPLY_HOPS = 16;
    /** The CloudEvents extension counting reply hops: {@value}. */
    public static final String HOPS_EXTENSION = "tributaryhops";

    /** A route with its filter and transform-failure counters and its (route, sink) deliveries, resolved once. */
    private record RouteDeliveries(
            CompiledRoute route, Counter filtered, Counter untransformed, List<SinkDelivery> sinks) {}

    private final Map<String, List<RouteDeliveries>> routesBySource;
    private final CamelDelivery delivery;
    private final GatewayMetrics metrics;
    private final NeutralStorageEvents neutral;
    private final FlowControl flow;
    private final Set<String> pushSources;

    /**
     * @param deliveries every (route, sink) pair of {@code mappings}, as {@code delivery} was built with
     * @param flow the de-duplication, ordering and sink limits every delivery passes through
     */
    public Dispatcher(
            Mappings mappings,
            List<SinkDelivery> deliveries,
            CamelDelivery delivery,
            FlowControl flow,
            GatewayMetrics metrics,
            NeutralStorageEvents neutral) {
        this.delivery = delivery;
        this.flow = flow;
        this.pushSources = mappings.sources().values().stream()
                .filter(SourceConfig::push)
                .map(SourceConfig::name)
                .collect(Collectors.toUnmodifiableSet());
        this.metrics = metrics;
        this.neutral = neutral;
        Map<CompiledRoute, RouteDeliveries> byRoute = new IdentityHashMap<>();
        for (CompiledRoute route : mappings.routes()) {
            byRoute.put(
                    route,
                    new RouteDeliveries(
                            route,
                            metrics.filtered(route.name()),
                            metrics.untransformed(route.name()),
                            deliveries.stream()
                                    .filter(pair -> pair.route() == route)
                                    .toList()));
        }
        this.routesBySource = mappings.sources().keySet().stream()
                .collect(Collectors.toMap(
                        source -> source,
                        source -> mappings.routesFrom(source).stream()
                                .map(byRoute::get)
                                .toList()));
    }

    public CompletableFuture<DispatchResult> dispatch(String source, List<CloudEvent> events) {
        List<RouteDeliveries> routes = routesBySource.getOrDefault(source, List.of());
        List<CompletableFuture<DeliveryOutcome>> deliveries = new ArrayList<>();
        GatewayMetrics.SourceMeters sourceMeters = metrics.source(source);
        boolean push = pushSources.contains(source);
        for (CloudEvent event : events) {
            sourceMeters.received().increment();
            boolean routed = false;
            CloudEvent neutralEvent = null;
            for (RouteDeliveries indexed : routes) {
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
                CloudEvent transformed = routedEvent;
                if (route.transform().isPresent()) {
                    try {
                        transformed = route.transform().get().apply(routedEvent);
                    } catch (TransformException e) {
                        deliveries.add(untransformed(indexed, routedEvent, e.getMessage()));
                        continue;
                    }
                }
                CloudEvent delivered = transformed;
                deliveries.addAll(flow.route(route, delivered, () -> {
                    List<CompletableFuture<DeliveryOutcome>> sent =
                            new ArrayList<>(indexed.sinks().size());
                    for (SinkDelivery pair : indexed.sinks()) {
                        sent.add(track(
                                pair,
                                delivered,
                                flow.deliver(pair, delivered, push, e -> delivery.deliver(pair, e))
                                        .thenCompose(o -> routeReply(route, delivered, o))));
                    }
                    return sent;
                }));
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
    private CompletableFuture<DeliveryOutcome> untransformed(RouteDeliveries indexed, CloudEvent event, String reason) {
        String route = indexed.route().name();
        indexed.untransformed().increment();
        return delivery.deadLetterUntransformed(indexed.route(), event, reason).whenComplete((outcome, error) -> {
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
     *
     * <p>Hop limit: the gateway sets extension {@value #HOPS_EXTENSION} on every routed reply to
     * one more than the delivered event's (absent counts as 0), whatever the sink put in its
     * answer, so a chain of replies is counted even through sinks that copy no extensions. A reply
     * that would exceed {@value #MAX_REPLY_HOPS} hops is dropped with a warning and the delivery
     * that produced it stays delivered (as a Knative broker drops an event whose
     * {@code knativebrokerttl} reached 0), so a sink whose replies route back to itself cannot
     * loop forever.
     */
    private CompletableFuture<DeliveryOutcome> routeReply(
            CompiledRoute route, CloudEvent delivered, DeliveryOutcome outcome) {
        if (outcome.reply().isEmpty()) {
            return CompletableFuture.completedFuture(outcome);
        }
        if (route.reply().isEmpty()) {
            LOG.debug(
                    "route '{}': ignoring reply {} (the route has no 'reply' source)",
                    route.name(),
                    outcome.reply().get().getId());
            return CompletableFuture.completedFuture(outcome);
        }
        int hops = hops(delivered) + 1;
        if (hops > MAX_REPLY_HOPS) {
            LOG.warn(
                    "route '{}': dropping reply {} to event {}: more than {} reply hops ({} extension)",
                    route.name(),
                    outcome.reply().get().getId(),
                    delivered.getId(),
                    MAX_REPLY_HOPS,
                    HOPS_EXTENSION);
            return CompletableFuture.completedFuture(outcome);
        }
        String source = route.reply().get();
        CloudEvent reply = CloudEventBuilder.from(outcome.reply().get())
                .withExtension(HOPS_EXTENSION, hops)
                .build();
        return dispatch(source, List.of(reply))
                .thenApply(result -> result.isSafe()
                        ? outcome
                        : outcome.replyFailed("reply routed to source '" + source + "' was not delivered: "
                                + result.failures().get(0)));
    }

    /** The delivered event's reply hop count; a value that is no non-negative integer counts as 0. */
    private static int hops(CloudEvent event) {
        Object value = event.getExtension(HOPS_EXTENSION);
        if (value instanceof Integer number) {
            return Math.max(0, number);
        }
        if (value != null) {
            try {
                return Math.max(0, Integer.parseInt(value.toString()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private CompletableFuture<DeliveryOutcome> track(
            SinkDelivery pair, CloudEvent event, CompletableFuture<DeliveryOutcome> outcome) {
        CompiledRoute route = pair.route();
        String sink = pair.sink();
        GatewayMetrics.SinkMeters meters = pair.meters();
        Timer.Sample sample = Timer.start();
        return outcome.whenComplete((result, error) -> {
            sample.stop(meters.latency());
            switch (result.status()) {
                case DELIVERED -> {
                    meters.delivered().increment();
                    DELIVERIES.delivered(route.name(), sink, event.getId());
                }
                case DEAD_LETTERED -> {
                    meters.deadLettered().increment();
                    DELIVERIES.deadLettered(route.name(), sink, event.getId(), result.failure());
                }
                case FAILED -> {
                    meters.failed().increment();
                    DELIVERIES.failed(route.name(), sink, event.getId(), result.failure());
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
