package dev.tributary.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchRunTest {

    @Test
    void scenariosAreChosenByNameOrNumber() {
        assertEquals(5, BenchRun.select("all").size());
        assertEquals(
                List.of(1, 2, 3, 4, 5),
                BenchRun.select("all").stream().map(Scenario::number).toList());
        assertEquals("sqs", BenchRun.select("3").get(0).id());
        assertEquals("jmh", BenchRun.select("jmh").get(0).id());
        assertThrows(IllegalArgumentException.class, () -> BenchRun.select("kafka"));
    }

    @Test
    void quickResultsAreNamedSoTheyCannotBeTakenForRealOnes() {
        LocalDate date = LocalDate.of(2026, 11, 26);
        assertEquals("2026-11-26-all.md", BenchRun.fileName(date, "all", false));
        assertEquals("2026-11-26-push-quick.md", BenchRun.fileName(date, "1", true));
    }

    @Test
    void eventGridConnectionsKeepAbout32EventsInFlight() {
        assertEquals(32, EventGridScenario.connections(1));
        assertEquals(4, EventGridScenario.connections(10));
        assertEquals(2, EventGridScenario.connections(100));
    }
}
