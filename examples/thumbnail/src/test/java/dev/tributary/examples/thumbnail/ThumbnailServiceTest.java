package dev.tributary.examples.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThumbnailServiceTest {

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final ThumbnailService service = new ThumbnailService(store, new Thumbnails(Settings.DEFAULT_MAX_PIXELS));

    @Test
    void writesTheThumbnailUnderThumbnailsWithTheSourceContentType() {
        store.with("photos", "uploads/cat.jpg", TestImages.jpeg(2000, 1500));

        Outcome outcome = service.handle(TestEvents.neutral("e-1", "photos", "uploads/cat.jpg"));

        InMemoryObjectStore.Stored thumbnail = store.stored("photos", "thumbnails/uploads/cat.jpg");
        assertEquals("image/jpeg", thumbnail.contentType());
        assertEquals(
                new Outcome.Written(
                        new ObjectRef("photos", "thumbnails/uploads/cat.jpg"), thumbnail.content().length, 300, 225),
                outcome);
        assertEquals(300, TestImages.decode(thumbnail.content()).getWidth());
    }

    @Test
    void anS3EventReadsTheDecodedKeyAndKeepsPng() {
        store.with("photos", "uploads/red flower.png", TestImages.png(1000, 3000));

        Outcome outcome = service.handle(TestEvents.s3Created("e-2", "photos", "uploads/red+flower.png"));

        assertEquals(
                "image/png",
                store.stored("photos", "thumbnails/uploads/red flower.png").contentType());
        assertEquals(100, ((Outcome.Written) outcome).width());
    }

    @Test
    void theThumbnailsOwnEventIsSkippedWithoutReadingIt() {
        store.with("photos", "a.jpg", TestImages.jpeg(800, 600));
        Outcome.Written written = (Outcome.Written) service.handle(TestEvents.neutral("e-3", "photos", "a.jpg"));

        Outcome second = service.handle(
                TestEvents.neutral("e-4", "photos", written.thumbnail().key()));

        assertSkipped(SkipReason.ALREADY_A_THUMBNAIL, second);
        assertEquals(List.of(new ObjectRef("photos", "a.jpg")), store.reads());
        assertNull(store.stored("photos", "thumbnails/thumbnails/a.jpg"));
    }

    @Test
    void unusableObjectsAreSkippedAndNothingIsWritten() {
        store.with("photos", "notes.jpg", "shopping list".getBytes(StandardCharsets.UTF_8))
                .with("photos", "empty.png", new byte[0]);

        assertSkipped(SkipReason.NOT_AN_IMAGE, service.handle(TestEvents.neutral("e-5", "photos", "notes.jpg")));
        assertSkipped(SkipReason.EMPTY_OBJECT, service.handle(TestEvents.neutral("e-6", "photos", "empty.png")));
        assertSkipped(SkipReason.OBJECT_NOT_FOUND, service.handle(TestEvents.neutral("e-7", "photos", "deleted.jpg")));
        assertNull(store.stored("photos", "thumbnails/notes.jpg"));
        assertNull(store.stored("photos", "thumbnails/empty.png"));
    }

    @Test
    void otherEventTypesAreSkippedWithoutTouchingTheStore() {
        CloudEvent removed = TestEvents.event(
                        "e-8", "com.amazonaws.s3.ObjectRemoved:Delete", TestEvents.s3Record("photos", "a.jpg"))
                .build();

        assertSkipped(SkipReason.IGNORED_EVENT_TYPE, service.handle(removed));
        assertTrue(store.reads().isEmpty());
    }

    @Test
    void anUnavailableStoreIsRethrownForARetry() {
        store.makeUnavailable("down");

        assertThrows(
                StorageUnavailableException.class, () -> service.handle(TestEvents.neutral("e-9", "down", "a.jpg")));
    }

    @Test
    void aStorageEventWithoutKeyIsMalformed() {
        CloudEvent event = TestEvents.event(
                        "e-10",
                        StorageEvents.NEUTRAL_CREATED,
                        TestEvents.JSON.createObjectNode().put("bucket", "photos"))
                .build();

        assertThrows(MalformedEventException.class, () -> service.handle(event));
    }

    @Test
    void logsOneLineNamingTheEventIdPerEvent() {
        store.with("photos", "uploads/a b.jpg", TestImages.jpeg(640, 480));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            service.handle(TestEvents.neutral("upload-42", "photos", "uploads/a b.jpg"));
            service.handle(TestEvents.neutral("upload-43", "photos", "thumbnails/uploads/a b.jpg"));
        } finally {
            System.setOut(original);
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(
                lines.get(0)
                        .contains("id=\"upload-42\" bucket=\"photos\" key=\"uploads/a b.jpg\" outcome=written"
                                + " thumbnail=\"thumbnails/uploads/a b.jpg\""),
                lines.get(0));
        assertTrue(
                lines.get(1).contains("id=\"upload-43\"") && lines.get(1).contains("reason=already-a-thumbnail"),
                lines.get(1));
    }

    private static void assertSkipped(SkipReason reason, Outcome outcome) {
        assertEquals(reason, ((Outcome.Skipped) outcome).reason(), outcome.toString());
    }
}
