package dev.tributary.gateway.camel;

import dev.tributary.core.sink.SinkReply;
import java.util.Optional;

/**
 * One delivery attempt failed. {@link #retriable()} follows the Knative data-plane table; a
 * transport error (refused connection, timeout) is always retriable.
 */
public class DeliveryFailedException extends Exception {

    private final boolean retriable;
    private final transient SinkReply reply;

    public DeliveryFailedException(String message, boolean retriable, SinkReply reply, Throwable cause) {
        super(message, cause, false, false);
        this.retriable = retriable;
        this.reply = reply;
    }

    public boolean retriable() {
        return retriable;
    }

    /** The sink's answer; empty for a transport error. */
    public Optional<SinkReply> reply() {
        return Optional.ofNullable(reply);
    }
}
