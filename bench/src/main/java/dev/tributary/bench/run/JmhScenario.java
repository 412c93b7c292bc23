package dev.tributary.bench.run;

import dev.tributary.bench.jmh.DecodeBenchmark;
import dev.tributary.bench.jmh.Decoders;
import dev.tributary.bench.jmh.FilterBenchmark;
import dev.tributary.bench.jmh.RouteFilters;
import dev.tributary.bench.jmh.TransformBenchmark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scenario 4: JMH, average time and bytes allocated per operation ({@code -prof gc}) of each
 * decode ({@link DecodeBenchmark}), each route filter ({@link FilterBenchmark}) and route transform
 * ({@link TransformBenchmark}). The JMH JVM has
 * this run's class path, the gateway jar included, so the adapters measured are the ones the
 * gateway ships; a decode whose adapter is missing is listed as skipped.
 */
final class JmhScenario extends Scenario {

    static final double S3_TARGET_NANOS = 5_000;
    static final double SIMPLE_FILTER_TARGET_NANOS = 1_000;
    static final String CORE_DECODE = "cloudevents-binary";
    /** The JMH JVM has bench.jar and the gateway jar, each with an SLF4J binding: use bench's. */
    static final List<String> JVM_OPTIONS =
            List.of("-Xmx512m", "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider");

    JmhScenario() {
        super(4, "jmh", "Decode and filter cost (JMH)");
    }

    @Override
    Outcome run(RunContext context) throws Exception {
        Map<String, String> skipped = new LinkedHashMap<>();
        List<String> available = new ArrayList<>();
        for (String name : Decoders.NAMES) {
            Optional<String> why = Decoders.unavailable(name);
            why.ifPresentOrElse(reason -> skipped.put(name, reason), () -> available.add(name));
        }
        Map<String, JmhResults.Score> decodes = JmhResults.read(jmh(
                context,
                DecodeBenchmark.class,
                List.of("-p", "input=" + String.join(",", available)),
                available.size()));
        Map<String, JmhResults.Score> filters = JmhResults.read(jmh(
                context, FilterBenchmark.class, List.of(), RouteFilters.names().size()));
        Map<String, JmhResults.Score> transforms = JmhResults.read(jmh(
                context,
                TransformBenchmark.class,
                List.of(),
                TransformBenchmark.names().size()));
        return new JmhReport(context.timings(), decodes, skipped, filters, transforms).outcome();
    }

    private static Path jmh(RunContext context, Class<?> benchmark, List<String> extra, int cases) throws Exception {
        Path out = context.settings().work().resolve("jmh-" + benchmark.getSimpleName() + ".json");
        List<String> arguments = new ArrayList<>(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "dev.tributary.bench.Main",
                "jmh",
                "^" + benchmark.getName().replace(".", "\\.") + "\\."));
        arguments.addAll(context.timings().jmhOptions());
        arguments.addAll(extra);
        arguments.addAll(List.of("-prof", "gc", "-rf", "json", "-rff", out.toString()));
        context.log("JMH %s (%d cases)", benchmark.getSimpleName(), cases);
        context.processes()
                .runJava(
                        "jmh-" + benchmark.getSimpleName(),
                        JVM_OPTIONS,
                        arguments,
                        Duration.ofSeconds(60).plusSeconds(30L * cases));
        return out;
    }
}
