package dev.tributary.gateway.camel;

import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The Camel side of delivery: owns the {@link CamelContext} holding the {@link DeliveryRoutes}
 * and starts deliveries without blocking the caller. Thread-safe once constructed.
 */
public final class CamelDelivery implements AutoCloseable {

    private final CamelContext camel;
    private final Map<String, EventSink> sinks;
    private final List<List<Producer>> producers = new ArrayList<>();
    /** Per route: where its transform failures go (its dead-letter sink), or null when it has no such route. */
    private final List<Producer> untransformed = new ArrayList<>();
    private final Mappings mappings;

    private record Producer(Endpoint endpoint, AsyncProducer producer) {
    }

    public CamelDelivery(Mappings mappings, Map<String, EventSink> sinks, CeOverrides overrides, GatewayMetrics metrics)
            throws Exception {
        this.sinks = sinks;
        this.mappings = mappings;
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("tributary");
        camel.setStreamCaching(false);
        camel.setMessageHistory(false);
        camel.addRoutes(new DeliveryRoutes(mappings, sinks, overrides, metrics));
        camel.start();
        for (int r = 0; r < mappings.routes().size(); r++) {
            List<Producer> routeProducers = new ArrayList<>();
            for (int s = 0; s < mappings.routes().get(r).to().size(); s++) {
                routeProducers.add(producer(DeliveryRoutes.deliverUri(r, s)));
            }
            producers.add(routeProducers);
            CompiledRoute route = mappings.routes().get(r);
            boolean deadLettersUntransformed = route.transform().isPresent() && route.delivery().deadLetterSink().isPresent();
            untransformed.add(deadLettersUntransformed ? producer(DeliveryRoutes.untransformedUri(r)) : null);
        }
    }

    private Producer producer(String uri) throws Exception {
        Endpoint endpoint = camel.getEndpoint(uri);
        AsyncProducer producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
        return new Producer(endpoint, producer);
    }

    /**
     * Delivers an event to the {@code sinkIndex}-th sink of the {@code routeIndex}-th route, with
     * the route's retries and dead-lettering. The future never completes exceptionally.
     */
    public CompletableFuture<DeliveryOutcome> deliver(int routeIndex, int sinkIndex, CloudEvent event) {
        Producer target = producers.get(routeIndex).get(sinkIndex);
        return send(target, target.endpoint().createExchange(), event);
    }

    /**
     * Hands an event the {@code routeIndex}-th route's transform failed on to the route's
     * dead-letter sink, with {@code knativeerrordest} naming the transform, {@code knativeerrorcode}
     * 422 and {@code knativeerrordata} the reason. A route without a dead-letter sink has nowhere
     * to put it: the outcome is a failed delivery (the event stays unacknowledged upstream, whose
     * own redelivery limits apply), never a retry here. The future never completes exceptionally.
     */
    public CompletableFuture<DeliveryOutcome> deadLetterUntransformed(int routeIndex, CloudEvent event, String reason) {
        CompiledRoute route = mappings.routes().get(routeIndex);
        Producer target = untransformed.get(routeIndex);
        if (target == null) {
            return CompletableFuture.completedFuture(DeliveryOutcome.failed(
                    "route '" + route.name() + "': transform failed and the route has no deadLetterSink: " + reason, Optional.empty()));
        }
        Exchange exchange = target.endpoint().createExchange();
        exchange.setProperty(SinkProcessor.LAST_FAILURE, SinkFailure.untransformed(route.name(), reason));
        return send(target, exchange, event);
    }

    private static CompletableFuture<DeliveryOutcome> send(Producer target, Exchange exchange, CloudEvent event) {
        exchange.getIn().setBody(event);
        CompletableFuture<DeliveryOutcome> outcome = new CompletableFuture<>();
        target.producer().process(exchange, doneSync -> outcome.complete(outcomeOf(exchange)));
        return outcome;
    }

    private static DeliveryOutcome outcomeOf(Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure == null) {
            boolean deadLettered = exchange.getProperty(DeadLetterEnricher.DEAD_LETTERED, false, Boolean.class);
            CloudEvent reply = exchange.getProperty(SinkProcessor.REPLY, CloudEvent.class);
            return new DeliveryOutcome(deadLettered ? DeliveryOutcome.Status.DEAD_LETTERED : DeliveryOutcome.Status.DELIVERED,
                    null, Optional.empty(), deadLettered ? Optional.empty() : Optional.ofNullable(reply));
        }
        if (failure instanceof DeliveryFailedException delivery) {
            return DeliveryOutcome.failed(delivery.getMessage(),
                    delivery.reply().filter(reply -> reply.status() == 429).flatMap(SinkReply::retryAfter));
        }
        return DeliveryOutcome.failed(String.valueOf(failure.getMessage()), Optional.empty());
    }

    /** The context, shared with Camel-based sources. */
    public CamelContext camelContext() {
        return camel;
    }

    @Override
    public void close() {
        camel.stop();
        sinks.values().forEach(EventSink::close);
    }
}
