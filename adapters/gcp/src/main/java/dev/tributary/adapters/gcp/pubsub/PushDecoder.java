package dev.tributary.adapters.gcp.pubsub;

import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.NotificationDecoder;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Objects;

/**
 * Decodes Pub/Sub push requests (wrapped, or unwrapped with write metadata) for one topic. Neither
 * form names the topic, so it comes from the source configuration. Pure and thread-safe.
 */
public final class PushDecoder implements NotificationDecoder<InboundPayload> {

    private final String topic;
    private final PubsubMessageDecoder messages = new PubsubMessageDecoder();

    /** @param topic the full topic name, {@code projects/P/topics/T} */
    public PushDecoder(String topic) {
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /** @throws DecodeException naming the field, header or attribute at fault */
    @Override
    public List<CloudEvent> decode(InboundPayload payload) {
        return messages.decode(PushMessageReader.read(topic, payload));
    }
}
