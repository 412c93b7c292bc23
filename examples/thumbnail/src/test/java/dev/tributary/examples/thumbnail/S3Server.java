package dev.tributary.examples.thumbnail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Adobe S3Mock, a real S3-compatible server, run from its executable jar in a separate JVM: its
 * Spring Boot 4 stack clashes with the Spring and Jackson versions the parent POM manages. The
 * build copies the jar and passes its path as system property {@code s3mock.jar}.
 */
final class S3Server implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final URI endpoint;

    private S3Server(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts a server storing under {@code root} and waits until it answers on 127.0.0.1. */
    static S3Server start(Path root) throws IOException, InterruptedException {
        String jar = System.getProperty("s3mock.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property s3mock.jar must name S3Mock's executable jar"
                    + " (run the tests with Maven, which copies it to target/s3mock/), got " + jar);
        }
        int port = freePort();
        Path log = root.resolve("s3mock.log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-jar",
                        jar,
                        "--server.port=0",
                        "--http.port=" + port,
                        "--com.adobe.testing.s3mock.store.root=" + root.resolve("store"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        S3Server server = new S3Server(process, URI.create("http://127.0.0.1:" + port));
        server.awaitReady(log);
        return server;
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "S3Mock exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                client.send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(
                "S3Mock did not answer within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
