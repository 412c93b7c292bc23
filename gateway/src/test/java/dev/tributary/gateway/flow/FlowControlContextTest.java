package dev.tributary.gateway.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.gateway.camel.DeliveryOutcome;
import dev.tributary.gateway.delivery.SinkDelivery;
import dev.tributary.gateway.metrics.GatewayMetrics;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A delivery that waits (for its sink's limits, or behind an earlier event of its key) starts in
 * the context that was current when it was dispatched, so its attempt spans keep their ingress span
 * as parent.
 */
class FlowControlContextTest {

    private static final ContextKey<String> INGRESS = ContextKey.named("ingress");

    private final Mappings mappings = new MappingLoader(name -> null).load("flow.yaml", """
            apiVersion: tributary.dev/v1
            sources: { in: { type: cloudevents, auth: none } }
            sinks:
              limited: { type: log, maxConcurrency: 1 }
              free: { type: log }
            routes:
              - name: limited
                from: [in]
                to: [limited]
              - name: ordered
                from: [in]
                to: [free]
                orderBy: subject
            """);
    private final GatewayMetrics metrics = new GatewayMetrics(new SimpleMeterRegistry());
    private final FlowControl flow = FlowControl.of(mappings, metrics.flow());
    private final List<SinkDelivery> pairs = SinkDelivery.of(mappings, metrics);
    private final CompletableFuture<DeliveryOutcome> first = new CompletableFuture<>();
    private final List<String> startedIn = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        flow.close();
    }

    @Test
    void aDeliveryWaitingForItsSinksLimitsStartsInItsDispatchContext() {
        assertWaitingDeliveryKeepsItsContext(pair("limited"));
    }

    @Test
    void aDeliveryWaitingBehindItsKeyStartsInItsDispatchContext() {
        assertWaitingDeliveryKeepsItsContext(pair("ordered"));
    }

    private void assertWaitingDeliveryKeepsItsContext(SinkDelivery pair) {
        Function<CloudEvent, CompletableFuture<DeliveryOutcome>> send = event -> {
            startedIn.add(Context.current().get(INGRESS));
            return startedIn.size() == 1 ? first : CompletableFuture.completedFuture(delivered());
        };
        flow.deliver(pair, event("1"), false, send);
        CompletableFuture<DeliveryOutcome> second;
        try (Scope ignored = Context.current().with(INGRESS, "ingress-2").makeCurrent()) {
            second = flow.deliver(pair, event("2"), false, send);
        }
        assertFalse(second.isDone(), "the second delivery waits for the first");

        first.complete(delivered());

        assertEquals(DeliveryOutcome.Status.DELIVERED, second.join().status());
        assertNull(startedIn.get(0));
        assertEquals("ingress-2", startedIn.get(1), "started in the context it was dispatched in");
    }

    private SinkDelivery pair(String route) {
        return pairs.stream()
                .filter(pair -> pair.route().name().equals(route))
                .findFirst()
                .orElseThrow();
    }

    private static CloudEvent event(String id) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/test"))
                .withType("t")
                .withSubject("photos/cat.jpg")
                .build();
    }

    private static DeliveryOutcome delivered() {
        return new DeliveryOutcome(DeliveryOutcome.Status.DELIVERED, null, Optional.empty(), Optional.empty());
    }
}
