package dev.tributary.adapters.gcp.pubsub;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The Cloud SDK's Pub/Sub emulator as a child process on a free loopback port. The SDK root is what
 * {@code gcloud info --format=value(installation.sdk_root)} prints; a machine without the emulator
 * fails the test with a message saying so. {@link #close()} kills the emulator and its children.
 */
public final class PubsubEmulator implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final int port;

    private PubsubEmulator(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the emulator, its output going to {@code log}, and returns once it listens. */
    public static PubsubEmulator start(Path log) throws IOException, InterruptedException {
        Path launcher = launcher();
        int port = freePort();
        Process process = new ProcessBuilder(launcher.toString(), "--host=127.0.0.1", "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PubsubEmulator emulator = new PubsubEmulator(process, port);
        try {
            emulator.awaitListening(log);
        } catch (IOException | RuntimeException | InterruptedException e) {
            emulator.close();
            throw e;
        }
        return emulator;
    }

    /** The {@code host:port} clients connect to, as {@code PUBSUB_EMULATOR_HOST}. */
    public String endpoint() {
        return "127.0.0.1:" + port;
    }

    private static Path launcher() throws IOException, InterruptedException {
        Process gcloud;
        try {
            gcloud = new ProcessBuilder("gcloud", "info", "--format=value(installation.sdk_root)")
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The Pub/Sub emulator is missing: 'gcloud' is not on PATH, so the Google "
                            + "Cloud SDK that carries platform/pubsub-emulator is not installed on this machine",
                    e);
        }
        String root = new String(gcloud.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        gcloud.waitFor(30, TimeUnit.SECONDS);
        Path launcher = Path.of(root, "platform", "pubsub-emulator", "bin", "cloud-pubsub-emulator");
        if (gcloud.exitValue() != 0 || !Files.isExecutable(launcher)) {
            throw new IllegalStateException("The Pub/Sub emulator is missing: expected " + launcher
                    + " under the Cloud SDK root reported by gcloud ('" + root + "')");
        }
        return launcher;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the Pub/Sub emulator exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the Pub/Sub emulator did not listen on " + endpoint() + " within " + STARTUP
                + ":\n" + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
