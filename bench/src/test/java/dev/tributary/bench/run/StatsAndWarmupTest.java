package dev.tributary.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsAndWarmupTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, Stats.median(List.of(9.0, 1.0, 3.0)));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
    }

    @Test
    void agreementIsRelativeToTheLarger() {
        assertTrue(Stats.agree(100, 105, 0.05));
        assertFalse(Stats.agree(100, 106, 0.05));
    }

    @Test
    void warmupStopsOnceTwoSuccessiveWindowsAgree() throws Exception {
        Iterator<Double> rates = List.of(5_000.0, 9_000.0, 9_300.0, 9_310.0).iterator();
        List<Double> run = Warmup.converge(rates::next, Duration.ofSeconds(10), Duration.ofSeconds(90));
        assertEquals(List.of(5_000.0, 9_000.0, 9_300.0), run);
        assertTrue(Warmup.settled(run));
    }

    @Test
    void warmupStopsWhenTheBudgetIsSpent() throws Exception {
        Iterator<Double> rates = List.of(1.0, 2.0, 4.0, 8.0, 16.0).iterator();
        List<Double> run = Warmup.converge(rates::next, Duration.ofSeconds(10), Duration.ofSeconds(30));
        assertEquals(3, run.size());
        assertFalse(Warmup.settled(run));
    }

    @Test
    void throughputMediansAreTakenFigureByFigure() {
        Throughput median = Throughput.median(List.of(
                new Throughput(100, 110, Map.of("gateway", 30.0), 0),
                new Throughput(300, 90, Map.of("gateway", 10.0), 2),
                new Throughput(200, 100, Map.of("gateway", 20.0), 1)));
        assertEquals(200, median.eventsPerSecond());
        assertEquals(100, median.requestsPerSecond());
        assertEquals(20.0, median.cpu("gateway"));
        assertEquals(3, median.errors(), "errors are summed, not medians");
        assertTrue(Double.isNaN(median.cpu("plain Camel")));
    }
}
