package dev.tributary.examples.thumbnail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

/** Storage events for tests, built from the fixtures in {@code src/test/resources/aws}. */
final class TestEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {}

    /** A neutral {@code dev.tributary.storage.object.created} event, as the gateway sends it. */
    static CloudEvent neutral(String id, String bucket, String key) {
        ObjectNode data = JSON.createObjectNode()
                .put("provider", "aws")
                .put("bucket", bucket)
                .put("key", key)
                .put("size", 1234)
                .put("etag", "d41d8cd98f00b204e9800998ecf8427e");
        return event(id, StorageEvents.NEUTRAL_CREATED, data)
                .withSource(URI.create("s3://" + bucket))
                .withSubject(key)
                .withExtension("provider", "aws")
                .build();
    }

    /** An S3 {@code ObjectCreated:Put} notification CloudEvent; {@code encodedKey} as S3 sends it (form-encoded). */
    static CloudEvent s3Created(String id, String bucket, String encodedKey) {
        return event(id, "com.amazonaws.s3.ObjectCreated:Put", s3Record(bucket, encodedKey))
                .withSource(URI.create("aws:s3.eu-west-1." + bucket))
                .build();
    }

    /** A CloudEvent of {@code type} with JSON {@code data}. */
    static CloudEventBuilder event(String id, String type, JsonNode data) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(URI.create("/tests"))
                .withTime(OffsetDateTime.parse("2026-03-14T09:26:53.589Z"))
                .withDataContentType("application/json")
                .withData(data.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The fixture's S3 notification record, for another bucket and key. */
    static ObjectNode s3Record(String bucket, String encodedKey) {
        ObjectNode record = (ObjectNode)
                resource("aws/s3-object-created.json").path("Records").get(0).deepCopy();
        ((ObjectNode) record.path("s3").path("bucket")).put("name", bucket);
        ((ObjectNode) record.path("s3").path("object")).put("key", encodedKey);
        return record;
    }

    /** An S3 notification {@code {"Records":[...]}} with the given records. */
    static ObjectNode s3Notification(JsonNode... records) {
        ObjectNode notification = JSON.createObjectNode();
        notification.putArray("Records").addAll(List.of(records));
        return notification;
    }

    /** The event in structured mode ({@code application/cloudevents+json}). */
    static byte[] structured(CloudEvent event) {
        return new JsonFormat().serialize(event);
    }

    static JsonNode resource(String name) {
        try (InputStream in = TestEvents.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
