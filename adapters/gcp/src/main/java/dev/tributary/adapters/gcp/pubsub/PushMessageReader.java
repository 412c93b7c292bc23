package dev.tributary.adapters.gcp.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.InboundPayload;
import java.util.Optional;

/**
 * Tells a wrapped push from an unwrapped one and reads either into an envelope.
 *
 * <p>A request without {@code x-goog-pubsub-message-id} must be wrapped. With that header it is
 * unwrapped, unless its body is a wrapped envelope of that very message id (a wrapped push that
 * also carries metadata headers). An unwrapped push without write metadata has no message id and
 * cannot yield deterministic events, so it is refused. Stateless and thread-safe.
 */
final class PushMessageReader {

    private PushMessageReader() {}

    /**
     * Reads a push request.
     *
     * @throws DecodeException when the request is neither a wrapped envelope nor an unwrapped push
     *     with metadata, or a field in it is malformed
     */
    static PubsubEnvelope read(String topic, InboundPayload payload) {
        Optional<JsonNode> wrapped = WrappedPushBody.parse(payload.body());
        String headerMessageId = payload.header(UnwrappedPush.MESSAGE_ID);
        if (headerMessageId == null) {
            return WrappedPushBody.read(
                    topic,
                    wrapped.orElseThrow(() -> DecodeException.malformed(
                            "not a Pub/Sub push: the body is not a JSON object with a 'message' object, and there is no "
                                    + UnwrappedPush.MESSAGE_ID
                                    + " header (enable write metadata for unwrapped pushes)")));
        }
        if (wrapped.isPresent() && headerMessageId.equals(WrappedPushBody.messageId(wrapped.get()))) {
            return WrappedPushBody.read(topic, wrapped.get());
        }
        return UnwrappedPush.read(topic, payload);
    }
}
