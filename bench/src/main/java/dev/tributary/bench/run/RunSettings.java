package dev.tributary.bench.run;

import dev.tributary.bench.Args;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run is given: where the jars are, where results and logs go, quick or full timings, and
 * the JVM options of the contenders (gateway and plain Camel alike).
 *
 * @param benchJar this suite's shaded jar
 * @param gatewayJar the gateway's fat jar
 * @param results where {@code <date>-<scenario>.md} is written
 * @param work logs, mapping files, wrk scripts and raw results of this run
 * @param readme the README whose latest-results table a full run of every scenario refreshes
 * @param quick whether this is a smoke run whose figures mean nothing
 * @param timings the durations in force
 * @param contenderJvmOptions options of the gateway and Camel JVMs ({@code GATEWAY_JAVA_OPTS})
 * @param classArchive the gateway's AppCDS archive, when it is used
 */
record RunSettings(
        Path benchJar,
        Path gatewayJar,
        Path results,
        Path work,
        Path readme,
        boolean quick,
        Timings timings,
        List<String> contenderJvmOptions,
        Optional<Path> classArchive) {

    /** The JVM options of the bench's helper processes (sink, load generator). */
    static final List<String> HELPER_JVM = List.of("-Xms64m", "-Xmx256m");

    static RunSettings from(Args args, Map<String, String> environment) {
        boolean quick = Boolean.parseBoolean(args.string("quick", "false"));
        Timings timings = quick ? Timings.quick() : Timings.full();
        String messages = environment.get("SQS_MESSAGES");
        if (messages != null && !messages.isBlank()) {
            timings = timings.withSqsMessages(Integer.parseInt(messages.trim()));
        }
        String options = environment.getOrDefault("GATEWAY_JAVA_OPTS", "").trim();
        return new RunSettings(
                Path.of(args.string("bench-jar")),
                Path.of(args.string("gateway-jar")),
                Path.of(args.string("results")),
                Path.of(args.string("work")),
                Path.of(args.string("readme")),
                quick,
                timings,
                options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+")),
                Optional.of(args.string("class-archive", ""))
                        .filter(path -> !path.isBlank())
                        .map(Path::of));
    }

    /** The gateway's JVM options: the contenders' and, when there is one, its class-data archive. */
    List<String> gatewayJvmOptions() {
        List<String> options = new ArrayList<>(contenderJvmOptions);
        classArchive.ifPresent(archive -> options.add("-XX:SharedArchiveFile=" + archive));
        return options;
    }

    /** {@code -cp bench.jar dev.tributary.bench.Main COMMAND}: a helper process of the suite. */
    List<String> benchCommand(String command) {
        return List.of("-cp", benchJar.toString(), "dev.tributary.bench.Main", command);
    }
}
