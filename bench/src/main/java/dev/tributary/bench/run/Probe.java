package dev.tributary.bench.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Free loopback ports and waiting for a started server to answer. */
final class Probe {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Probe() {}

    /** A port free on 127.0.0.1 right now (another process may still take it before it is used). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Polls {@code GET uri} every {@code every} until it answers 2xx.
     *
     * @return how long that took
     * @throws IllegalStateException when the process exits first, or the timeout passes
     */
    static Duration awaitHttp(Processes.Running process, URI uri, Duration timeout, Duration every)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.process().isAlive()) {
                throw new IllegalStateException(process.name() + " exited while starting:\n" + process.logTail());
            }
            if (answers(uri)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(every.toMillis());
        }
        throw new IllegalStateException(process.name() + " did not answer " + uri + " within " + timeout.toSeconds()
                + " s:\n" + process.logTail());
    }

    /**
     * Waits until a bench server ({@code Main}) prints that it is ready.
     *
     * @throws IllegalStateException when the process exits first, or the timeout passes
     */
    static void awaitReadyLine(Processes.Running process, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!java.nio.file.Files.readString(process.log()).contains(dev.tributary.bench.Main.READY)) {
            if (!process.process().isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        process.name() + " did not start within " + timeout.toSeconds() + " s:\n" + process.logTail());
            }
            Thread.sleep(50);
        }
    }

    /** The body of {@code GET uri}, which must answer 2xx. */
    static String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static boolean answers(URI uri) throws InterruptedException {
        try {
            get(uri);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
