package dev.tributary.examples.thumbnail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Records of S3 event notifications (the {@code Records[]} elements S3 sends to SQS, SNS and
 * Lambda; see the AWS "Event message structure" page). Keys arrive form-encoded ({@code +} for a
 * space, {@code %xx} for UTF-8 bytes) and are decoded here. Pure and thread-safe.
 */
public final class S3Records {

    /** Type prefix of S3 notification CloudEvents: {@code com.amazonaws.s3.} + {@code eventName}. */
    public static final String TYPE_PREFIX = "com.amazonaws.s3.";

    private S3Records() {}

    /**
     * The object a record is about.
     *
     * @param where how the record is named in errors, e.g. {@code data} or {@code Records[2]}
     * @throws MalformedEventException if the bucket name or key is missing or the key is badly encoded
     */
    public static ObjectRef object(JsonNode record, String where) {
        String bucket = EventJson.text(record, where, "s3", "bucket", "name");
        String encodedKey = EventJson.text(record, where, "s3", "object", "key");
        try {
            return new ObjectRef(bucket, URLDecoder.decode(encodedKey, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(where + ".s3.object.key is not form-encoded: " + e.getMessage(), e);
        }
    }

    /**
     * The CloudEvents of a whole S3 notification ({@code {"Records":[...]}}), one per record, with
     * the attributes Tributary gives them (cloudevents-mapping.md, AWS table; the CloudEvents
     * {@code aws-s3} adapter spec): so a function invoked by S3 directly logs the same event ids as
     * one fed through the gateway.
     *
     * @throws MalformedEventException if {@code Records} is missing or a record lacks a needed field
     */
    public static List<CloudEvent> toCloudEvents(JsonNode notification) {
        JsonNode records = notification.path("Records");
        if (!records.isArray()) {
            throw new MalformedEventException("Records is missing or not an array");
        }
        List<CloudEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            events.add(toCloudEvent(records.get(i), "Records[" + i + "]"));
        }
        return events;
    }

    private static CloudEvent toCloudEvent(JsonNode record, String where) {
        ObjectRef object = object(record, where);
        String source = EventJson.text(record, where, "eventSource") + "." + EventJson.text(record, where, "awsRegion")
                + "." + object.bucket();
        String id = EventJson.text(record, where, "responseElements", "x-amz-request-id") + "."
                + EventJson.text(record, where, "responseElements", "x-amz-id-2");
        return CloudEventBuilder.v1()
                .withId(id)
                .withType(TYPE_PREFIX + EventJson.text(record, where, "eventName"))
                .withSource(uri(source, where))
                .withSubject(object.key())
                .withTime(time(EventJson.text(record, where, "eventTime"), where))
                .withDataContentType("application/json")
                .withData(bytes(record))
                .build();
    }

    private static URI uri(String source, String where) {
        try {
            return new URI(source);
        } catch (URISyntaxException e) {
            throw new MalformedEventException(
                    where + ".eventSource, awsRegion or s3.bucket.name do not form a URI: " + source, e);
        }
    }

    private static OffsetDateTime time(String eventTime, String where) {
        try {
            return OffsetDateTime.parse(eventTime);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(where + ".eventTime is not an RFC 3339 time: " + eventTime, e);
        }
    }

    private static byte[] bytes(JsonNode record) {
        try {
            return EventJson.JSON.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
