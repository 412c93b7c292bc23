package dev.tributary.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.Main;
import dev.tributary.gateway.testing.Cli;
import dev.tributary.gateway.testing.GatewayUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void threeMistakesPrintThreeLocatedErrorsAndExitOne() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                apiVersion: tributary.dev/v1
                sources:
                  uploads: { type: cloudevents, auth: none }
                sinks:
                  default-broker: { type: knative-broker, namespace: default, name: default }
                  thumbnailer: { type: http, url: "http://thumbnailer/", mode: binery }
                routes:
                  - name: images
                    from: [uplods]
                    to: [thumbnailer, defualt-broker]
                """);
        Cli.Result result = Cli.run("validate", file.toString());

        assertEquals(1, result.exitCode());
        String[] lines = result.err().strip().split("\n");
        assertEquals(4, lines.length, result.err());
        assertEquals(file + ":6: sink 'thumbnailer': mode: unknown value 'binery' (did you mean 'binary'?)", lines[0]);
        assertEquals(file + ":9: route 'images': from[0]: unknown source 'uplods' (did you mean 'uploads'?)", lines[1]);
        assertEquals(
                file + ":10: route 'images': to[1]: unknown sink 'defualt-broker' (did you mean 'default-broker'?)",
                lines[2]);
        assertEquals("3 errors", lines[3]);
    }

    @Test
    void validFilesExitZero() throws Exception {
        Cli.Result result = Cli.run("validate", "../mappings/example.yaml");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("example.yaml: OK (3 sources, 4 sinks, 2 routes)"), result.out());
    }

    @Test
    void helpListsTheCommands() {
        Cli.Result result = Cli.run("--help");
        assertEquals(0, result.exitCode());
        assertTrue(
                result.out().contains("validate")
                        && result.out().contains("serve")
                        && result.out().contains("TRIBUTARY_MAPPINGS"),
                result.out());
    }

    @Test
    void micronautSettingsWithoutServeAreKeptForTheServer() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--micronaut.server.port=9000");
        assertEquals(java.util.List.of("--micronaut.server.port=9000"), main.micronautArguments());
    }

    @Test
    void exitWhenReadyStartsTheGatewayAndStops() throws Exception {
        Cli.Result result = Cli.run(
                "serve",
                "--exit-when-ready",
                "--micronaut.server.port=-1",
                "--endpoints.all.port=" + GatewayUnderTest.freePort());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("started and ready; stopped"), result.out());
        assertTrue(!ServeCommand.isServing());
    }

    @Test
    void exitWhenReadyFailsWhenTheMappingsDoNot() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "apiVersion: tributary.dev/v1\nsources: {}\n");
        Cli.Result result = Cli.run(
                "serve",
                "--exit-when-ready",
                "--micronaut.server.port=-1",
                "--endpoints.all.port=" + GatewayUnderTest.freePort(),
                "--tributary.mappings=" + file);
        assertEquals(1, result.exitCode(), result.out());
    }
}
