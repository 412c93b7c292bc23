package dev.tributary.gateway.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.SinkLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SinkGateTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FlowMetrics metrics = new FlowMetrics(new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private SinkGate gate(int maxConcurrency) {
        return new SinkGate(
                new SinkLimits(OptionalInt.of(maxConcurrency), OptionalInt.empty(), 1), scheduler, metrics.gate("s"));
    }

    @Test
    void admitsInArrivalOrderAsSlotsFree() {
        SinkGate gate = gate(1);
        assertTrue(gate.acquire(null).join());
        CompletableFuture<Boolean> second = gate.acquire(null);
        CompletableFuture<Boolean> third = gate.acquire(null);
        assertFalse(second.isDone());
        assertEquals(2, gate.waiting());

        gate.release();
        assertTrue(second.join());
        assertFalse(third.isDone());
        gate.release();
        assertTrue(third.join());
        assertEquals(1, gate.inFlight());
    }

    @Test
    void aBoundedWaitEndsRefusedAndClosingRefusesTheRest() {
        SinkGate gate = gate(1);
        gate.acquire(null).join();
        assertFalse(gate.acquire(Duration.ofMillis(50)).join(), "refused after its wait");
        CompletableFuture<Boolean> unbounded = gate.acquire(null);
        gate.close();
        assertFalse(unbounded.join());
        assertFalse(gate.acquire(null).join());
        assertEquals(0, gate.waiting());
    }

    @Test
    void theRateSpacesAdmissionsWithoutAThreadWaiting() {
        SinkGate gate =
                new SinkGate(new SinkLimits(OptionalInt.empty(), OptionalInt.of(100), 1), scheduler, metrics.gate("r"));
        long start = System.nanoTime();
        CompletableFuture<?>[] admissions = new CompletableFuture<?>[11];
        for (int i = 0; i < admissions.length; i++) {
            admissions[i] = gate.acquire(null);
        }
        assertTrue(admissions[0].isDone() && !admissions[10].isDone(), "the caller is not held");
        CompletableFuture.allOf(admissions).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 0.09 && seconds < 0.5, "10 tokens at 100/s took " + seconds + " s");
    }
}
