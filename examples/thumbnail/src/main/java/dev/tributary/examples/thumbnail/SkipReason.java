package dev.tributary.examples.thumbnail;

/**
 * Why an event produced no thumbnail. Every reason is final for that event (retrying would give
 * the same answer), so both faces report success and the sender does not retry.
 */
public enum SkipReason {
    /** The event is not an object-created storage event. */
    IGNORED_EVENT_TYPE("ignored-event-type"),
    /** The key is under {@code thumbnails/}: thumbnailing it again would loop. */
    ALREADY_A_THUMBNAIL("already-a-thumbnail"),
    /** The object (or its bucket) no longer exists, typically deleted since the upload. */
    OBJECT_NOT_FOUND("object-not-found"),
    /** The object has 0 bytes. */
    EMPTY_OBJECT("empty-object"),
    /** The object has more bytes than the configured limit. */
    OBJECT_TOO_LARGE("object-too-large"),
    /** No image reader recognises or can decode the content. */
    NOT_AN_IMAGE("not-an-image"),
    /** An image, but in a format other than JPEG or PNG. */
    UNSUPPORTED_FORMAT("unsupported-format"),
    /** The image header declares more pixels than the configured limit. */
    TOO_MANY_PIXELS("too-many-pixels");

    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    /** The stable name used in answers and log lines. */
    public String code() {
        return code;
    }
}
