package dev.tributary.adapters.aws.sns;

import dev.tributary.adapters.aws.MessageAttribute;
import java.util.List;

/**
 * One SNS notification as it reached the gateway: what {@link SnsEnvelopeDecoder} decodes. Immutable.
 *
 * @param message the parsed message
 * @param raw the message JSON as received, the data of a plain notification
 * @param source the event source: the subscription ARN for HTTP deliveries, the topic ARN from SQS
 * @param outerAttributes attributes of the carrying message (SQS), or none
 */
public record SnsDelivery(SnsMessage message, byte[] raw, String source, List<MessageAttribute> outerAttributes) {

    public SnsDelivery {
        outerAttributes = List.copyOf(outerAttributes);
    }
}
