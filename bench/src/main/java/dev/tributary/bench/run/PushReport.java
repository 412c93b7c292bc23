package dev.tributary.bench.run;

import dev.tributary.bench.load.LoadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scenario 1's section of the results file and its verdicts against the targets.
 *
 * @param warmups contender → events/s of each warm-up window
 * @param saturation contender → median saturation figures
 * @param latency contender → rate → open-loop result
 */
record PushReport(
        Timings timings,
        Map<String, List<Double>> warmups,
        Map<String, Throughput> saturation,
        Map<String, Map<Integer, LoadResult>> latency) {

    Scenario.Outcome outcome() {
        Markdown section = new Markdown()
                .paragraph("Saturation: wrk, 2 threads, " + PushScenario.CONNECTIONS + " connections; median of "
                        + timings.rounds() + " interleaved windows of "
                        + timings.window().toSeconds()
                        + " s per contender. Events counted at the sink; CPU µs per delivered event for each process.")
                .table(
                        List.of(
                                "contender",
                                "events/s",
                                "× direct",
                                "CPU µs/event (contender)",
                                "sink",
                                "wrk",
                                "total",
                                "errors"),
                        saturationRows())
                .paragraph("Warm-up (events/s per " + timings.warmupRun().toSeconds()
                        + " s window, until two agree within 5 %): " + warmupText())
                .paragraph("Latency: open-loop load generator, " + OpenLoopRun.CONNECTIONS + " connections, "
                        + timings.latencyWindow().toSeconds() + " s recorded after "
                        + timings.latencyWarmup().toSeconds()
                        + " s unrecorded; from each request's intended send time to its answer.")
                .table(
                        List.of(
                                "contender",
                                "rate",
                                "achieved",
                                "p50 ms",
                                "p99 ms",
                                "p99.9 ms",
                                "max ms",
                                "p99 added vs direct",
                                "failed / unanswered",
                                "load generator CPU µs/request"),
                        latencyRows());
        return new Scenario.Outcome(section, verdicts());
    }

    private List<List<String>> saturationRows() {
        double direct = saturation.get(Contender.DIRECT).eventsPerSecond();
        List<List<String>> rows = new ArrayList<>();
        saturation.forEach((name, result) -> {
            double total = result.cpuMicrosPerEvent().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            rows.add(List.of(
                    name,
                    Fmt.whole(result.eventsPerSecond()),
                    Fmt.ratio(result.eventsPerSecond() / direct),
                    micros(result.cpu(name)),
                    micros(result.cpu(Contender.SINK)),
                    micros(result.cpu(LoadWindow.WRK)),
                    micros(total),
                    Long.toString(result.errors())));
        });
        return rows;
    }

    private String warmupText() {
        return warmups.entrySet().stream()
                .map(entry -> entry.getKey() + ": "
                        + entry.getValue().stream().map(Fmt::whole).collect(Collectors.joining(" → "))
                        + (Warmup.settled(entry.getValue()) ? "" : " (not settled)"))
                .collect(Collectors.joining("; "));
    }

    private List<List<String>> latencyRows() {
        List<List<String>> rows = new ArrayList<>();
        for (int rate : PushScenario.RATES) {
            double directP99 = latency.get(Contender.DIRECT).get(rate).p99();
            latency.forEach((name, byRate) -> {
                LoadResult result = byRate.get(rate);
                rows.add(List.of(
                        name,
                        Fmt.whole(rate) + "/s",
                        Fmt.whole(result.achievedRate()) + "/s",
                        Fmt.two(result.p50()),
                        Fmt.two(result.p99()),
                        Fmt.two(result.p999()),
                        Fmt.two(result.max()),
                        name.equals(Contender.DIRECT) ? "—" : Fmt.two(result.p99() - directP99) + " ms",
                        result.failed() + " / " + result.unanswered(),
                        result.sent() == 0 ? "—" : Fmt.one(result.cpuMillis() * 1e3 / result.sent())));
            });
        }
        return rows;
    }

    private List<Verdict> verdicts() {
        Throughput gateway = saturation.get(PushScenario.GATEWAY);
        Throughput camel = saturation.get(Server.CAMEL);
        Throughput direct = saturation.get(Contender.DIRECT);
        double vsCamel = gateway.eventsPerSecond() / camel.eventsPerSecond();
        double vsDirect = gateway.eventsPerSecond() / direct.eventsPerSecond();
        LoadResult gateway1k = latency.get(PushScenario.GATEWAY).get(1_000);
        LoadResult direct1k = latency.get(Contender.DIRECT).get(1_000);
        double added = gateway1k.p99() - direct1k.p99();
        return List.of(
                Verdict.atLeast(
                        "1: gateway throughput ÷ plain Camel",
                        vsCamel,
                        Fmt.ratio(vsCamel) + " (" + Fmt.whole(gateway.eventsPerSecond()) + " events/s)",
                        Fmt.whole(camel.eventsPerSecond()) + " events/s",
                        "≥ 2×",
                        2.0),
                Verdict.atLeast(
                        "1: gateway throughput ÷ direct",
                        vsDirect,
                        Fmt.ratio(vsDirect),
                        Fmt.whole(direct.eventsPerSecond()) + " events/s",
                        "≥ 0.4×",
                        0.4),
                Verdict.atMost(
                        "1: gateway CPU per event",
                        gateway.cpu(PushScenario.GATEWAY),
                        micros(gateway.cpu(PushScenario.GATEWAY)) + " µs",
                        micros(camel.cpu(Server.CAMEL)) + " µs (plain Camel)",
                        "≤ 50 µs",
                        50),
                Verdict.atMost(
                        "1: p99 added latency at 1,000 events/s",
                        added,
                        Fmt.two(added) + " ms",
                        Fmt.two(direct1k.p99()) + " ms p99 direct",
                        "≤ 2 ms",
                        2.0));
    }

    private static String micros(double value) {
        return Double.isNaN(value) ? "—" : Fmt.one(value);
    }
}
