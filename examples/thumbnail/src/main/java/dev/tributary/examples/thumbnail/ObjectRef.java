package dev.tributary.examples.thumbnail;

import java.util.Objects;

/**
 * An object in a bucket: a source image or its thumbnail.
 *
 * @param bucket bucket (or container) name
 * @param key object key, decoded (no URL encoding)
 */
public record ObjectRef(String bucket, String key) {

    /** Keys under this prefix are thumbnails: never thumbnailed again, so a write cannot loop. */
    public static final String THUMBNAIL_PREFIX = "thumbnails/";

    public ObjectRef {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /** Whether this object already is a thumbnail. */
    public boolean isThumbnail() {
        return key.startsWith(THUMBNAIL_PREFIX);
    }

    /** Where the thumbnail of this object goes: same bucket, key {@code thumbnails/<key>}. */
    public ObjectRef thumbnail() {
        return new ObjectRef(bucket, THUMBNAIL_PREFIX + key);
    }
}
