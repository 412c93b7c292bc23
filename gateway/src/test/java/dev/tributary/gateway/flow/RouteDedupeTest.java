package dev.tributary.gateway.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.RouteFlow;
import dev.tributary.gateway.camel.DeliveryOutcome;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RouteDedupeTest {

    private final Counter dropped = new SimpleMeterRegistry().counter("dropped");
    private final RouteDedupe dedupe = new RouteDedupe(new RouteFlow.Dedupe(Duration.ofMinutes(10), 100), dropped);
    private final AtomicInteger sent = new AtomicInteger();

    private static CloudEvent event(String source, String id) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType("t")
                .build();
    }

    private List<CompletableFuture<DeliveryOutcome>> deliver(
            CloudEvent event, CompletableFuture<DeliveryOutcome> outcome) {
        return dedupe.deliver(event, () -> {
            sent.incrementAndGet();
            return List.of(outcome);
        });
    }

    private static CompletableFuture<DeliveryOutcome> outcome(DeliveryOutcome.Status status) {
        return CompletableFuture.completedFuture(new DeliveryOutcome(status, null, Optional.empty(), Optional.empty()));
    }

    @Test
    void sameSourceAndIdIsSentOnceOtherSourcesAreNotDuplicates() {
        deliver(event("/a", "1"), outcome(DeliveryOutcome.Status.DELIVERED));
        List<CompletableFuture<DeliveryOutcome>> copy =
                deliver(event("/a", "1"), outcome(DeliveryOutcome.Status.DELIVERED));
        deliver(event("/b", "1"), outcome(DeliveryOutcome.Status.DELIVERED));

        assertEquals(2, sent.get());
        assertTrue(copy.get(0).join().isSafe());
        assertEquals(1, dropped.count());
    }

    @Test
    void aCopyArrivingDuringTheFirstDeliverySharesItsOutcome() {
        CompletableFuture<DeliveryOutcome> first = new CompletableFuture<>();
        deliver(event("/a", "1"), first);
        List<CompletableFuture<DeliveryOutcome>> copy =
                deliver(event("/a", "1"), outcome(DeliveryOutcome.Status.DELIVERED));
        assertFalse(copy.get(0).isDone());

        first.complete(new DeliveryOutcome(DeliveryOutcome.Status.FAILED, "503", Optional.empty(), Optional.empty()));

        assertFalse(copy.get(0).join().isSafe(), "not acknowledged: the first copy failed");
        assertEquals(0, dropped.count());
        deliver(event("/a", "1"), outcome(DeliveryOutcome.Status.DEAD_LETTERED));
        assertEquals(2, sent.get(), "after a failure the next copy is sent");
        deliver(event("/a", "1"), outcome(DeliveryOutcome.Status.DELIVERED));
        assertEquals(2, sent.get(), "a dead-lettered event counts as handled");
    }
}
