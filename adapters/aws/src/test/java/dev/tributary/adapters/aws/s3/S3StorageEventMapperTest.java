package dev.tributary.adapters.aws.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.adapters.aws.AwsJson;
import dev.tributary.adapters.aws.eventbridge.EventBridgeDecoder;
import dev.tributary.core.storage.NeutralStorageEvents;
import dev.tributary.core.storage.StorageObject;
import dev.tributary.core.storage.StorageObject.Change;
import dev.tributary.core.testing.GoldenFiles;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3StorageEventMapperTest {

    private final S3StorageEventMapper mapper = new S3StorageEventMapper();

    @Test
    void notificationRecordsAreCreatedAndRemovedObjectsWithDecodedKeys() {
        List<CloudEvent> events =
                new S3NotificationDecoder().decode(input("golden/aws/s3", "multi-record-unicode-keys"));
        assertEquals(
                Optional.of(new StorageObject(
                        Change.CREATED,
                        "aws",
                        "s3://media",
                        "media",
                        "photos/summer holiday/beach (2).jpg",
                        1_048_576L,
                        null,
                        "0123456789abcdef0123456789abcdef-2",
                        null)),
                mapper.describe(events.get(0)));
        assertEquals(
                Optional.of(new StorageObject(
                        Change.DELETED, "aws", "s3://media", "media", "café/日本 📷.png", null, null, null, null)),
                mapper.describe(events.get(2)));
    }

    @Test
    void eventBridgeObjectEventsAreDescribedToo() {
        CloudEvent created = new EventBridgeDecoder()
                .decode(input("golden/aws/eventbridge", "s3-object-created"))
                .get(0);
        assertEquals(
                Optional.of(new StorageObject(
                        Change.CREATED,
                        "aws",
                        "s3://photos",
                        "photos",
                        "uploads/cat.png",
                        5123L,
                        null,
                        "b1946ac92492d2347c6235b4d2611184",
                        null)),
                mapper.describe(created));
        CloudEvent deleted = new EventBridgeDecoder()
                .decode(input("golden/aws/eventbridge", "s3-object-deleted"))
                .get(0);
        assertEquals(Change.DELETED, mapper.describe(deleted).orElseThrow().change());
    }

    @Test
    void otherEventsAreNotStorageEvents() {
        assertTrue(mapper.describe(new EventBridgeDecoder()
                        .decode(input("golden/aws/eventbridge", "custom-source"))
                        .get(0))
                .isEmpty());
        assertTrue(mapper.describe(event("com.amazonaws.s3.ObjectRestore:Completed", "{}"))
                .isEmpty());
        assertTrue(mapper.describe(event("com.amazonaws.s3.ObjectCreated:Put", "not json"))
                .isEmpty());
        assertTrue(mapper.describe(event("com.amazonaws.s3.ObjectCreated:Put", "{\"s3\":{}}"))
                .isEmpty());
        assertTrue(mapper.describe(event("com.amazonaws.s3.ObjectCreated", "{\"detail\":{}}"))
                .isEmpty());
    }

    @Test
    void theGatewayFindsTheMapperOnTheClassPath() {
        CloudEvent provider = new S3NotificationDecoder()
                .decode(input("golden/aws/s3", "object-created"))
                .get(0);
        CloudEvent neutral = NeutralStorageEvents.installed().apply(provider);
        assertEquals("dev.tributary.storage.object.created", neutral.getType());
        assertEquals("s3://photos", neutral.getSource().toString());
        assertEquals("uploads/red flower.jpg", neutral.getSubject());
        assertEquals(provider.getId(), neutral.getId());
        assertEquals(
                GoldenFiles.tree(("{\"provider\":\"aws\",\"bucket\":\"photos\",\"key\":\"uploads/red flower.jpg\","
                                + "\"size\":48213,\"etag\":\"d41d8cd98f00b204e9800998ecf8427e\"}")
                        .getBytes(StandardCharsets.UTF_8)),
                GoldenFiles.tree(neutral.getData().toBytes()));
        CloudEvent other = event("com.example.thing", "{}");
        assertSame(other, NeutralStorageEvents.installed().apply(other));
    }

    private static JsonNode input(String directory, String caseName) {
        return AwsJson.parse(new String(GoldenFiles.input(directory, caseName), StandardCharsets.UTF_8), caseName);
    }

    private static CloudEvent event(String type, String data) {
        return CloudEventBuilder.v1()
                .withId("1")
                .withSource(URI.create("s"))
                .withType(type)
                .withData("application/json", data.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
