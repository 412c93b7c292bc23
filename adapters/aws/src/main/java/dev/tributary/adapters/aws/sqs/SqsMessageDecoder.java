package dev.tributary.adapters.aws.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.adapters.aws.AttributeExtensions;
import dev.tributary.adapters.aws.AwsJson;
import dev.tributary.adapters.aws.BinaryEvents;
import dev.tributary.adapters.aws.Events;
import dev.tributary.adapters.aws.envelope.InnerDocuments;
import dev.tributary.adapters.aws.sns.SnsDelivery;
import dev.tributary.adapters.aws.sns.SnsEnvelopeDecoder;
import dev.tributary.adapters.aws.sns.SnsMessage;
import dev.tributary.core.decode.NotificationDecoder;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes an SQS message, unwrapping to the innermost known shape (docs/cloudevents-mapping.md): a
 * binary-mode CloudEvent in the message attributes ({@link BinaryEvents}), an SNS
 * envelope (source {@code TopicArn}, its {@code Message} unwrapped in turn), an S3 notification (also
 * what raw-message-delivery SNS puts on the queue), {@code s3:TestEvent} or an EventBridge event.
 * Anything else is {@code com.amazonaws.sqs.message}: id {@code MessageId}, source the queue ARN,
 * time {@code SentTimestamp}, data the body ({@code application/json} when it parses as JSON,
 * {@code text/plain; charset=utf-8} otherwise). The message attributes become extensions of every
 * event.
 *
 * <p>An SNS subscription handshake that reaches a queue (cross-account subscriptions) yields no
 * event and is logged: it must be confirmed by whoever manages the subscription.
 *
 * <p>Pure (the log line aside) and thread-safe.
 */
public final class SqsMessageDecoder implements NotificationDecoder<SqsMessage> {

    /** The type of a message of no known shape. */
    public static final String TYPE = "com.amazonaws.sqs.message";

    private static final Logger LOG = LoggerFactory.getLogger(SqsMessageDecoder.class);
    private static final String TEXT = "text/plain; charset=utf-8";

    private final InnerDocuments inner;
    private final SnsEnvelopeDecoder sns;

    public SqsMessageDecoder(InnerDocuments inner) {
        this.inner = inner;
        this.sns = new SnsEnvelopeDecoder(inner);
    }

    /** @throws dev.tributary.core.decode.DecodeException when the body has a known shape but is invalid */
    @Override
    public List<CloudEvent> decode(SqsMessage message) {
        Optional<CloudEvent> binary = BinaryEvents.read(message.attributes(), message.body());
        if (binary.isPresent()) {
            return List.of(binary.get());
        }
        Optional<JsonNode> json = AwsJson.tryParse(message.body());
        if (json.isPresent() && SnsMessage.isMessage(json.get())) {
            return fromSns(message, SnsMessage.from(json.get()));
        }
        List<CloudEvent> events =
                json.flatMap(inner::decode).orElseGet(() -> List.of(plain(message, json.isPresent())));
        return AttributeExtensions.apply(events, message.attributes());
    }

    private List<CloudEvent> fromSns(SqsMessage message, SnsMessage envelope) {
        if (!envelope.isNotification()) {
            LOG.warn(
                    "SQS message {} from {} is an SNS {} for topic {}: not an event, not confirmed here",
                    message.messageId(),
                    message.queueArn(),
                    envelope.type(),
                    envelope.topicArn());
            return List.of();
        }
        byte[] raw = message.body().getBytes(StandardCharsets.UTF_8);
        return sns.decode(new SnsDelivery(envelope, raw, envelope.topicArn(), message.attributes()));
    }

    private static CloudEvent plain(SqsMessage message, boolean isJson) {
        OffsetDateTime time =
                message.sentTimestamp() == null ? null : message.sentTimestamp().atOffset(ZoneOffset.UTC);
        return Events.builder(message.messageId(), message.queueArn(), TYPE, null, time)
                .withData(isJson ? Events.JSON : TEXT, message.body().getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
