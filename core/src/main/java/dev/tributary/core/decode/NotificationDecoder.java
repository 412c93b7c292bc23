package dev.tributary.core.decode;

import io.cloudevents.CloudEvent;
import java.util.List;

/**
 * Turns one inbound message into the CloudEvents it carries.
 *
 * <p>Implementations are pure functions: no I/O, no clock, no randomness, so that a redelivered
 * message yields exactly the same events (same {@code id}s). They must be thread-safe.
 * A message may legitimately yield no event (a handshake, a test notification).
 */
@FunctionalInterface
public interface NotificationDecoder {

    /**
     * Decodes a payload.
     *
     * @throws DecodeException when the payload can never be decoded; its message names the problem
     */
    List<CloudEvent> decode(InboundPayload payload);
}
