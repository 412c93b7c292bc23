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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway ({@code target/tributary.jar}) as a child process on a free loopback port,
 * its output in {@code target/<name>.log}: for tests that kill it.
 */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final String name;

    private GatewayProcess(Process process, int port, String name) {
        this.process = process;
        this.port = port;
        this.name = name;
    }

    /** Starts the gateway on {@code mappings} and waits until it is ready (at most 60 s). */
    public static GatewayProcess start(String name, Path mappings, Map<String, String> environment) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path jar = Path.of("target", "tributary.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the 'package' phase first");
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", name + ".log").toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("TRIBUTARY_MAPPINGS", mappings.toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("MICRONAUT_SERVER_HOST", "127.0.0.1");
        GatewayProcess gateway = new GatewayProcess(builder.start(), port, name);
        gateway.awaitReady();
        return gateway;
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(uri("/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the gateway was not ready within 60 s");
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGKILL: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, then waits for the exit; returns how long it took. */
    public Duration terminate(Duration atMost) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            Path dump = Path.of("target", name + "-threads.txt");
            try {
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                        .redirectOutput(dump.toFile()).start().waitFor(20, TimeUnit.SECONDS);
            } catch (IOException e) {
                // no dump then
            }
            throw new AssertionError("the gateway did not exit within " + atMost + " of SIGTERM; threads in " + dump);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
