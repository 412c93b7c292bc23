package dev.tributary.adapters.gcp.pubsub;

import com.google.pubsub.v1.PubsubMessage;
import java.util.Objects;

/**
 * One Pub/Sub message as a source received it, with the topic and subscription it came through.
 *
 * <p>This is the decoders' only input: a pulled message and a pushed one (wrapped or not) both
 * become an envelope around the client library's own {@link PubsubMessage}, so a message yields the
 * same events whichever way it arrived. Immutable.
 *
 * @param topic the full topic name, {@code projects/P/topics/T}
 * @param subscription the full subscription name, {@code projects/P/subscriptions/S}, or
 *     {@code null} when a push did not name it
 * @param message the message
 */
public record PubsubEnvelope(String topic, String subscription, PubsubMessage message) {

    public PubsubEnvelope {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
    }
}
