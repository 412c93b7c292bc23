package dev.tributary.core.decode;

/**
 * A payload that can never become a CloudEvent, whatever the number of retries.
 *
 * <p>The message names what is wrong (the missing attribute, the unsupported media type) so it can
 * be returned to the sender verbatim; it never contains payload bytes beyond a short excerpt.
 */
public class DecodeException extends RuntimeException {

    /** What kind of failure this is, so a transport can choose its answer (HTTP 400 or 415). */
    public enum Reason {
        /** The body or an attribute is malformed or missing. */
        MALFORMED,
        /** The payload's format (media type) is not one this decoder understands. */
        UNSUPPORTED_FORMAT
    }

    private final Reason reason;

    public DecodeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DecodeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public static DecodeException malformed(String message) {
        return new DecodeException(Reason.MALFORMED, message);
    }

    public Reason reason() {
        return reason;
    }
}
