package dev.tributary.gateway.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.format.EventJson;
import dev.tributary.gateway.testing.Cli;
import dev.tributary.gateway.testing.GatewayExtension;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dead letters to a {@code file} sink and back: a real gateway dead-letters into a file, and
 * {@code tributary replay} re-injects the file's events into real (loopback) sinks.
 */
class ReplayIT {

    private static final Path DIR = tempDir();
    private static final Path DEAD_LETTERS = DIR.resolve("dead-letters.jsonl");

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              orders: { type: cloudevents, auth: none }
              uploads: { type: cloudevents, auth: none }
            sinks:
              billing: { type: http, url: SINK/billing }
              audit: { type: http, url: SINK/audit }
              thumbnailer: { type: http, url: SINK/thumbnailer }
              dead-letters: { type: file, path: "DEAD" }
            routes:
              - name: orders
                from: [orders]
                to: [billing, audit]
                delivery: { retry: 0, deadLetterSink: dead-letters }
              - name: thumbnails
                from: [uploads]
                transform: { jsonata: '$merge([$, {"type": "com.example.image.uploaded", "data": {"key": data.key}}])' }
                to: [thumbnailer]
                delivery: { retry: 0, deadLetterSink: dead-letters }
            """.replace("DEAD", DEAD_LETTERS.toString());

    @RegisterExtension
    static final GatewayExtension GATEWAY = new GatewayExtension(MAPPINGS);

    private final RecordingSink sink = GATEWAY.sink();
    private final GatewayUnderTest gateway = GATEWAY.gateway();

    @Test
    void deadLettersGoToTheFileAndReplayDeliversEachToTheSinkThatFailedOnce() throws Exception {
        sink.script("/billing", new Response(400, Map.of(), "card declined", 0));
        HttpResponse<String> pushed =
                gateway.pushEvent("orders", "order-1", "com.example.order.created", "{\"total\":42}");
        assertEquals(202, pushed.statusCode(), pushed.body());
        assertEquals("order-1", sink.next("/audit", 10).header("ce-id"), "the other sink of the route got it");
        sink.next("/billing", 10);
        CloudEvent stored = awaitLine(0);
        assertEquals("order-1", stored.getId());
        assertTrue(String.valueOf(stored.getExtension("knativeerrordest")).startsWith("billing ("), stored.toString());

        Path file = Files.writeString(
                DIR.resolve("twice.jsonl"), Files.readString(DEAD_LETTERS) + Files.readString(DEAD_LETTERS));
        Path mappings = mappingsFile();
        Cli.Result run = replay(file.toString(), "--mappings", mappings.toString());

        assertEquals(0, run.exitCode(), run.err());
        RecordingSink.Request replayed = sink.next("/billing", 10);
        assertEquals("order-1", replayed.header("ce-id"));
        assertEquals("{\"total\":42}", replayed.bodyText());
        assertNull(replayed.header("ce-knativeerrordest"), "the dead-letter extensions are not replayed");
        Thread.sleep(200);
        assertEquals(0, sink.pending("/audit"), "the sink that had it already does not get it again");
        assertEquals(0, sink.pending("/billing"), "the duplicate line is replayed once");
        assertTrue(
                run.out()
                        .startsWith("replayed: 2 events read: 1 delivered, 0 dead-lettered again, 0 failed; skipped: "
                                + "0 before --since, 1 duplicates"),
                run.out());
    }

    @Test
    void aTransformFailureIsReplayedThroughTheFixedTransform() throws Exception {
        Path broken = Files.writeString(DIR.resolve("broken.jsonl"), EventJson.line(EventJson.read("""
                {"specversion": "1.0", "id": "img-1", "source": "aws:s3.eu-west-1.photos", "type": "com.amazonaws.s3.ObjectCreated:Put",
                 "time": "2026-03-14T09:26:53.589Z", "knativeerrordest": "transform (jsonata of route 'thumbnails')",
                 "knativeerrorcode": 422, "datacontenttype": "application/json", "data": {"key": "uploads/cat.jpg"}}""")) + "\n");

        Cli.Result dryRun =
                replay(broken.toString(), "--mappings", mappingsFile().toString(), "--dry-run");
        assertEquals(0, dryRun.exitCode(), dryRun.err());
        assertTrue(
                dryRun.out()
                        .startsWith(
                                "would deliver img-1 (source aws:s3.eu-west-1.photos) on route 'thumbnails' to sink 'thumbnailer'\n"
                                        + "dry run: 1 events read: 1 would be delivered, 0 would be dead-lettered again"),
                dryRun.out());
        Thread.sleep(200);
        assertEquals(0, sink.pending("/thumbnailer"), "a dry run delivers nothing");

        Cli.Result tooLate =
                replay(broken.toString(), "--mappings", mappingsFile().toString(), "--since", "2026-03-15T00:00:00Z");
        assertTrue(tooLate.out().contains("1 before --since"), tooLate.out());

        Cli.Result run = replay(broken.toString(), "--mappings", mappingsFile().toString(), "--route", "thumbnails");
        assertEquals(0, run.exitCode(), run.err());
        RecordingSink.Request delivered = sink.next("/thumbnailer", 10);
        assertEquals("com.example.image.uploaded", delivered.header("ce-type"));
        assertEquals("{\"key\":\"uploads/cat.jpg\"}", delivered.bodyText());
    }

    @Test
    void unreadableLinesAndUnknownRoutesAreReported() throws Exception {
        Path file = Files.writeString(DIR.resolve("bad.jsonl"), "{\"specversion\": \"1.0\"}\nnot json\n");

        Cli.Result run = replay(file.toString(), "--mappings", mappingsFile().toString(), "--dry-run");
        Cli.Result unknownRoute =
                replay(file.toString(), "--mappings", mappingsFile().toString(), "--route", "order");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith(file + ":1: unreadable, skipped: not a valid CloudEvent"), run.err());
        assertTrue(run.err().contains(file + ":2: unreadable, skipped: not JSON"), run.err());
        assertTrue(run.out().endsWith("2 unreadable lines\n"), run.out());
        assertEquals(1, unknownRoute.exitCode());
        assertTrue(unknownRoute.err().startsWith("tributary replay: no route 'order' in "), unknownRoute.err());
    }

    private Path mappingsFile() throws IOException {
        return Files.writeString(DIR.resolve("replay.yaml"), MAPPINGS.replace("SINK", sink.url()));
    }

    private static CloudEvent awaitLine(int index) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(DEAD_LETTERS)) {
                List<String> lines = Files.readAllLines(DEAD_LETTERS);
                if (lines.size() > index) {
                    return EventJson.read(lines.get(index));
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line " + (index + 1) + " in " + DEAD_LETTERS);
    }

    private static Cli.Result replay(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "replay";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("tributary-replay");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
