package dev.tributary.core.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Turns provider storage events into Tributary's neutral {@code dev.tributary.storage.object.*}
 * events for routes with {@code storageEvents: neutral} (see docs/cloudevents-mapping.md): same
 * {@code id} and {@code time}, neutral {@code type}, {@code source} and {@code subject},
 * extension {@code provider}, and JSON data {@code {provider,bucket,key,size,contentType,etag,url}}.
 * Events no mapper recognises pass unchanged. Immutable and thread-safe.
 */
public final class NeutralStorageEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<StorageEventMapper> mappers;

    public NeutralStorageEvents(List<StorageEventMapper> mappers) {
        this.mappers = List.copyOf(mappers);
    }

    /** The mappers registered on the class path. */
    public static NeutralStorageEvents installed() {
        return new NeutralStorageEvents(ServiceLoader.load(StorageEventMapper.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    public CloudEvent apply(CloudEvent event) {
        for (StorageEventMapper mapper : mappers) {
            var described = mapper.describe(event);
            if (described.isPresent()) {
                return neutral(event, described.get());
            }
        }
        return event;
    }

    /** Builds the neutral event for a described object, keeping the provider event's id and time. */
    public static CloudEvent neutral(CloudEvent providerEvent, StorageObject object) {
        ObjectNode data = JSON.createObjectNode()
                .put("provider", object.provider())
                .put("bucket", object.bucket())
                .put("key", object.key());
        if (object.size() != null) {
            data.put("size", object.size());
        }
        putIfPresent(data, "contentType", object.contentType());
        putIfPresent(data, "etag", object.etag());
        putIfPresent(data, "url", object.url());
        return CloudEventBuilder.v1()
                .withId(providerEvent.getId())
                .withTime(providerEvent.getTime())
                .withType(object.change().type())
                .withSource(URI.create(object.source()))
                .withSubject(object.key())
                .withExtension("provider", object.provider())
                .withDataContentType("application/json")
                .withData(data.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build();
    }

    private static void putIfPresent(ObjectNode data, String field, String value) {
        if (value != null) {
            data.put(field, value);
        }
    }
}
