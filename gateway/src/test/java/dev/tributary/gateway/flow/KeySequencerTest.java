package dev.tributary.gateway.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.camel.DeliveryOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class KeySequencerTest {

    private static final DeliveryOutcome DELIVERED =
            new DeliveryOutcome(DeliveryOutcome.Status.DELIVERED, null, Optional.empty(), Optional.empty());
    private static final DeliveryOutcome FAILED =
            new DeliveryOutcome(DeliveryOutcome.Status.FAILED, "503", Optional.empty(), Optional.empty());

    private final KeySequencer sequencer =
            new KeySequencer(new FlowMetrics(new SimpleMeterRegistry()).ordering("r", "s"));
    private final List<String> started = new ArrayList<>();

    private CompletableFuture<DeliveryOutcome> submit(
            String key, String name, CompletableFuture<DeliveryOutcome> sink) {
        return sequencer.submit(key, () -> {
            started.add(name);
            return sink;
        });
    }

    @Test
    void sameKeyWaitsForTheOutcomeDifferentKeysDoNot() {
        CompletableFuture<DeliveryOutcome> a1 = new CompletableFuture<>();
        CompletableFuture<DeliveryOutcome> a2 = new CompletableFuture<>();
        CompletableFuture<DeliveryOutcome> b1 = new CompletableFuture<>();
        CompletableFuture<DeliveryOutcome> first = submit("a", "a1", a1);
        CompletableFuture<DeliveryOutcome> second = submit("a", "a2", a2);
        submit("b", "b1", b1);

        assertEquals(List.of("a1", "b1"), started);
        assertEquals(1, sequencer.queued());
        assertEquals(2, sequencer.keys());
        a1.complete(DELIVERED);
        assertTrue(first.isDone());
        assertEquals(List.of("a1", "b1", "a2"), started);
        a2.complete(DELIVERED);
        b1.complete(DELIVERED);
        assertEquals(DELIVERED, second.join());
        assertEquals(0, sequencer.keys(), "a key holds no memory once idle");
    }

    @Test
    void aFailedEventFailsTheEventsQueuedBehindItUnattempted() {
        CompletableFuture<DeliveryOutcome> a1 = new CompletableFuture<>();
        submit("a", "a1", a1);
        CompletableFuture<DeliveryOutcome> a2 = submit("a", "a2", new CompletableFuture<>());
        CompletableFuture<DeliveryOutcome> a3 = submit("a", "a3", new CompletableFuture<>());

        a1.complete(FAILED);

        assertEquals(List.of("a1"), started);
        assertFalse(a2.join().isSafe());
        assertTrue(a3.join().failure().contains("ordering key 'a'"), a3.join().failure());
        assertEquals(0, sequencer.queued());
        CompletableFuture<DeliveryOutcome> later = new CompletableFuture<>();
        submit("a", "a4", later);
        assertEquals(List.of("a1", "a4"), started, "the key is free again for the redelivered events");
    }
}
