package dev.tributary.examples.thumbnail;

/**
 * The object cannot be thumbnailed, for a reason that retrying will not change. The service turns
 * it into a {@link Outcome.Skipped} outcome.
 */
public class UnusableObjectException extends Exception {

    private final SkipReason reason;

    public UnusableObjectException(SkipReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public SkipReason reason() {
        return reason;
    }
}
