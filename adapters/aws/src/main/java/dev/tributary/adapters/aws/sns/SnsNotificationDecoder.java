package dev.tributary.adapters.aws.sns;

import dev.tributary.adapters.aws.AwsJson;
import dev.tributary.adapters.aws.envelope.InnerDocuments;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.NotificationDecoder;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Optional;

/**
 * An {@code aws-sns} source's decoding of a notification whose signature and topic were checked:
 * the event source is the {@code x-amz-sns-subscription-arn} header, else the topic ARN; a
 * subscription handshake carries no event. Used by {@link SnsPushSource} after verification, and
 * offline ({@code tributary test}) without it. Pure and thread-safe.
 */
final class SnsNotificationDecoder implements NotificationDecoder {

    private final SnsEnvelopeDecoder envelopes;

    SnsNotificationDecoder(SnsSourceSettings settings) {
        this.envelopes = new SnsEnvelopeDecoder(new InnerDocuments(settings.forwardTestEvents()));
    }

    @Override
    public List<CloudEvent> decode(InboundPayload payload) {
        SnsMessage message = SnsMessage.from(AwsJson.tryParse(payload.body())
                .orElseThrow(() -> DecodeException.malformed("the body is not an SNS message: not JSON")));
        return message.isNotification() ? decode(message, payload) : List.of();
    }

    /** Decodes a notification already parsed (and verified) from the payload. */
    List<CloudEvent> decode(SnsMessage notification, InboundPayload payload) {
        String source = Optional.ofNullable(payload.header(SnsPushSource.SUBSCRIPTION_ARN_HEADER)).orElse(notification.topicArn());
        return envelopes.decode(notification, payload.body(), source, List.of());
    }
}
