package dev.tributary.examples.thumbnail;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import java.util.Optional;

/**
 * Recognises the storage CloudEvents this function handles and names the object they are about.
 * Pure and thread-safe.
 *
 * <ul>
 *   <li>{@value #NEUTRAL_CREATED}: Tributary's provider-neutral event, {@code data} =
 *       {@code {"provider","bucket","key",...}} with the key decoded (cloudevents-mapping.md);</li>
 *   <li>{@value #S3_CREATED_PREFIX}{@code *}: an S3 notification record as {@code data}, key
 *       form-encoded (see {@link S3Records}).</li>
 * </ul>
 */
public final class StorageEvents {

    /** Tributary's neutral object-created type. */
    public static final String NEUTRAL_CREATED = "dev.tributary.storage.object.created";
    /** Type prefix of S3 object-created notifications (Put, Post, Copy, CompleteMultipartUpload). */
    public static final String S3_CREATED_PREFIX = S3Records.TYPE_PREFIX + "ObjectCreated:";

    private StorageEvents() {}

    /**
     * The object an object-created event is about; empty for any other event type.
     *
     * @throws MalformedEventException if an object-created event lacks its data, bucket or key
     */
    public static Optional<ObjectRef> createdObject(CloudEvent event) {
        String type = event.getType();
        if (NEUTRAL_CREATED.equals(type)) {
            JsonNode data = EventJson.data(event);
            return Optional.of(
                    new ObjectRef(EventJson.text(data, "data", "bucket"), EventJson.text(data, "data", "key")));
        }
        if (type.startsWith(S3_CREATED_PREFIX)) {
            return Optional.of(S3Records.object(EventJson.data(event), "data"));
        }
        return Optional.empty();
    }
}
