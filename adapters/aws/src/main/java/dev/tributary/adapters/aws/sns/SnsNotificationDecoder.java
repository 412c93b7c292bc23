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
 * An {@code aws-sns} source's decoding of an HTTP delivery, without the signature check: the body
 * parsed as an SNS message, then {@link SnsEnvelopeDecoder} on the {@link SnsDelivery} whose event
 * source is the {@code x-amz-sns-subscription-arn} header, else the topic ARN; a subscription
 * handshake carries no event. {@link SnsPushSource} uses {@link #parse} and {@link #delivery} around
 * its verification; {@code tributary test} uses the whole. Pure and thread-safe.
 */
final class SnsNotificationDecoder implements NotificationDecoder<InboundPayload> {

    private final SnsEnvelopeDecoder envelopes;

    SnsNotificationDecoder(SnsSourceSettings settings) {
        this.envelopes = new SnsEnvelopeDecoder(new InnerDocuments(settings.forwardTestEvents()));
    }

    @Override
    public List<CloudEvent> decode(InboundPayload payload) {
        return envelopes.decode(delivery(parse(payload), payload));
    }

    /** @throws DecodeException when the body is not an SNS message */
    static SnsMessage parse(InboundPayload payload) {
        return SnsMessage.from(AwsJson.tryParse(payload.body())
                .orElseThrow(() -> DecodeException.malformed("the body is not an SNS message: not JSON")));
    }

    /** The delivery of a message parsed from this HTTP payload: its source is the subscription header, else the topic. */
    static SnsDelivery delivery(SnsMessage message, InboundPayload payload) {
        String source = Optional.ofNullable(payload.header(SnsPushSource.SUBSCRIPTION_ARN_HEADER))
                .orElse(message.topicArn());
        return new SnsDelivery(message, payload.body(), source, List.of());
    }
}
