package dev.tributary.bench.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures one wrk window: the sink's count and each process's CPU time are read just before and
 * just after wrk runs, so the figures are events actually delivered, and CPU spent per delivered
 * event, by every process on the path (wrk included).
 */
final class LoadWindow {

    /** The role under which wrk's own CPU is reported: {@value}. */
    static final String WRK = "wrk";

    private final RunContext context;
    private final SinkProcess sink;

    LoadWindow(RunContext context, SinkProcess sink) {
        this.context = context;
        this.sink = sink;
    }

    /**
     * @param processes role → pid of every process whose CPU is accounted (the sink's included)
     * @throws IllegalStateException when the sink received nothing
     */
    Throughput measure(
            String name, Path script, URI target, int connections, Duration length, Map<String, Long> processes)
            throws IOException, InterruptedException {
        long eventsBefore = sink.count();
        Map<String, Duration> cpuBefore = ProcStat.cpu(processes);
        long start = System.nanoTime();
        Wrk.Result wrk = context.wrk().run(name, script, target, connections, length);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Duration> cpuAfter = ProcStat.cpu(processes);
        long events = sink.count() - eventsBefore;
        if (events <= 0) {
            throw new IllegalStateException(name + ": the sink received no event (wrk saw " + wrk.non2xx()
                    + " non-2xx answers and " + wrk.socketErrors() + " socket errors)");
        }
        Map<String, Double> perEvent = new LinkedHashMap<>();
        processes
                .keySet()
                .forEach(role -> perEvent.put(
                        role, cpuAfter.get(role).minus(cpuBefore.get(role)).toNanos() / 1e3 / events));
        perEvent.put(WRK, wrk.cpu().toNanos() / 1e3 / events);
        Throughput throughput =
                new Throughput(events / seconds, wrk.requestsPerSecond(), perEvent, wrk.non2xx() + wrk.socketErrors());
        context.log("%s: %s events/s", name, Fmt.whole(throughput.eventsPerSecond()));
        return throughput;
    }
}
