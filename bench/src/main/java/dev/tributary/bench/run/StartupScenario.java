package dev.tributary.bench.run;

import dev.tributary.bench.BenchEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5: time from {@code java -jar} to readiness (the gateway's {@code /health/readiness},
 * the plain Camel route's first answer), resident memory once idle, and resident memory under the
 * push scenario's saturation load, for the gateway and the plain Camel baseline alike.
 */
final class StartupScenario extends Scenario {

    static final long RSS_TARGET_KIB = 256 * 1024;
    static final Duration STARTUP_TARGET = Duration.ofMillis(1_500);

    /** What one contender's process cost. */
    record Footprint(List<Duration> startups, long idleKib, long loadedKib, long peakKib, double eventsPerSecond) {

        Duration medianStartup() {
            return Duration.ofNanos((long) Stats.median(
                    startups.stream().map(d -> (double) d.toNanos()).toList()));
        }
    }

    @FunctionalInterface
    private interface Starter {
        Server start() throws Exception;
    }

    StartupScenario() {
        super(5, "startup", "Start-up and memory");
    }

    @Override
    Outcome run(RunContext context) throws Exception {
        SinkProcess sink = SinkProcess.start(context);
        Path script = WrkScripts.binaryCloudEvent(context.settings().work());
        LoadWindow window = new LoadWindow(context, sink);
        Map<String, Footprint> results = new LinkedHashMap<>();
        results.put(
                PushScenario.GATEWAY,
                measure(
                        context,
                        sink,
                        window,
                        script,
                        () -> Server.gateway(
                                context,
                                PushScenario.GATEWAY,
                                GatewayMappings.push(sink.url()),
                                GatewayMappings.PUSH_SOURCE)));
        results.put(
                Server.CAMEL,
                measure(
                        context,
                        sink,
                        window,
                        script,
                        () -> Server.camel(context, sink.url(), BenchEvent.TYPE_PREFIX)));
        sink.stop(context);
        return report(context, results);
    }

    private static Footprint measure(
            RunContext context, SinkProcess sink, LoadWindow window, Path script, Starter starter) throws Exception {
        Timings timings = context.timings();
        List<Duration> startups = new ArrayList<>();
        Server server = null;
        for (int run = 0; run < timings.startupRuns(); run++) {
            if (server != null) {
                server.stop(context);
            }
            server = starter.start();
            startups.add(server.startup());
            context.log("%s ready in %d ms", server.name(), server.startup().toMillis());
        }
        Thread.sleep(timings.idleSettle().toMillis());
        long idle = ProcStat.rssKib(server.pid());
        Throughput load;
        long loaded;
        try (RssSampler sampler = RssSampler.start(server.pid())) {
            load = Load.of(Contender.through(server, sink), script, PushScenario.CONNECTIONS)
                    .measure(window, "memory", timings.window());
            loaded = sampler.maxKib();
        }
        long peak = ProcStat.peakRssKib(server.pid());
        server.stop(context);
        return new Footprint(startups, idle, loaded, peak, load.eventsPerSecond());
    }

    private static Outcome report(RunContext context, Map<String, Footprint> results) {
        List<List<String>> rows = new ArrayList<>();
        results.forEach((name, footprint) -> rows.add(List.of(
                name,
                footprint.medianStartup().toMillis() + " ms",
                String.join(
                        ", ",
                        footprint.startups().stream()
                                .map(d -> Long.toString(d.toMillis()))
                                .toList()),
                Fmt.mib(footprint.idleKib()),
                Fmt.mib(footprint.loadedKib()),
                Fmt.mib(footprint.peakKib()),
                Fmt.whole(footprint.eventsPerSecond()))));
        Timings timings = context.timings();
        Markdown section = new Markdown()
                .paragraph("Start-up: from process launch to the first 2xx answer (polled every 10 ms), median of "
                        + timings.startupRuns() + ". Idle RSS "
                        + timings.idleSettle().toSeconds() + " s after that; "
                        + "RSS under load: largest of samples every " + RssSampler.PERIOD_MILLIS + " ms during a "
                        + timings.window().toSeconds() + " s wrk window (2 threads, 32 connections) on the fresh JVM; "
                        + "peak is the kernel's VmHWM.")
                .table(
                        List.of(
                                "contender",
                                "start → ready",
                                "runs (ms)",
                                "RSS idle",
                                "RSS under load",
                                "peak RSS",
                                "events/s during load"),
                        rows);
        Footprint gateway = results.get(PushScenario.GATEWAY);
        Footprint camel = results.get(Server.CAMEL);
        return new Outcome(
                section,
                List.of(
                        Verdict.atMost(
                                "5: gateway start-up to ready",
                                gateway.medianStartup().toMillis(),
                                gateway.medianStartup().toMillis() + " ms",
                                camel.medianStartup().toMillis() + " ms (plain Camel)",
                                "≤ 1.5 s",
                                STARTUP_TARGET.toMillis()),
                        Verdict.atMost(
                                "5: gateway RSS under load",
                                gateway.loadedKib(),
                                Fmt.mib(gateway.loadedKib()),
                                Fmt.mib(camel.loadedKib()) + " (plain Camel)",
                                "≤ 256 MB",
                                RSS_TARGET_KIB)));
    }
}
