package dev.tributary.gateway.camel;

import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
import dev.tributary.gateway.delivery.SinkDelivery;
import dev.tributary.gateway.health.SinksHealth;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.gateway.tracing.Tracing;
import io.cloudevents.CloudEvent;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The Camel side of delivery: owns the {@link CamelContext} holding the {@link DeliveryRoutes}
 * and starts deliveries without blocking the caller. Thread-safe once constructed.
 */
public final class CamelDelivery implements AutoCloseable {

    private final CamelContext camel;
    private final Tracing tracing;
    private final SinksHealth health;
    private final Map<SinkDelivery, Producer> producers = new IdentityHashMap<>();
    /** Per route with a transform and a dead-letter sink: where its transform failures go. */
    private final Map<CompiledRoute, Producer> untransformed = new IdentityHashMap<>();

    private record Producer(Endpoint endpoint, AsyncProducer producer) {}

    /**
     * Starts a Camel context with a delivery route for each of {@code deliveries}.
     *
     * @param sinks every sink the deliveries and their dead-letter channels name, by name; they
     *     stay the caller's to close
     */
    public CamelDelivery(
            List<SinkDelivery> deliveries,
            Map<String, EventSink> sinks,
            CeOverrides overrides,
            GatewayMetrics metrics,
            Tracing tracing)
            throws Exception {
        camel = new DefaultCamelContext();
        this.tracing = tracing;
        this.health = new SinksHealth(sinks.keySet());
        try {
            start(deliveries, sinks, overrides, metrics, tracing);
        } catch (Exception | Error e) {
            camel.stop();
            throw e;
        }
    }

    private void start(
            List<SinkDelivery> deliveries,
            Map<String, EventSink> sinks,
            CeOverrides overrides,
            GatewayMetrics metrics,
            Tracing tracing)
            throws Exception {
        camel.getCamelContextExtension().setName("tributary");
        camel.setStreamCaching(false);
        camel.setMessageHistory(false);
        // a delivery started while this context stops fails at once (the push is answered 503, the
        // pulled message stays unacknowledged) instead of waiting 30 s, on the calling thread, for a
        // consumer that will never come back
        camel.getComponent("direct", DirectComponent.class).setBlock(false);
        DeliveryRoutes routes = new DeliveryRoutes(deliveries, sinks, overrides, metrics, tracing, health);
        camel.addRoutes(routes);
        camel.start();
        for (SinkDelivery delivery : deliveries) {
            producers.put(delivery, producer(DeliveryRoutes.deliverUri(delivery)));
        }
        for (Map.Entry<CompiledRoute, String> channel :
                routes.untransformedUris().entrySet()) {
            untransformed.put(channel.getKey(), producer(channel.getValue()));
        }
    }

    private Producer producer(String uri) throws Exception {
        Endpoint endpoint = camel.getEndpoint(uri);
        AsyncProducer producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
        return new Producer(endpoint, producer);
    }

    /**
     * Delivers an event to one (route, sink) pair, with the route's retries and dead-lettering.
     * The future never completes exceptionally.
     *
     * @param delivery one of the pairs this delivery was built with
     */
    public CompletableFuture<DeliveryOutcome> deliver(SinkDelivery delivery, CloudEvent event) {
        Producer target = producers.get(delivery);
        Exchange exchange = target.endpoint().createExchange();
        DeliveryRecord.attach(exchange);
        return send(target, exchange, event);
    }

    /**
     * Hands an event the route's transform failed on to the route's dead-letter sink, with
     * {@code knativeerrordest} naming the transform, {@code knativeerrorcode} 422 and
     * {@code knativeerrordata} the reason. A route without a dead-letter sink has nowhere to put
     * it: the outcome is a failed delivery (the event stays unacknowledged upstream, whose own
     * redelivery limits apply), never a retry here. The future never completes exceptionally.
     *
     * @param route one of the routes of the deliveries this delivery was built with
     */
    public CompletableFuture<DeliveryOutcome> deadLetterUntransformed(
            CompiledRoute route, CloudEvent event, String reason) {
        Producer target = untransformed.get(route);
        if (target == null) {
            return CompletableFuture.completedFuture(DeliveryOutcome.failed(
                    "route '" + route.name() + "': transform failed and the route has no deadLetterSink: " + reason,
                    Optional.empty()));
        }
        Exchange exchange = target.endpoint().createExchange();
        DeliveryRecord.attach(exchange).failed(SinkFailure.untransformed(route.name(), reason));
        return send(target, exchange, event);
    }

    private CompletableFuture<DeliveryOutcome> send(Producer target, Exchange exchange, CloudEvent event) {
        exchange.getIn().setBody(event);
        tracing.startDelivery(exchange);
        CompletableFuture<DeliveryOutcome> outcome = new CompletableFuture<>();
        target.producer().process(exchange, doneSync -> outcome.complete(outcomeOf(exchange)));
        return outcome;
    }

    private static DeliveryOutcome outcomeOf(Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure == null) {
            DeliveryRecord record = DeliveryRecord.of(exchange);
            if (record.isDeadLettered()) {
                return new DeliveryOutcome(
                        DeliveryOutcome.Status.DEAD_LETTERED,
                        record.deadLetterCause().map(SinkFailure::describe).orElse(null),
                        Optional.empty(),
                        Optional.empty());
            }
            return new DeliveryOutcome(DeliveryOutcome.Status.DELIVERED, null, Optional.empty(), record.reply());
        }
        if (failure instanceof DeliveryFailedException delivery) {
            return DeliveryOutcome.failed(
                    delivery.getMessage(),
                    delivery.reply().filter(reply -> reply.status() == 429).flatMap(SinkReply::retryAfter));
        }
        return DeliveryOutcome.failed(String.valueOf(failure.getMessage()), Optional.empty());
    }

    /** The health of the sinks, as each delivery attempt finds them. */
    public SinksHealth sinksHealth() {
        return health;
    }

    /** The context, shared with Camel-based sources. */
    public CamelContext camelContext() {
        return camel;
    }

    /** Stops the Camel context, waiting for the deliveries in flight; the sinks belong to the caller. */
    @Override
    public void close() {
        camel.stop();
    }
}
