package dev.tributary.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tributary demo} as a user meets it: the packaged jar ({@code target/tributary-demo.jar})
 * run as a child process. Mistakes end in one line that says what to do and exit 1; an upload
 * prints what became of it.
 */
class DemoCliIT {

    private static final Path JAR = Path.of("target/tributary-demo.jar");

    @TempDir
    Path dir;

    @Test
    void versionIsPrinted() throws Exception {
        Run run = run("-V");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("tributary \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), run.out());
    }

    @Test
    void uploadingAMissingFileSaysSo() throws Exception {
        Run run = run("upload", dir.resolve("missing.jpg").toString());
        assertEquals(new Run(1, "", "tributary demo upload: no such file: " + dir.resolve("missing.jpg") + "\n"), run);
    }

    @Test
    void uploadingADirectorySaysSo() throws Exception {
        Run run = run("upload", dir.toString());
        assertEquals(
                new Run(
                        1,
                        "",
                        "tributary demo upload: " + dir + " is a directory: give the files in it, e.g. "
                                + dir.resolve("*.jpg") + "\n"),
                run);
    }

    @Test
    void uploadingWithNoDemoListeningSaysHowToStartIt() throws Exception {
        Path file = Files.writeString(dir.resolve("cat.jpg"), "x");
        int port = freePort();
        Run run = run("upload", "--store", "http://127.0.0.1:" + port, file.toString());
        assertEquals(
                new Run(
                        1,
                        "",
                        "tributary demo upload: no demo listening on http://127.0.0.1:" + port
                                + " — start it with ./tributary demo\n"),
                run);
    }

    @Test
    void aBusyPortIsNamedWithTheOptionThatChangesIt() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = busy.getLocalPort();

            Run store = run(
                    "--store-port",
                    Integer.toString(port),
                    "--port",
                    "0",
                    "--sqs-port",
                    "0",
                    "--function-port",
                    "0",
                    "--management-port",
                    "0");
            Run gateway = run(
                    "--port",
                    Integer.toString(port),
                    "--store-port",
                    "0",
                    "--sqs-port",
                    "0",
                    "--function-port",
                    "0",
                    "--management-port",
                    "0");
            Run management = run(
                    "--management-port",
                    Integer.toString(port),
                    "--port",
                    "0",
                    "--store-port",
                    "0",
                    "--sqs-port",
                    "0",
                    "--function-port",
                    "0");

            assertEquals(1, store.exitCode(), store.out());
            assertEquals(
                    "tributary demo: port " + port + " (the S3-compatible store) is in use: stop what uses it, "
                            + "or choose another port with --store-port\n",
                    store.err());
            assertEquals(1, gateway.exitCode(), gateway.out());
            assertEquals(
                    "tributary demo: port " + port + " (the gateway) is in use: stop what uses it, "
                            + "or choose another port with --port\n",
                    gateway.err());
            assertTrue(!gateway.out().contains("\tat "), "no stack trace: " + gateway.out());
            assertEquals(1, management.exitCode(), management.out());
            assertEquals(
                    "tributary demo: port " + port
                            + " (the gateway's health and metrics) is in use: stop what uses it, "
                            + "or choose another port with --management-port\n",
                    management.err());
        }
    }

    @Test
    void anUploadPrintsWhatBecameOfIt() throws Exception {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Path cat = dir.resolve("cat.jpg");
        ImageIO.write(image, "jpg", cat.toFile());
        Path notes = Files.writeString(dir.resolve("notes.jpg"), "these are not pixels");
        Path upper = Files.copy(cat, dir.resolve("UPPER.JPG"));
        try (DemoStack demo = DemoStack.start(DemoStack.Ports.ANY)) {
            String store = demo.store().endpoint();
            Run run = run(
                    "upload",
                    "--store",
                    store,
                    "--gateway",
                    demo.gatewayUrl(),
                    cat.toString(),
                    notes.toString(),
                    upper.toString());

            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = run.out().lines().toList();
            assertEquals(3, lines.size(), run.out());
            assertTrue(
                    lines.get(0)
                            .matches("\\Q" + cat + " -> s3://uploads/cat.jpg, event \\EDEMO\\w+\\.demo-host-\\d+"
                                    + "\\Q: written: thumbnails/cat.jpg (300x225) at " + store
                                    + "/uploads/thumbnails/cat.jpg\\E"),
                    lines.get(0));
            assertTrue(
                    lines.get(1).endsWith(": skipped: not an image (no image reader recognises the content)"),
                    lines.get(1));
            assertTrue(
                    lines.get(2)
                            .endsWith(": matched no route: the thumbnails route takes keys ending .jpg, .jpeg or .png "
                                    + "(case-sensitive)"),
                    lines.get(2));
        }
    }

    private record Run(int exitCode, String out, String err) {}

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tributary demo " + String.join(" ", args) + " still running after 120 s: "
                    + Files.readString(out));
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
