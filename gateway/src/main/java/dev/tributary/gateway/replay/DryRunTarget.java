package dev.tributary.gateway.replay;

import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.gateway.camel.DeliveryOutcome;
import dev.tributary.gateway.delivery.SinkDelivery;
import io.cloudevents.CloudEvent;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@code --dry-run}: prints each delivery a replay would make, one line each, and makes none. */
public final class DryRunTarget implements ReplayTarget {

    private static final CompletableFuture<DeliveryOutcome> DONE = CompletableFuture.completedFuture(
            new DeliveryOutcome(DeliveryOutcome.Status.DELIVERED, null, Optional.empty(), Optional.empty()));

    private final PrintWriter out;

    public DryRunTarget(PrintWriter out) {
        this.out = out;
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(SinkDelivery pair, CloudEvent event) {
        out.printf(
                "would deliver %s (source %s) on route '%s' to sink '%s'%n",
                event.getId(), event.getSource(), pair.route().name(), pair.sink());
        return DONE;
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deadLetterUntransformed(
            CompiledRoute route, CloudEvent event, String reason) {
        out.printf(
                "would dead-letter %s (source %s) again: route '%s': %s%n",
                event.getId(), event.getSource(), route.name(), reason);
        return DONE;
    }

    @Override
    public void close() {
        out.flush();
    }
}
