package dev.tributary.bench.run;

import dev.tributary.bench.BenchEvent;
import dev.tributary.bench.load.LoadResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 1: CloudEvents binary in, binary out, one prefix filter. The gateway, the plain Camel
 * route and the load generator posting straight to the sink are measured side by side: each JVM
 * contender is warmed up until two windows agree, then windows are interleaved (direct, gateway,
 * Camel, direct, …) and medians reported; then open-loop latency at fixed rates.
 */
final class PushScenario extends Scenario {

    static final int CONNECTIONS = 32;
    static final List<Integer> RATES = List.of(1_000, 5_000);
    static final String GATEWAY = "gateway";

    PushScenario() {
        super(1, "push", "Push ingress → HTTP sink");
    }

    @Override
    Outcome run(RunContext context) throws Exception {
        SinkProcess sink = SinkProcess.start(context);
        Server gateway =
                Server.gateway(context, GATEWAY, GatewayMappings.push(sink.url()), GatewayMappings.PUSH_SOURCE);
        Server camel = Server.camel(context, sink.url(), BenchEvent.TYPE_PREFIX);
        List<Contender> contenders =
                List.of(Contender.direct(sink), Contender.through(gateway, sink), Contender.through(camel, sink));
        Path script = WrkScripts.binaryCloudEvent(context.settings().work());
        List<Load> loads = contenders.stream()
                .map(contender -> Load.of(contender, script, CONNECTIONS))
                .toList();
        LoadWindow window = new LoadWindow(context, sink);
        Map<String, List<Double>> warmups = new LinkedHashMap<>();
        for (Load load : List.of(loads.get(1), loads.get(2), loads.get(0))) {
            // the JVM contenders first: by the time the direct load runs, the sink is warm too
            warmups.put(load.label(), Load.warmUp(context, window, load));
        }
        Map<String, Throughput> saturation =
                Load.interleaved(context, window, loads, context.timings().window());
        Map<String, Map<Integer, LoadResult>> latency = latency(context, contenders);
        camel.stop(context);
        gateway.stop(context);
        sink.stop(context);
        return new PushReport(context.timings(), warmups, saturation, latency).outcome();
    }

    private static Map<String, Map<Integer, LoadResult>> latency(RunContext context, List<Contender> contenders)
            throws Exception {
        Map<String, Map<Integer, LoadResult>> results = new LinkedHashMap<>();
        for (int rate : RATES) {
            for (Contender contender : contenders) {
                results.computeIfAbsent(contender.name(), name -> new LinkedHashMap<>())
                        .put(
                                rate,
                                OpenLoopRun.run(
                                        context, "latency-" + contender.slug() + "-" + rate, contender.target(), rate));
            }
        }
        return results;
    }
}
