package dev.tributary.gateway.replay;

import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.gateway.camel.DeliveryOutcome;
import dev.tributary.gateway.delivery.SinkDelivery;
import io.cloudevents.CloudEvent;
import java.util.concurrent.CompletableFuture;

/** Where replayed events go: the gateway's delivery ({@link dev.tributary.gateway.camel.CamelDelivery}), or a dry run. */
public interface ReplayTarget extends AutoCloseable {

    /** Delivers to one sink of one route, with the route's retries and dead-lettering. */
    CompletableFuture<DeliveryOutcome> deliver(SinkDelivery pair, CloudEvent event);

    /** Dead-letters an event the route's transform failed on (again). */
    CompletableFuture<DeliveryOutcome> deadLetterUntransformed(CompiledRoute route, CloudEvent event, String reason);

    @Override
    void close();
}
