package dev.tributary.core.decode;

import io.cloudevents.CloudEvent;
import java.util.List;

/**
 * The one shape of every decoder, whatever its provider: one inbound message of type {@code M} in,
 * the CloudEvents it carries out. {@code M} is what the transport hands over — an HTTP request's
 * {@link InboundPayload} for push sources, an SQS or Pub/Sub message record for pull sources, a
 * parsed JSON document for shapes nested in envelopes (S3 notifications, EventBridge events).
 *
 * <p>Implementations are pure functions: no I/O, no clock, no randomness, so that a redelivered
 * message yields exactly the same events (same {@code id}s). They must be thread-safe.
 * A message may legitimately yield no event (a handshake, a test notification).
 *
 * @param <M> the message type the decoder reads
 */
@FunctionalInterface
public interface NotificationDecoder<M> {

    /**
     * Decodes a message.
     *
     * @throws DecodeException when the message can never be decoded; its message names the problem
     */
    List<CloudEvent> decode(M message);
}
