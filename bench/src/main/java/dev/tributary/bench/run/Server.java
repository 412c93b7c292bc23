package dev.tributary.bench.run;

import dev.tributary.bench.camel.CamelBaseline;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A contender under test, started in its own JVM: the gateway or the plain Camel baseline.
 *
 * @param name the name in logs and tables
 * @param running its process
 * @param target where load is sent
 * @param startup from process start to its first successful answer
 */
record Server(String name, Processes.Running running, URI target, Duration startup) {

    /** The name of the plain Camel baseline: {@value}. */
    static final String CAMEL = "plain Camel";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(10);

    long pid() {
        return running.pid();
    }

    /**
     * Starts the gateway on {@code mappings} and waits for {@code GET /health/readiness} on its
     * management port.
     *
     * @param source the push source load is sent to
     */
    static Server gateway(RunContext context, String name, String mappings, String source)
            throws IOException, InterruptedException {
        int port = Probe.freePort();
        long start = System.nanoTime();
        int managementPort = Probe.freePort();
        Processes.Running running = launchGateway(
                context, name, mappings, port, Map.of("ENDPOINTS_ALL_PORT", Integer.toString(managementPort)));
        URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/health/readiness");
        Probe.awaitHttp(running, readiness, START_TIMEOUT, POLL);
        return new Server(
                name,
                running,
                URI.create("http://127.0.0.1:" + port + "/sources/" + source),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Starts the gateway on {@code mappings} without waiting for it (pull sources start consuming at once). */
    static Processes.Running launchGateway(
            RunContext context, String name, String mappings, int port, Map<String, String> environment)
            throws IOException {
        Path file = Files.writeString(context.settings().work().resolve(name + "-mappings.yaml"), mappings);
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("ENDPOINTS_ALL_PORT", Integer.toString(Probe.freePort()));
        env.put("TRIBUTARY_MAPPINGS", file.toString());
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        List<String> arguments = List.of("-jar", context.settings().gatewayJar().toString());
        return context.processes().java(name, context.settings().gatewayJvmOptions(), arguments, env);
    }

    /** Starts the plain Camel route ({@link CamelBaseline}) forwarding to {@code sink}, and waits for it to answer. */
    static Server camel(RunContext context, URI sink, String typePrefix) throws IOException, InterruptedException {
        int port = Probe.freePort();
        List<String> arguments = new ArrayList<>(context.settings().benchCommand("camel"));
        arguments.addAll(List.of("--port", Integer.toString(port), "--sink", sink.toString(), "--prefix", typePrefix));
        long start = System.nanoTime();
        Processes.Running running =
                context.processes().java("camel", context.settings().contenderJvmOptions(), arguments, Map.of());
        URI target = URI.create("http://127.0.0.1:" + port + CamelBaseline.PATH);
        Probe.awaitHttp(running, target, START_TIMEOUT, POLL);
        return new Server(CAMEL, running, target, Duration.ofNanos(System.nanoTime() - start));
    }

    void stop(RunContext context) throws InterruptedException {
        context.processes().stop(running);
    }
}
