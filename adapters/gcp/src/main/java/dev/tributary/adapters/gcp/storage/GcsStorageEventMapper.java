package dev.tributary.adapters.gcp.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tributary.core.storage.StorageEventMapper;
import dev.tributary.core.storage.StorageObject;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import java.io.IOException;
import java.util.Optional;

/**
 * Describes {@code google.cloud.storage.object.v1.finalized} / {@code .deleted} events neutrally
 * ({@code dev.tributary.storage.object.created} / {@code .deleted}), whether they came from a
 * Cloud Storage notification or passed through as Eventarc CloudEvents: both carry the bucket in
 * {@code source}, the object name in {@code subject} and the object resource as data.
 *
 * <p>From the object resource: {@code size} (a decimal string in the JSON API), {@code contentType},
 * {@code etag}, and {@code mediaLink} (else {@code selfLink}) as the URL; what is absent or
 * unreadable is left out. Archive and metadata-update events are not described. Pure and
 * thread-safe.
 */
public final class GcsStorageEventMapper implements StorageEventMapper {

    private static final String PROVIDER = "gcp";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Optional<StorageObject> describe(CloudEvent event) {
        StorageObject.Change change = change(event.getType());
        String source = event.getSource().toString();
        String subject = event.getSubject();
        if (change == null
                || !source.startsWith(StorageNotifications.SOURCE_PREFIX)
                || subject == null
                || !subject.startsWith(StorageNotifications.SUBJECT_PREFIX)) {
            return Optional.empty();
        }
        String bucket = source.substring(StorageNotifications.SOURCE_PREFIX.length());
        String key = subject.substring(StorageNotifications.SUBJECT_PREFIX.length());
        JsonNode resource = objectResource(event.getData());
        return Optional.of(new StorageObject(
                change,
                PROVIDER,
                "gs://" + bucket,
                bucket,
                key,
                size(resource.path("size")),
                text(resource.path("contentType")),
                text(resource.path("etag")),
                Optional.ofNullable(text(resource.path("mediaLink"))).orElse(text(resource.path("selfLink")))));
    }

    private static StorageObject.Change change(String type) {
        if (type.equals(StorageNotifications.TYPE_PREFIX + "finalized")) {
            return StorageObject.Change.CREATED;
        }
        if (type.equals(StorageNotifications.TYPE_PREFIX + "deleted")) {
            return StorageObject.Change.DELETED;
        }
        return null;
    }

    private static JsonNode objectResource(CloudEventData data) {
        if (data == null) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode resource = JSON.readTree(data.toBytes());
            return resource == null ? MissingNode.getInstance() : resource;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static Long size(JsonNode size) {
        if (size.isIntegralNumber()) {
            return size.longValue();
        }
        try {
            return size.isTextual() ? Long.valueOf(size.textValue()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }
}
