package dev.tributary.adapters.aws.sqs;

import dev.tributary.adapters.aws.MessageAttribute;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One received SQS message, reduced to what decoding needs. Immutable.
 *
 * @param messageId {@code MessageId}
 * @param body the body, as sent
 * @param attributes the message attributes (not the system attributes)
 * @param sentTimestamp the {@code SentTimestamp} system attribute, or {@code null} when not received
 * @param queueArn the ARN of the queue it came from
 */
public record SqsMessage(
        String messageId, String body, List<MessageAttribute> attributes, Instant sentTimestamp, String queueArn) {

    public SqsMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(queueArn, "queueArn");
        attributes = List.copyOf(attributes);
    }
}
