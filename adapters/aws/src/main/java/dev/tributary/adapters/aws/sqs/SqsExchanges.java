package dev.tributary.adapters.aws.sqs;

import dev.tributary.adapters.aws.MessageAttribute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Reads what the Camel {@code aws2-sqs} consumer put on an exchange. Stateless. */
final class SqsExchanges {

    private SqsExchanges() {}

    static SqsMessage message(Exchange exchange, String queueArn) {
        Message in = exchange.getIn();
        String body = in.getBody(String.class);
        return new SqsMessage(
                in.getHeader(Sqs2Constants.MESSAGE_ID, String.class),
                body == null ? "" : body,
                attributes(map(in, Sqs2Constants.MESSAGE_ATTRIBUTES)),
                sentTimestamp(map(in, Sqs2Constants.ATTRIBUTES)),
                queueArn);
    }

    static String receiptHandle(Exchange exchange) {
        return exchange.getIn().getHeader(Sqs2Constants.RECEIPT_HANDLE, String.class);
    }

    /** The {@code MessageGroupId} of a message from a FIFO queue, else {@code null}. */
    static String messageGroupId(Exchange exchange) {
        return SqsExchanges.<MessageSystemAttributeName, String>map(exchange.getIn(), Sqs2Constants.ATTRIBUTES)
                .get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
    }

    /** SQS message attributes; binary values base64-encoded. */
    static List<MessageAttribute> attributes(Map<String, MessageAttributeValue> values) {
        List<MessageAttribute> attributes = new ArrayList<>(values.size());
        values.forEach((name, value) -> attributes.add(new MessageAttribute(
                name,
                value.dataType(),
                value.binaryValue() != null
                        ? Base64.getEncoder().encodeToString(value.binaryValue().asByteArray())
                        : String.valueOf(value.stringValue()))));
        return attributes;
    }

    private static Instant sentTimestamp(Map<MessageSystemAttributeName, String> system) {
        String millis = system.get(MessageSystemAttributeName.SENT_TIMESTAMP);
        try {
            return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> map(Message in, String header) {
        Map<K, V> value = in.getHeader(header, Map.class);
        return value == null ? Map.of() : value;
    }
}
