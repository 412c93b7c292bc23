package dev.tributary.bench.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.bench.load.LoadResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs the open-loop load generator ({@code bench.jar load}) in its own JVM and reads its result. */
final class OpenLoopRun {

    static final int CONNECTIONS = 32;

    private OpenLoopRun() {}

    static LoadResult run(RunContext context, String name, URI target, int rate)
            throws IOException, InterruptedException {
        Timings timings = context.timings();
        Path out = context.settings().work().resolve(name + ".json");
        List<String> arguments = new ArrayList<>(context.settings().benchCommand("load"));
        arguments.addAll(List.of(
                "--url",
                target.toString(),
                "--rate",
                Integer.toString(rate),
                "--seconds",
                seconds(timings.latencyWindow()),
                "--warmup",
                seconds(timings.latencyWarmup()),
                "--connections",
                Integer.toString(CONNECTIONS),
                "--out",
                out.toString()));
        context.processes()
                .runJava(
                        name,
                        RunSettings.HELPER_JVM,
                        arguments,
                        timings.latencyWindow().plus(timings.latencyWarmup()).plusSeconds(60));
        LoadResult result = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(out.toFile(), LoadResult.class);
        context.log(
                "%s: p50 %s ms, p99 %s ms at %s/s",
                name, Fmt.two(result.p50()), Fmt.two(result.p99()), Fmt.whole(result.achievedRate()));
        return result;
    }

    private static String seconds(java.time.Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }
}
