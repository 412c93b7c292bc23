package dev.tributary.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayUnderTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gateway ({@code target/tributary.jar}, as {@code ./tributary} runs it), started as a
 * child process the way a user meets it: each start-up mistake ends in one line on standard error
 * that says what to do, and exit status 1.
 */
class ServeErrorsIT {

    private static final Path JAR = Path.of("target/tributary.jar");

    @TempDir
    Path dir;

    @Test
    void aBadMappingsFilePrintsExactlyWhatValidatePrints() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                apiVersion: tributary.dev/v1
                sources:
                  uploads: { type: cloudevents, auth: none }
                sinks:
                  thumbnailer: { type: http, url: "http://thumbnailer/", mode: binery }
                routes:
                  - name: images
                    from: [uplods]
                    to: [thumbnailer]
                """);

        Run serve = run(Map.of("TRIBUTARY_MAPPINGS", file.toString()));
        Run validate = run(Map.of(), "validate", file.toString());

        assertEquals(1, serve.exitCode(), serve.err());
        assertEquals(validate.err(), serve.err());
        assertEquals(
                List.of(
                        file + ":5: sink 'thumbnailer': mode: unknown value 'binery' (did you mean 'binary'?)",
                        file + ":8: route 'images': from[0]: unknown source 'uplods' (did you mean 'uploads'?)",
                        "2 errors"),
                serve.err().lines().toList());
    }

    @Test
    void aBusyPortIsNamedWithTheSettingThatChangesIt() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
            int port = busy.getLocalPort();

            Run serve = run(Map.of("MICRONAUT_SERVER_PORT", Integer.toString(port)));

            assertEquals(1, serve.exitCode(), serve.err());
            assertEquals(
                    List.of("tributary: port " + port + " is in use: stop what uses it, or choose another port with "
                            + "MICRONAUT_SERVER_PORT=PORT (or --micronaut.server.port=PORT)"),
                    serve.err().lines().toList());
            assertTrue(!serve.out().contains("\tat "), "no stack trace: " + serve.out());
        }
    }

    @Test
    void aBusyManagementPortIsNamedWithItsOwnSetting() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
            int port = busy.getLocalPort();

            Run serve = run(Map.of("MICRONAUT_SERVER_PORT", "0", "ENDPOINTS_ALL_PORT", Integer.toString(port)));

            assertEquals(1, serve.exitCode(), serve.err());
            assertEquals(
                    List.of("tributary: port " + port + " is in use: stop what uses it, or choose another port with "
                            + "ENDPOINTS_ALL_PORT=PORT (or --endpoints.all.port=PORT), the management port"),
                    serve.err().lines().toList());
        }
    }

    @Test
    void missingAwsCredentialsNameWhatNeedsThemAndHowToProvideThem() throws Exception {
        Run serve = run(Map.of("TRIBUTARY_MAPPINGS", "../mappings/example.yaml", "MICRONAUT_SERVER_PORT", "0"));

        assertEquals(1, serve.exitCode(), serve.err());
        assertEquals(
                List.of(
                        "tributary: source 'uploads' (aws-sqs) and sink 'resize' (aws-lambda) need AWS credentials: "
                                + "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_REGION), or AWS_PROFILE, or run with an IAM role"),
                serve.err().lines().toList());
        assertTrue(!serve.out().contains("\tat "), "no stack trace: " + serve.out());
    }

    @Test
    void examplesWithDeploymentSecretsValidateWithAllowUnset() throws Exception {
        Run strict = run(Map.of(), "validate", "../mappings/azure.yaml");
        Run allowing =
                run(Map.of(), "validate", "--allow-unset", "../mappings/azure.yaml", "../mappings/cross-cloud.yaml");

        assertEquals(1, strict.exitCode());
        assertTrue(strict.err().contains("'EVENTGRID_SECRET' is not set"), strict.err());
        assertEquals(0, allowing.exitCode(), allowing.err());
        assertTrue(allowing.out().contains("../mappings/azure.yaml: OK (2 sources, "), allowing.out());
        assertTrue(allowing.out().contains("../mappings/cross-cloud.yaml: OK ("), allowing.out());
    }

    private record Run(int exitCode, String out, String err) {}

    /** Runs the jar with a clean environment: no cloud credentials, an empty home, the given variables. */
    private Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet()
                .removeIf(name -> name.startsWith("AWS_")
                        || name.startsWith("GOOGLE_")
                        || name.startsWith("TRIBUTARY_")
                        || name.startsWith("MICRONAUT_"));
        env.put("HOME", dir.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put(
                "ENDPOINTS_ALL_PORT",
                Integer.toString(GatewayUnderTest.freePort())); // not 9090, which another gateway may hold
        env.putAll(environment);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "tributary " + String.join(" ", args) + " still running after 90 s: " + Files.readString(out));
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
