package dev.tributary.bench.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wrk load on one contender: which script, how many connections, and under what name its
 * figures are reported.
 *
 * @param label the name in tables (several loads may share a contender)
 */
record Load(String label, Contender contender, Path script, int connections) {

    static Load of(Contender contender, Path script, int connections) {
        return new Load(contender.name(), contender, script, connections);
    }

    Throughput measure(LoadWindow window, String phase, Duration length) throws IOException, InterruptedException {
        return window.measure(
                phase + "-" + Contender.slug(label),
                script,
                contender.target(),
                connections,
                length,
                contender.processes());
    }

    /** Warms a load up ({@link Warmup}); answers the events/s of each warm-up window. */
    static List<Double> warmUp(RunContext context, LoadWindow window, Load load) throws Exception {
        Timings timings = context.timings();
        return Warmup.converge(
                () -> load.measure(window, "warmup", timings.warmupRun()).eventsPerSecond(),
                timings.warmupRun(),
                timings.warmupMax());
    }

    /** Measures every load once per round for {@code length}, interleaved, and answers the medians by label. */
    static Map<String, Throughput> interleaved(RunContext context, LoadWindow window, List<Load> loads, Duration length)
            throws IOException, InterruptedException {
        Map<String, List<Throughput>> windows = new LinkedHashMap<>();
        for (int round = 1; round <= context.timings().rounds(); round++) {
            for (Load load : loads) {
                windows.computeIfAbsent(load.label(), label -> new ArrayList<>())
                        .add(load.measure(window, "round" + round, length));
            }
        }
        Map<String, Throughput> medians = new LinkedHashMap<>();
        windows.forEach((label, runs) -> medians.put(label, Throughput.median(runs)));
        return medians;
    }
}
