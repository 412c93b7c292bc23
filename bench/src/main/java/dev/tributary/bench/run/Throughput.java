package dev.tributary.bench.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One saturation window: events delivered at the sink per second, and the CPU each process spent
 * per delivered event.
 *
 * @param eventsPerSecond events the sink received, per second of the window
 * @param requestsPerSecond requests wrk had answered, per second
 * @param cpuMicrosPerEvent process role (gateway, plain Camel, sink, wrk) → CPU µs per delivered event
 * @param errors non-2xx answers and socket errors wrk saw
 */
record Throughput(
        double eventsPerSecond, double requestsPerSecond, Map<String, Double> cpuMicrosPerEvent, long errors) {

    /** The median of each figure over several windows of the same contender. */
    static Throughput median(List<Throughput> windows) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        windows.get(0)
                .cpuMicrosPerEvent()
                .keySet()
                .forEach(role -> cpu.put(
                        role,
                        Stats.median(windows.stream()
                                .map(window -> window.cpuMicrosPerEvent().get(role))
                                .toList())));
        return new Throughput(
                Stats.median(windows.stream().map(Throughput::eventsPerSecond).toList()),
                Stats.median(windows.stream().map(Throughput::requestsPerSecond).toList()),
                cpu,
                windows.stream().mapToLong(Throughput::errors).sum());
    }

    /** CPU µs per event of one role, or NaN when that process was not part of the window. */
    double cpu(String role) {
        return cpuMicrosPerEvent.getOrDefault(role, Double.NaN);
    }
}
