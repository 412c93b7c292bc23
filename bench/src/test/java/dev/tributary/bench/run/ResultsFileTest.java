package dev.tributary.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.bench.Args;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsFileTest {

    private static RunSettings settings(boolean quick) {
        return RunSettings.from(
                new Args(List.of(
                        "--bench-jar",
                        "b.jar",
                        "--gateway-jar",
                        "g.jar",
                        "--results",
                        "r",
                        "--work",
                        "w",
                        "--readme",
                        "README.md",
                        "--quick",
                        Boolean.toString(quick))),
                Map.of());
    }

    @Test
    void listsEveryScenarioWithItsVerdictsOrWhyItDidNotRun() {
        Verdict verdict =
                Verdict.atLeast("1: gateway throughput ÷ plain Camel", 2.5, "2.50×", "10,000 events/s", "≥ 2×", 2);
        List<BenchRun.Result> results = List.of(
                new BenchRun.Result(
                        new PushScenario(),
                        new Scenario.Outcome(new Markdown().paragraph("push tables"), List.of(verdict)),
                        "ran"),
                new BenchRun.Result(
                        new EventGridScenario(), null, "skipped, no source provider of type 'azure-eventgrid'"));
        String file = ResultsFile.render(settings(false), "all", List.of("CPU: test"), results, Duration.ofSeconds(61));
        assertTrue(file.contains("| 1: gateway throughput ÷ plain Camel | 2.50× | 10,000 events/s | ≥ 2× | met |"));
        assertTrue(file.contains("## 1. Push ingress → HTTP sink\n\npush tables"));
        assertTrue(file.contains("Scenario 2: skipped, no source provider of type 'azure-eventgrid'."));
        assertTrue(file.contains("- CPU: test"));
        assertTrue(file.contains("**wrk**") && file.contains("open-loop"), "says which load generators and why");
        assertFalse(file.contains("QUICK MODE"));
    }

    @Test
    void quickRunsSayTheirFiguresMeanNothing() {
        String file = ResultsFile.render(settings(true), "push", List.of(), List.of(), Duration.ZERO);
        assertTrue(file.contains("QUICK MODE") && file.contains("not meaningful"));
    }

    @Test
    void contenderJvmOptionsComeFromTheEnvironment() {
        RunSettings settings = RunSettings.from(
                new Args(List.of(
                        "--bench-jar", "b", "--gateway-jar", "g", "--results", "r", "--work", "w", "--readme", "x")),
                Map.of("GATEWAY_JAVA_OPTS", " -Xmx256m  -XX:+UseSerialGC ", "SQS_MESSAGES", "500"));
        assertEquals(List.of("-Xmx256m", "-XX:+UseSerialGC"), settings.contenderJvmOptions());
        assertEquals(500, settings.timings().sqsMessages());
        assertFalse(settings.quick());
    }
}
