package dev.tributary.core.sink.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.format.EventJson;
import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {

    @TempDir
    Path dir;

    @Test
    void eachEventIsOneJsonLineThatReadsBackAsTheSameEvent() throws Exception {
        Path path = dir.resolve("dead/letters.jsonl");
        List<CloudEvent> events = List.of(
                event("e-1", "{\"key\":\"uploads/cat.jpg\",\"size\":48213}"),
                event("e-2", "{\"note\":\"line\\nbreak\"}"));
        try (EventSink sink = sink(path, Map.of())) {
            for (CloudEvent event : events) {
                assertEquals(
                        200,
                        sink.send(event, Duration.ofSeconds(5))
                                .toCompletableFuture()
                                .get()
                                .status());
            }
            assertEquals("file:" + path, sink.destination());
        }

        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), "one line per event, a line break in data stays escaped");
        assertEquals(
                events.stream().map(EventJson::tree).toList(),
                lines.stream().map(EventJson::read).map(EventJson::tree).toList());
    }

    @Test
    void rotatesBySizeAndKeepsMaxFiles() throws Exception {
        Path path = dir.resolve("archive.jsonl");
        try (EventSink sink = sink(path, Map.of("maxBytes", 1, "maxFiles", 2))) {
            for (int i = 1; i <= 4; i++) {
                sink.send(event("e-" + i, "{}"), Duration.ofSeconds(5))
                        .toCompletableFuture()
                        .get();
            }
        }

        assertEquals("e-4", EventJson.read(Files.readString(path).strip()).getId());
        assertEquals(
                "e-3",
                EventJson.read(Files.readString(dir.resolve("archive.jsonl.1")).strip())
                        .getId());
        assertEquals(
                "e-2",
                EventJson.read(Files.readString(dir.resolve("archive.jsonl.2")).strip())
                        .getId());
        assertFalse(Files.exists(dir.resolve("archive.jsonl.3")), "beyond maxFiles the oldest is deleted");
    }

    @Test
    void aPathThatCannotBeOpenedIsRefusedNamingTheSink() throws Exception {
        Path path = Files.createDirectory(dir.resolve("letters.jsonl"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> sink(path, Map.of()));
        assertTrue(refused.getMessage().startsWith("sink 'letters': cannot open " + path), refused.getMessage());
    }

    @Test
    void aRotationThatFailsKeepsAppendingRatherThanLoseEvents() throws Exception {
        Path path = dir.resolve("letters.jsonl");
        try (EventSink sink = sink(path, Map.of("maxBytes", 1, "maxFiles", 1))) {
            sink.send(event("e-1", "{}"), Duration.ofSeconds(5))
                    .toCompletableFuture()
                    .get();
            // rotation must delete letters.jsonl.1, which is now a directory it cannot delete
            Files.writeString(
                    Files.createDirectory(dir.resolve("letters.jsonl.1")).resolve("occupied"), "x");
            assertEquals(
                    200,
                    sink.send(event("e-2", "{}"), Duration.ofSeconds(5))
                            .toCompletableFuture()
                            .get()
                            .status());
        }
        assertEquals(
                List.of("e-1", "e-2"),
                Files.readAllLines(path).stream()
                        .map(line -> EventJson.read(line).getId())
                        .toList());
    }

    @Test
    void isInstalledAsTheFileSinkType() {
        assertTrue(ServiceLoader.load(dev.tributary.core.sink.SinkProvider.class).stream()
                .anyMatch(provider -> provider.get().type().equals("file")));
    }

    private static EventSink sink(Path path, Map<String, Object> options) {
        Map<String, Object> all = new java.util.HashMap<>(options);
        all.put("path", path.toString());
        return new FileSinkProvider().create(new SinkConfig("letters", "file", Options.of(all)), GatewayServices.of());
    }

    private static CloudEvent event(String id, String json) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("aws:s3.eu-west-1.photos"))
                .withType("com.amazonaws.s3.ObjectCreated:Put")
                .withTime(OffsetDateTime.parse("2026-03-14T09:26:53.589Z"))
                .withExtension("knativeerrorcode", 503)
                .withData("application/json", json.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
