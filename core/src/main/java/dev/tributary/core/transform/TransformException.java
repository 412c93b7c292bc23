package dev.tributary.core.transform;

/** A route's transform could not turn an event into a valid CloudEvent; the message says why, on one line. */
public final class TransformException extends Exception {

    public TransformException(String message, Throwable cause) {
        super(message, cause);
    }
}
