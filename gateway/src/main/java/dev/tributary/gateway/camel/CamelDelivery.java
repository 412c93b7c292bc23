package dev.tributary.gateway.camel;

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
import org.apache.camel.component.direct.DirectComponent;
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

    private record Producer(Endpoint endpoint, AsyncProducer producer) {
    }

    public CamelDelivery(Mappings mappings, Map<String, EventSink> sinks, CeOverrides overrides, GatewayMetrics metrics)
            throws Exception {
        this.sinks = sinks;
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("tributary");
        camel.setStreamCaching(false);
        camel.setMessageHistory(false);
        // a delivery started while this context stops fails at once (the push is answered 503, the
        // pulled message stays unacknowledged) instead of waiting 30 s, on the calling thread, for a
        // consumer that will never come back
        camel.getComponent("direct", DirectComponent.class).setBlock(false);
        camel.addRoutes(new DeliveryRoutes(mappings, sinks, overrides, metrics));
        camel.start();
        for (int r = 0; r < mappings.routes().size(); r++) {
            List<Producer> routeProducers = new ArrayList<>();
            for (int s = 0; s < mappings.routes().get(r).to().size(); s++) {
                Endpoint endpoint = camel.getEndpoint(DeliveryRoutes.deliverUri(r, s));
                AsyncProducer producer = endpoint.createAsyncProducer();
                ServiceHelper.startService(producer);
                routeProducers.add(new Producer(endpoint, producer));
            }
            producers.add(routeProducers);
        }
    }

    /**
     * Delivers an event to the {@code sinkIndex}-th sink of the {@code routeIndex}-th route, with
     * the route's retries and dead-lettering. The future never completes exceptionally.
     */
    public CompletableFuture<DeliveryOutcome> deliver(int routeIndex, int sinkIndex, CloudEvent event) {
        Producer target = producers.get(routeIndex).get(sinkIndex);
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
            SinkFailure last = deadLettered ? exchange.getProperty(SinkProcessor.LAST_FAILURE, SinkFailure.class) : null;
            return new DeliveryOutcome(deadLettered ? DeliveryOutcome.Status.DEAD_LETTERED : DeliveryOutcome.Status.DELIVERED,
                    last == null ? null : last.describe(), Optional.empty(),
                    deadLettered ? Optional.empty() : Optional.ofNullable(reply));
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
