package dev.tributary.adapters.gcp.pubsub;

import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import dev.tributary.core.decode.DecodeException;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * What every event built from a Pub/Sub message shares: {@code id} is the {@code messageId} and
 * {@code time} the {@code publishTime}, so a redelivered message yields the same attributes.
 * Stateless and thread-safe.
 */
public final class PubsubMessages {

    private PubsubMessages() {}

    /**
     * A CloudEvents 1.0 builder with {@code id} and {@code time} taken from the message.
     *
     * @throws DecodeException when the message has no {@code messageId} or {@code publishTime}
     */
    public static CloudEventBuilder eventBuilder(PubsubMessage message) {
        if (message.getMessageId().isEmpty()) {
            throw DecodeException.malformed("Pub/Sub message has no messageId");
        }
        if (!message.hasPublishTime()) {
            throw DecodeException.malformed("Pub/Sub message " + message.getMessageId() + " has no publishTime");
        }
        Timestamp published = message.getPublishTime();
        return CloudEventBuilder.v1()
                .withId(message.getMessageId())
                .withTime(OffsetDateTime.ofInstant(
                        Instant.ofEpochSecond(published.getSeconds(), published.getNanos()), ZoneOffset.UTC));
    }

    /** A message attribute looked up ignoring case (the CloudEvents Pub/Sub binding's rule), or {@code null}. */
    static String attributeIgnoringCase(PubsubMessage message, String name) {
        for (Map.Entry<String, String> attribute : message.getAttributesMap().entrySet()) {
            if (attribute.getKey().equalsIgnoreCase(name)) {
                return attribute.getValue();
            }
        }
        return null;
    }

    /**
     * An event {@code source} URI built from message content.
     *
     * @throws DecodeException naming {@code what} when the text is not a valid URI reference
     */
    public static URI sourceUri(String text, String what) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw DecodeException.malformed(what + " does not form a valid source URI: " + e.getMessage());
        }
    }
}
