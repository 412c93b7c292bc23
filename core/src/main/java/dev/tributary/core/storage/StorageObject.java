package dev.tributary.core.storage;

import java.util.Objects;

/**
 * The provider-neutral description of an object-storage change, the {@code data} of a
 * {@code dev.tributary.storage.object.*} event. Null fields are omitted from the JSON.
 *
 * @param change created or deleted
 * @param provider {@code aws}, {@code gcp} or {@code azure}
 * @param source the neutral event source: {@code s3://BUCKET}, {@code gs://BUCKET} or the container URL
 * @param bucket bucket or container name
 * @param key object key, name or blob path, decoded
 * @param size size in bytes, if known
 * @param contentType media type, if known
 * @param etag entity tag, if known
 * @param url a URL of the object, if known
 */
public record StorageObject(
        Change change,
        String provider,
        String source,
        String bucket,
        String key,
        Long size,
        String contentType,
        String etag,
        String url) {

    /** What happened to the object. */
    public enum Change {
        CREATED("dev.tributary.storage.object.created"),
        DELETED("dev.tributary.storage.object.deleted");

        private final String type;

        Change(String type) {
            this.type = type;
        }

        /** The CloudEvents {@code type} of the neutral event. */
        public String type() {
            return type;
        }
    }

    public StorageObject {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }
}
