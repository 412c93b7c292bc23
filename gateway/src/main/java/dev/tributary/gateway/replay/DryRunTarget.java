package dev.tributary.gateway.replay;

import dev.tributary.core.mapping.Mappings;
import dev.tributary.gateway.camel.DeliveryOutcome;
import io.cloudevents.CloudEvent;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@code --dry-run}: prints each delivery a replay would make, one line each, and makes none. */
public final class DryRunTarget implements ReplayTarget {

    private static final CompletableFuture<DeliveryOutcome> DONE =
            CompletableFuture.completedFuture(new DeliveryOutcome(DeliveryOutcome.Status.DELIVERED, null, Optional.empty(), Optional.empty()));

    private final Mappings mappings;
    private final PrintWriter out;

    public DryRunTarget(Mappings mappings, PrintWriter out) {
        this.mappings = mappings;
        this.out = out;
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(int route, int sink, CloudEvent event) {
        out.printf("would deliver %s (source %s) on route '%s' to sink '%s'%n", event.getId(), event.getSource(),
                mappings.routes().get(route).name(), mappings.routes().get(route).to().get(sink));
        return DONE;
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deadLetterUntransformed(int route, CloudEvent event, String reason) {
        out.printf("would dead-letter %s (source %s) again: route '%s': %s%n", event.getId(), event.getSource(),
                mappings.routes().get(route).name(), reason);
        return DONE;
    }

    @Override
    public void close() {
        out.flush();
    }
}
