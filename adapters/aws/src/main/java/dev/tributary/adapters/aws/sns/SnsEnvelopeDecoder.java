package dev.tributary.adapters.aws.sns;

import dev.tributary.adapters.aws.AttributeExtensions;
import dev.tributary.adapters.aws.AwsJson;
import dev.tributary.adapters.aws.BinaryEvents;
import dev.tributary.adapters.aws.Events;
import dev.tributary.adapters.aws.MessageAttribute;
import dev.tributary.adapters.aws.envelope.InnerDocuments;
import dev.tributary.core.decode.NotificationDecoder;
import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes an SNS notification per docs/cloudevents-mapping.md and the CloudEvents AWS SNS adapter spec.
 * A binary-mode CloudEvent in the message attributes ({@link BinaryEvents}) passes through
 * unchanged, its {@code Message} the data. A {@code Message} of a known inner shape (S3
 * notification, {@code s3:TestEvent}, EventBridge event) yields that shape's events; any other
 * yields {@code com.amazonaws.sns.Notification} with id
 * {@code MessageId}, time {@code Timestamp}, subject {@code Subject} and the whole SNS message as data.
 * The message attributes, followed by any outer ones (SQS), become extensions of every event.
 *
 * <p>Subscription and unsubscribe confirmations are handshakes, not events: they yield nothing.
 * Pure and thread-safe; it does not verify signatures (see {@link SnsSignatureVerifier}).
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/main/cloudevents/adapters/aws-sns.md">AWS SNS adapter</a>
 */
public final class SnsEnvelopeDecoder implements NotificationDecoder<SnsDelivery> {

    /** The type of a notification whose message has no known inner shape. */
    public static final String NOTIFICATION_TYPE = "com.amazonaws.sns.Notification";

    private final InnerDocuments inner;

    public SnsEnvelopeDecoder(InnerDocuments inner) {
        this.inner = inner;
    }

    /** @throws dev.tributary.core.decode.DecodeException when the inner shape is invalid */
    @Override
    public List<CloudEvent> decode(SnsDelivery delivery) {
        SnsMessage message = delivery.message();
        if (!message.isNotification()) {
            return List.of();
        }
        Optional<CloudEvent> binary = BinaryEvents.read(message.attributes(), message.message());
        if (binary.isPresent()) {
            return List.of(binary.get());
        }
        List<CloudEvent> events = AwsJson.tryParse(message.message())
                .flatMap(inner::decode)
                .orElseGet(() -> List.of(Events.json(
                        message.messageId(),
                        delivery.source(),
                        NOTIFICATION_TYPE,
                        message.subject(),
                        AwsJson.time(message.timestamp(), "Timestamp", "SNS message: "),
                        delivery.raw())));
        List<MessageAttribute> attributes = new ArrayList<>(message.attributes());
        attributes.addAll(delivery.outerAttributes());
        return AttributeExtensions.apply(events, attributes);
    }
}
