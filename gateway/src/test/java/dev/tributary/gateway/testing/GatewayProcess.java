package dev.tributary.gateway.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway ({@code target/tributary.jar}, with {@code jvm.options}) as a child process
 * on loopback, with the given mappings file and environment; its output goes to a log file.
 * {@link #kill()} ends it as a crash would (SIGKILL), {@link #terminate} as Kubernetes stops a pod
 * (SIGTERM) and measures the exit, {@link #close()} SIGTERMs what is still running and kills it
 * after 30 s. Not thread-safe; one test drives it.
 */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private GatewayProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts the gateway on a random port and returns at once (the test waits as it needs). */
    public static GatewayProcess start(Path mappings, Map<String, String> environment, Path log) throws IOException {
        return start(mappings, environment, log, -1);
    }

    /** Starts the gateway on {@code port} (-1: a random one) and returns at once. */
    public static GatewayProcess start(Path mappings, Map<String, String> environment, Path log, int port)
            throws IOException {
        Path jar = Path.of("target", "tributary.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar.toAbsolutePath() + " is missing: run this test in 'mvn verify' (after package)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "@jvm.options",
                "-jar",
                jar.toString(),
                "serve",
                "--micronaut.server.port=" + port,
                "--micronaut.server.host=127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("TRIBUTARY_MAPPINGS", mappings.toString());
        // each process a management port of its own: two replicas on 9090 would collide
        int managementPort = GatewayUnderTest.freePort();
        builder.environment().put("ENDPOINTS_ALL_PORT", Integer.toString(managementPort));
        builder.environment().putAll(environment);
        return new GatewayProcess(builder.start(), log, port, managementPort);
    }

    /**
     * Starts the gateway on a free port, its output in {@code target/<name>.log}, and waits until
     * it is ready (at most 60 s).
     */
    public static GatewayProcess startReady(String name, Path mappings, Map<String, String> environment)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GatewayProcess gateway = start(mappings, environment, Path.of("target", name + ".log"), port);
        gateway.awaitReady();
        return gateway;
    }

    /**
     * Waits until the management port answers readiness 200 (at most 60 s).
     *
     * @throws IllegalStateException when the process exits first or is not ready in time
     */
    public void awaitReady() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the gateway exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<Void> ready = client.send(
                        HttpRequest.newBuilder(managementUri("/health/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the gateway was not ready within 60 s; see " + log);
    }

    /** A URI on the gateway's port; only for a process started with a known port. */
    public URI uri(String path) {
        if (port <= 0) {
            throw new IllegalStateException("started on a random port");
        }
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A URI on the gateway's management port (health, Prometheus). */
    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
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

    /**
     * SIGTERM, then waits for the exit; returns how long it took.
     *
     * @throws AssertionError when it did not exit within {@code atMost} (a thread dump is left next to the log)
     */
    public Duration terminate(Duration atMost) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            Path dump = log.resolveSibling(log.getFileName() + ".threads.txt");
            try {
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                        .toString(),
                                Long.toString(process.pid()),
                                "Thread.print")
                        .redirectErrorStream(true)
                        .redirectOutput(dump.toFile())
                        .start()
                        .waitFor(20, TimeUnit.SECONDS);
            } catch (IOException e) {
                // no dump then
            }
            throw new AssertionError("the gateway did not exit within " + atMost + " of SIGTERM; threads in " + dump);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
