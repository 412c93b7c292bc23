package dev.tributary.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 2: Event Grid deliveries (arrays of 1, 10 and 100 events, schema {@code EventGridEvent})
 * into the gateway's {@code azure-eventgrid} source, each event delivered to the sink in binary
 * mode. Each batch size gets about {@value PushScenario#CONNECTIONS} events in flight (fewer wrk
 * connections for larger arrays), so the figures show what batching saves per event. The
 * loopback limit (wrk posting single binary events straight to the sink) is measured alongside.
 */
final class EventGridScenario extends Scenario {

    static final List<Integer> BATCH_SIZES = List.of(1, 10, 100);
    static final String SOURCE_TYPE = "azure-eventgrid";

    EventGridScenario() {
        super(2, "eventgrid", "Event Grid batch ingress → HTTP sink");
    }

    @Override
    Outcome run(RunContext context) throws Exception {
        requireSourceType(SOURCE_TYPE);
        SinkProcess sink = SinkProcess.start(context);
        Server gateway = Server.gateway(
                context, "gateway-eventgrid", GatewayMappings.eventGrid(sink.url()), GatewayMappings.EVENT_GRID_SOURCE);
        Path work = context.settings().work();
        List<Load> loads = new ArrayList<>();
        loads.add(Load.of(Contender.direct(sink), WrkScripts.binaryCloudEvent(work), PushScenario.CONNECTIONS));
        Contender viaGateway = Contender.through(gateway, sink);
        for (int size : BATCH_SIZES) {
            loads.add(new Load(label(size), viaGateway, WrkScripts.eventGridBatch(work, size), connections(size)));
        }
        LoadWindow window = new LoadWindow(context, sink);
        List<Double> warmup = Load.warmUp(context, window, loads.get(2));
        Map<String, Throughput> results =
                Load.interleaved(context, window, loads, context.timings().shortWindow());
        gateway.stop(context);
        sink.stop(context);
        return new Outcome(report(context.timings(), loads, warmup, results), List.of());
    }

    /** wrk connections for arrays of {@code size}: about 32 events in flight, at least 2 connections. */
    static int connections(int size) {
        return Math.max(2, (PushScenario.CONNECTIONS + size - 1) / size);
    }

    private static String label(int size) {
        return "gateway, arrays of " + size;
    }

    private static Markdown report(
            Timings timings, List<Load> loads, List<Double> warmup, Map<String, Throughput> results) {
        double direct = results.get(Contender.DIRECT).eventsPerSecond();
        List<List<String>> rows = new ArrayList<>();
        for (Load load : loads) {
            Throughput result = results.get(load.label());
            String gatewayCpu = load.contender().name().equals(Contender.DIRECT)
                    ? "—"
                    : Fmt.one(result.cpu(load.contender().name()));
            rows.add(List.of(
                    load.label(),
                    Integer.toString(load.connections()),
                    Fmt.whole(result.requestsPerSecond()),
                    Fmt.whole(result.eventsPerSecond()),
                    Fmt.ratio(result.eventsPerSecond() / direct),
                    gatewayCpu,
                    Fmt.one(result.cpu(Contender.SINK)),
                    Fmt.one(result.cpu(LoadWindow.WRK)),
                    Long.toString(result.errors())));
        }
        return new Markdown()
                .paragraph("wrk, 2 threads; median of " + timings.rounds() + " interleaved windows of "
                        + timings.shortWindow().toSeconds()
                        + " s. Events counted at the sink. Warm-up on arrays of 10: "
                        + String.join(" → ", warmup.stream().map(Fmt::whole).toList()) + " events/s.")
                .table(
                        List.of(
                                "load",
                                "connections",
                                "requests/s",
                                "events/s",
                                "× direct",
                                "CPU µs/event (gateway)",
                                "sink",
                                "wrk",
                                "errors"),
                        rows);
    }
}
