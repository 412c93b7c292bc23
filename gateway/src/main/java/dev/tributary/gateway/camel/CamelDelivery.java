package dev.tributary.gateway.camel;

import dev.tributary.gateway.delivery.SinkDelivery;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
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
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The Camel side of delivery: owns the {@link CamelContext} holding the {@link DeliveryRoutes}
 * and starts deliveries without blocking the caller. Thread-safe once constructed.
 */
public final class CamelDelivery implements AutoCloseable {

    private final CamelContext camel;
    private final Map<SinkDelivery, Producer> producers = new IdentityHashMap<>();

    private record Producer(Endpoint endpoint, AsyncProducer producer) {
    }

    /**
     * Starts a Camel context with a delivery route for each of {@code deliveries}.
     *
     * @param sinks every sink the deliveries and their dead-letter channels name, by name; they
     *     stay the caller's to close
     */
    public CamelDelivery(List<SinkDelivery> deliveries, Map<String, EventSink> sinks, CeOverrides overrides,
            GatewayMetrics metrics) throws Exception {
        camel = new DefaultCamelContext();
        try {
            start(deliveries, sinks, overrides, metrics);
        } catch (Exception | Error e) {
            camel.stop();
            throw e;
        }
    }

    private void start(List<SinkDelivery> deliveries, Map<String, EventSink> sinks, CeOverrides overrides,
            GatewayMetrics metrics) throws Exception {
        camel.getCamelContextExtension().setName("tributary");
        camel.setStreamCaching(false);
        camel.setMessageHistory(false);
        camel.addRoutes(new DeliveryRoutes(deliveries, sinks, overrides, metrics));
        camel.start();
        for (SinkDelivery delivery : deliveries) {
            Endpoint endpoint = camel.getEndpoint(DeliveryRoutes.deliverUri(delivery));
            AsyncProducer producer = endpoint.createAsyncProducer();
            ServiceHelper.startService(producer);
            producers.put(delivery, new Producer(endpoint, producer));
        }
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

    /** Stops the Camel context, waiting for the deliveries in flight; the sinks belong to the caller. */
    @Override
    public void close() {
        camel.stop();
    }
}
