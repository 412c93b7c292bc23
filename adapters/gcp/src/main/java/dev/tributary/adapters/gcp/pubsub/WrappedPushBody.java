package dev.tributary.adapters.gcp.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.tributary.core.decode.DecodeException;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the body of a wrapped Pub/Sub push: {@code {"message":{"data","attributes","messageId",
 * "publishTime","orderingKey"},"subscription"}}.
 *
 * <p>Pub/Sub writes some message fields twice, in camelCase and snake_case ({@code messageId} and
 * {@code message_id}); either is accepted, and when both are present they must agree. Unknown
 * fields (such as {@code deliveryAttempt}) are ignored. Stateless and thread-safe.
 *
 * @see <a href="https://cloud.google.com/pubsub/docs/push#receive_push">Receive push messages</a>
 */
final class WrappedPushBody {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private WrappedPushBody() {}

    /** The body as JSON when it has the shape of a wrapped push ({@code message} is an object), else empty. */
    static Optional<JsonNode> parse(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root != null && root.path("message").isObject() ? Optional.of(root) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The message id a wrapped body declares, or {@code null}. */
    static String messageId(JsonNode root) {
        return field(root.path("message"), "messageId", "message_id");
    }

    static PubsubEnvelope read(String topic, JsonNode root) {
        JsonNode message = root.path("message");
        PubsubMessage.Builder builder = PubsubMessage.newBuilder()
                .setData(ByteString.copyFrom(data(message.path("data"))))
                .putAllAttributes(attributes(message.path("attributes")));
        Optional.ofNullable(messageId(root)).ifPresent(builder::setMessageId);
        Optional.ofNullable(field(message, "publishTime", "publish_time"))
                .ifPresent(time -> builder.setPublishTime(PushTimestamps.parse(time, "message.publishTime")));
        Optional.ofNullable(field(message, "orderingKey", "ordering_key")).ifPresent(builder::setOrderingKey);
        return new PubsubEnvelope(topic, text(root.path("subscription"), "subscription"), builder.build());
    }

    private static byte[] data(JsonNode data) {
        String encoded = text(data, "message.data");
        try {
            return encoded == null ? new byte[0] : Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw DecodeException.malformed("message.data is not base64: " + e.getMessage());
        }
    }

    private static Map<String, String> attributes(JsonNode attributes) {
        if (attributes.isMissingNode() || attributes.isNull()) {
            return Map.of();
        }
        if (!attributes.isObject()) {
            throw DecodeException.malformed("message.attributes must be an object of strings");
        }
        Map<String, String> values = new TreeMap<>();
        attributes
                .properties()
                .forEach(entry ->
                        values.put(entry.getKey(), text(entry.getValue(), "message.attributes." + entry.getKey())));
        return values;
    }

    /** A message field written in camelCase, snake_case or both (then they must agree), or {@code null}. */
    private static String field(JsonNode message, String camel, String snake) {
        String camelValue = text(message.path(camel), "message." + camel);
        String snakeValue = text(message.path(snake), "message." + snake);
        if (camelValue != null && snakeValue != null && !camelValue.equals(snakeValue)) {
            throw DecodeException.malformed("message." + camel + " '" + camelValue + "' and message." + snake + " '"
                    + snakeValue + "' disagree");
        }
        return camelValue != null ? camelValue : snakeValue;
    }

    private static String text(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw DecodeException.malformed(where + " must be a string");
        }
        return node.textValue();
    }
}
