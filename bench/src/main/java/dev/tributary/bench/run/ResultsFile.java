package dev.tributary.bench.run;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** Renders the results file: machine, parameters, load generators, targets, one section per scenario. */
final class ResultsFile {

    static final String WRK_WHY = "**wrk** 4.1 (Debian package) for saturation throughput: a C load generator that "
            + "takes less CPU per request than any JVM client, so more of the 2 cores go to the contenders; it is "
            + "closed-loop (each connection waits for its answer), which is right for a maximum rate and wrong for "
            + "latency. A bash wrapper reads wrk's CPU time from its own cutime/cstime once wrk has exited.";
    static final String OPEN_LOOP_WHY = "**our open-loop client** (`bench.jar load`: Netty, one event loop, "
            + OpenLoopRun.CONNECTIONS + " keep-alive connections) for latency at fixed rates: it sends at the rate "
            + "asked whatever the answers do and measures from each request's intended send time, so a stall shows "
            + "as latency instead of silently lowering the rate (coordinated omission, which wrk has; wrk2, which "
            + "fixes it, is not packaged in Debian).";

    private ResultsFile() {}

    static String render(
            RunSettings settings, String which, List<String> facts, List<BenchRun.Result> results, Duration elapsed) {
        Markdown file = new Markdown().heading(1, "Tributary benchmarks: " + which + ", " + LocalDate.now());
        if (settings.quick()) {
            file.paragraph("> **QUICK MODE (`QUICK=1`)**: windows of seconds and no real warm-up; these figures only "
                    + "show that every part of the suite works. They are not meaningful: do not compare them.");
        }
        file.paragraph("Written by `bench/run.sh " + which + "` in " + elapsed.toMinutes() + " min "
                + elapsed.toSecondsPart() + " s. Load average at the end: " + MachineFacts.loadAverage() + ".");
        file.heading(2, "Machine").bullets(facts);
        file.heading(2, "Parameters").bullets(parameters(settings));
        file.heading(2, "Load generators").bullets(List.of(WRK_WHY, OPEN_LOOP_WHY));
        List<Verdict> verdicts = BenchRun.verdicts(results);
        file.heading(2, "Targets");
        file.table(Verdict.HEADER, verdicts.stream().map(Verdict::cells).toList());
        file.paragraph(statusLines(results));
        for (BenchRun.Result result : results) {
            file.heading(
                    2, result.scenario().number() + ". " + result.scenario().title());
            if (result.outcome() == null) {
                file.paragraph("Scenario " + result.scenario().number() + ": " + result.status() + ".");
            } else {
                file.append(result.outcome().section());
            }
        }
        file.paragraph("Process logs, mapping files, wrk scripts and raw JMH/load results of this run: `"
                + settings.work() + "`.");
        return file.toString();
    }

    private static List<String> parameters(RunSettings settings) {
        Timings timings = settings.timings();
        return List.of(
                "mode: " + (settings.quick() ? "quick (QUICK=1)" : "full"),
                "saturation: wrk 2 threads; warm-up windows of "
                        + timings.warmupRun().toSeconds() + " s until two agree "
                        + "within 5 % (at most " + timings.warmupMax().toSeconds() + " s per contender), then "
                        + timings.rounds() + " interleaved windows of "
                        + timings.window().toSeconds()
                        + " s per contender, medians",
                "latency: " + PushScenario.RATES + " events/s, "
                        + timings.latencyWarmup().toSeconds() + " s unrecorded + "
                        + timings.latencyWindow().toSeconds() + " s recorded per contender and rate",
                "event: binary-mode CloudEvent, 4 ce-* attributes + 194-byte JSON body (about 300 bytes of attributes "
                        + "and data); route: one prefix filter on type, every event passes",
                "sink: Netty (bench.jar sink), 2 event loops, answers 202 without reading the body; its count is the "
                        + "ground truth for events delivered",
                "SQS: " + timings.sqsMessages() + " messages per drain, " + SqsScenario.POLLERS + " pollers",
                "JMH: " + String.join(" ", timings.jmhOptions()) + " -prof gc",
                "helper JVMs (sink, load generator, SQS loader and loop): " + String.join(" ", RunSettings.HELPER_JVM),
                "CPU per event: utime + stime from /proc/<pid>/stat before and after each window, divided by the "
                        + "events the sink counted; every process runs on the same 2 cores, so the figures add up to "
                        + "what an event costs the machine");
    }

    private static String statusLines(List<BenchRun.Result> results) {
        StringBuilder lines = new StringBuilder();
        results.forEach(result -> lines.append("Scenario ")
                .append(result.scenario().number())
                .append(": ")
                .append(result.status())
                .append(".  \n"));
        return lines.toString().trim();
    }
}
