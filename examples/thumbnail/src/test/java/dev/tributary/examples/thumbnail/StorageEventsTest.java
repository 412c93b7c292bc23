package dev.tributary.examples.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StorageEventsTest {

    @Test
    void neutralEventNamesBucketAndDecodedKey() {
        CloudEvent event = TestEvents.neutral("n-1", "photos", "uploads/red flower.jpg");

        assertEquals(
                Optional.of(new ObjectRef("photos", "uploads/red flower.jpg")), StorageEvents.createdObject(event));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "uploads/red+flower.jpg          | uploads/red flower.jpg",
                "photos/caf%C3%A9+%E2%98%95.png  | photos/café ☕.png",
                "a%2Bb%25c.jpg                   | a+b%c.jpg",
                "plain.jpg                       | plain.jpg"
            })
    void s3EventKeysAreFormDecoded(String encodedKey, String key) {
        CloudEvent event = TestEvents.s3Created("s-1", "photos", encodedKey);

        assertEquals(Optional.of(new ObjectRef("photos", key)), StorageEvents.createdObject(event));
    }

    @Test
    void everyS3ObjectCreatedVariantIsHandled() {
        ObjectNode record = TestEvents.s3Record("photos", "a.jpg");
        CloudEvent copy = TestEvents.event("s-2", "com.amazonaws.s3.ObjectCreated:CompleteMultipartUpload", record)
                .build();

        assertTrue(StorageEvents.createdObject(copy).isPresent());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "com.amazonaws.s3.ObjectRemoved:Delete",
                "dev.tributary.storage.object.deleted",
                "com.amazonaws.s3.ObjectCreated",
                "com.example.order.created"
            })
    void otherEventTypesAreNotForUs(String type) {
        CloudEvent event = TestEvents.event("o-1", type, TestEvents.s3Record("photos", "a.jpg"))
                .build();

        assertFalse(StorageEvents.createdObject(event).isPresent());
    }

    @Test
    void neutralEventWithoutKeyNamesTheField() {
        ObjectNode data =
                TestEvents.JSON.createObjectNode().put("provider", "gcp").put("bucket", "photos");
        CloudEvent event =
                TestEvents.event("n-2", StorageEvents.NEUTRAL_CREATED, data).build();

        MalformedEventException e =
                assertThrows(MalformedEventException.class, () -> StorageEvents.createdObject(event));
        assertEquals("data.key is missing or not a non-empty string", e.getMessage());
    }

    @Test
    void s3EventWithoutBucketNamesTheField() {
        ObjectNode record = TestEvents.s3Record("photos", "a.jpg");
        ((ObjectNode) record.path("s3")).remove("bucket");
        CloudEvent event = TestEvents.event("s-3", "com.amazonaws.s3.ObjectCreated:Put", record)
                .build();

        MalformedEventException e =
                assertThrows(MalformedEventException.class, () -> StorageEvents.createdObject(event));
        assertEquals("data.s3.bucket.name is missing or not a non-empty string", e.getMessage());
    }

    @Test
    void s3KeyWithABrokenEscapeIsMalformed() {
        CloudEvent event = TestEvents.s3Created("s-4", "photos", "bad%zzkey.jpg");

        MalformedEventException e =
                assertThrows(MalformedEventException.class, () -> StorageEvents.createdObject(event));
        assertTrue(e.getMessage().startsWith("data.s3.object.key is not form-encoded"), e.getMessage());
    }

    @Test
    void eventWithoutDataIsMalformed() {
        CloudEvent event = CloudEventBuilder.v1()
                .withId("n-3")
                .withType(StorageEvents.NEUTRAL_CREATED)
                .withSource(URI.create("s3://photos"))
                .build();

        MalformedEventException e =
                assertThrows(MalformedEventException.class, () -> StorageEvents.createdObject(event));
        assertTrue(e.getMessage().contains("has no data"), e.getMessage());
    }

    @Test
    void dataThatIsNotJsonIsMalformed() {
        CloudEvent event = CloudEventBuilder.v1()
                .withId("n-4")
                .withType(StorageEvents.NEUTRAL_CREATED)
                .withSource(URI.create("s3://photos"))
                .withData("text/plain", "photos/a.jpg".getBytes(StandardCharsets.UTF_8))
                .build();

        MalformedEventException e =
                assertThrows(MalformedEventException.class, () -> StorageEvents.createdObject(event));
        assertTrue(e.getMessage().startsWith("data of event n-4 is not JSON"), e.getMessage());
    }

    @Test
    void thumbnailKeysAreRecognisedAndDerived() {
        ObjectRef source = new ObjectRef("photos", "uploads/a.jpg");

        assertEquals(new ObjectRef("photos", "thumbnails/uploads/a.jpg"), source.thumbnail());
        assertFalse(source.isThumbnail());
        assertTrue(source.thumbnail().isThumbnail());
        assertFalse(new ObjectRef("photos", "uploads/thumbnails/a.jpg").isThumbnail());
    }
}
