package dev.tributary.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway ({@code target/tributary.jar}, with {@code jvm.options}) as a child
 * process, on a given or a random port, with the given mappings file and environment; its output goes to a
 * log file. {@link #kill()} ends it as a crash would (SIGKILL); {@link #close()} stops it as
 * Kubernetes does (SIGTERM, then SIGKILL after 30 s).
 */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private GatewayProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static GatewayProcess start(Path mappings, Map<String, String> environment, Path log) throws IOException {
        return start(mappings, environment, log, -1);
    }

    /** Starts the gateway on {@code port} (-1: a random one). */
    public static GatewayProcess start(Path mappings, Map<String, String> environment, Path log, int port) throws IOException {
        Path jar = Path.of("target", "tributary.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run this test in 'mvn verify' (after package)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "@jvm.options", "-jar", jar.toString(), "serve",
                "--micronaut.server.port=" + port, "--micronaut.server.host=127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TRIBUTARY_MAPPINGS", mappings.toString());
        // each process a management port of its own: two replicas on 9090 would collide
        builder.environment().put("ENDPOINTS_ALL_PORT", Integer.toString(GatewayUnderTest.freePort()));
        builder.environment().putAll(environment);
        return new GatewayProcess(builder.start(), log);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Ends the process at once, as a crash or an OOM kill would: nothing in flight is finished. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
