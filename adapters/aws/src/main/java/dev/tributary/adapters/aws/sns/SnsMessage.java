package dev.tributary.adapters.aws.sns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.adapters.aws.AwsJson;
import dev.tributary.adapters.aws.MessageAttribute;
import dev.tributary.core.decode.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An SNS message in its JSON form: the body of an HTTP(S) delivery, or the body SNS puts on an SQS
 * queue without raw message delivery. Optional fields are {@code null} when absent. Immutable.
 *
 * @param type {@code Notification}, {@code SubscriptionConfirmation} or {@code UnsubscribeConfirmation}
 * @param attributes {@code MessageAttributes}, in document order
 * @see <a href="https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html">HTTP/S notification JSON format</a>
 */
public record SnsMessage(
        String type,
        String messageId,
        String topicArn,
        String subject,
        String message,
        String timestamp,
        String signatureVersion,
        String signature,
        String signingCertUrl,
        String subscribeUrl,
        String token,
        List<MessageAttribute> attributes) {

    public static final String NOTIFICATION = "Notification";
    public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

    private static final Set<String> TYPES = Set.of(NOTIFICATION, SUBSCRIPTION_CONFIRMATION, UNSUBSCRIBE_CONFIRMATION);
    private static final String WHERE = "SNS message: ";

    /** Whether a document is an SNS message: a known {@code Type} with {@code MessageId} and {@code TopicArn}. */
    public static boolean isMessage(JsonNode document) {
        return TYPES.contains(document.path("Type").asText()) && document.has("MessageId") && document.has("TopicArn");
    }

    /**
     * Reads the fields of an SNS message.
     *
     * @throws DecodeException when it is not one or a required field ({@code Type}, {@code MessageId},
     *     {@code TopicArn}, {@code Message}, {@code Timestamp}) is missing
     */
    public static SnsMessage from(JsonNode document) {
        if (!document.isObject() || !TYPES.contains(document.path("Type").asText())) {
            throw DecodeException.malformed(WHERE + "field 'Type' must be one of " + TYPES);
        }
        return new SnsMessage(
                document.get("Type").asText(),
                AwsJson.text(document, "MessageId", WHERE),
                AwsJson.text(document, "TopicArn", WHERE),
                optional(document, "Subject"),
                AwsJson.text(document, "Message", WHERE),
                AwsJson.text(document, "Timestamp", WHERE),
                optional(document, "SignatureVersion"),
                optional(document, "Signature"),
                optional(document, "SigningCertURL"),
                optional(document, "SubscribeURL"),
                optional(document, "Token"),
                attributes(document.path("MessageAttributes")));
    }

    public boolean isNotification() {
        return NOTIFICATION.equals(type);
    }

    private static String optional(JsonNode document, String field) {
        return AwsJson.optionalText(document, field).orElse(null);
    }

    private static List<MessageAttribute> attributes(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isObject()) {
            throw DecodeException.malformed(WHERE + "'MessageAttributes' must be an object");
        }
        List<MessageAttribute> attributes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String where = WHERE + "MessageAttributes." + entry.getKey() + ": ";
            String type = AwsJson.text(entry.getValue(), "Type", where);
            String value = Optional.ofNullable(entry.getValue().get("Value"))
                    .filter(JsonNode::isTextual)
                    .map(JsonNode::asText)
                    .orElseThrow(() -> DecodeException.malformed(where + "missing string field 'Value'"));
            attributes.add(new MessageAttribute(entry.getKey(), type, value));
        }
        return List.copyOf(attributes);
    }
}
