package dev.tributary.adapters.gcp.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.pubsub.v1.PubsubMessage;
import dev.tributary.adapters.gcp.pubsub.PubsubMessages;
import dev.tributary.core.decode.DecodeException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Turns Cloud Storage Pub/Sub notifications into {@code google.cloud.storage.object.v1.*} events,
 * as Eventarc names them.
 *
 * <p>A message is a notification when its {@code eventType} attribute is one of
 * {@code OBJECT_FINALIZE}, {@code OBJECT_DELETE}, {@code OBJECT_ARCHIVE},
 * {@code OBJECT_METADATA_UPDATE} and it has a {@code payloadFormat} attribute; any other message
 * (including one with an event type Cloud Storage may add later) is left to the generic
 * {@code messagePublished} mapping, which loses nothing. A notification must then carry
 * {@code bucketId} and {@code objectId}. With {@code payloadFormat=JSON_API_V1} the message data is
 * the object resource and becomes the event data verbatim ({@code application/json}); with
 * {@code NONE} the event has no data. Stateless and thread-safe.
 *
 * @see <a href="https://cloud.google.com/storage/docs/pubsub-notifications">Pub/Sub notifications for Cloud Storage</a>
 */
public final class StorageNotifications {

    /** The type prefix of Cloud Storage object events. */
    public static final String TYPE_PREFIX = "google.cloud.storage.object.v1.";
    /** The source prefix; the bucket name follows. */
    public static final String SOURCE_PREFIX = "//storage.googleapis.com/projects/_/buckets/";
    /** The subject prefix; the object name follows. */
    public static final String SUBJECT_PREFIX = "objects/";

    private static final Map<String, String> TYPES = Map.of(
            "OBJECT_FINALIZE", TYPE_PREFIX + "finalized",
            "OBJECT_DELETE", TYPE_PREFIX + "deleted",
            "OBJECT_ARCHIVE", TYPE_PREFIX + "archived",
            "OBJECT_METADATA_UPDATE", TYPE_PREFIX + "metadataUpdated");
    private static final ObjectMapper JSON = new ObjectMapper();

    private StorageNotifications() {}

    /**
     * The event for a Cloud Storage notification, or empty when the message is not one.
     *
     * @throws DecodeException when a notification lacks {@code bucketId} or {@code objectId}, has an
     *     unknown {@code payloadFormat}, or its {@code JSON_API_V1} data is not a JSON object
     */
    public static Optional<CloudEvent> toEvent(PubsubMessage message) {
        Map<String, String> attributes = message.getAttributesMap();
        String type = TYPES.get(attributes.getOrDefault("eventType", ""));
        String payloadFormat = attributes.get("payloadFormat");
        if (type == null || payloadFormat == null) {
            return Optional.empty();
        }
        String bucket = required(attributes, "bucketId");
        String object = required(attributes, "objectId");
        CloudEventBuilder event = PubsubMessages.eventBuilder(message)
                .withType(type)
                .withSource(PubsubMessages.sourceUri(SOURCE_PREFIX + bucket, "attribute bucketId"))
                .withSubject(SUBJECT_PREFIX + object);
        switch (payloadFormat) {
            case "JSON_API_V1" -> event.withDataContentType("application/json").withData(objectResource(message));
            case "NONE" -> {}
            default ->
                throw new DecodeException(
                        DecodeException.Reason.UNSUPPORTED_FORMAT,
                        "Cloud Storage notification: payloadFormat '" + payloadFormat + "' is not JSON_API_V1 or NONE");
        }
        return Optional.of(event.build());
    }

    private static String required(Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        if (value == null || value.isEmpty()) {
            throw DecodeException.malformed("Cloud Storage notification: attribute " + name + " is missing");
        }
        return value;
    }

    private static byte[] objectResource(PubsubMessage message) {
        byte[] data = message.getData().toByteArray();
        JsonNode resource;
        try {
            resource = JSON.readTree(data);
        } catch (IOException e) {
            resource = null;
        }
        if (resource == null || !resource.isObject()) {
            throw DecodeException.malformed(
                    "Cloud Storage notification: payloadFormat is JSON_API_V1 but the message data is not a JSON object");
        }
        return data;
    }
}
