package dev.tributary.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {

    @TempDir
    Path logs;

    @Test
    void closeStopsEveryProcessStartedAndThePidsAreRecorded() throws Exception {
        Processes.Running first;
        Processes.Running second;
        try (Processes processes = new Processes(logs)) {
            first = processes.start("sleeper", List.of("sleep", "30"), Map.of());
            second = processes.start("sleeper", List.of("sleep", "30"), Map.of());
            assertTrue(first.process().isAlive() && second.process().isAlive());
        }
        assertFalse(first.process().isAlive());
        assertFalse(second.process().isAlive());
        assertEquals(
                List.of(Long.toString(first.pid()), Long.toString(second.pid())),
                Files.readAllLines(logs.resolve("pids")));
        assertTrue(
                Files.exists(logs.resolve("001-sleeper.log")) && Files.exists(logs.resolve("002-sleeper.log")),
                "each start gets its own log");
    }

    @Test
    void runToEndAnswersTheOutputOrSaysWhyItFailed() throws Exception {
        try (Processes processes = new Processes(logs)) {
            assertEquals(
                    "hello\n", processes.runToEnd("echo", List.of("echo", "hello"), Duration.ofSeconds(10), false));
            IllegalStateException failed = assertThrows(
                    IllegalStateException.class,
                    () -> processes.runToEnd(
                            "failing", List.of("sh", "-c", "echo broken; exit 3"), Duration.ofSeconds(10), false));
            assertTrue(failed.getMessage().contains("exited 3")
                    && failed.getMessage().contains("broken"));
            IllegalStateException slow = assertThrows(
                    IllegalStateException.class,
                    () -> processes.runToEnd("slow", List.of("sleep", "30"), Duration.ofMillis(200), false));
            assertTrue(slow.getMessage().contains("did not finish"));
        }
    }
}
