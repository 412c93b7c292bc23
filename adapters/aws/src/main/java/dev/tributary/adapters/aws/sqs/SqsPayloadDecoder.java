package dev.tributary.adapters.aws.sqs;

import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.NotificationDecoder;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * An {@code aws-sqs} source's decoding of a saved message ({@code tributary test}): the payload
 * body is the message body, and the headers {@code MessageId}, {@code SentTimestamp} (epoch
 * milliseconds) and {@code QueueArn} stand for the system attributes SQS would deliver (defaults:
 * {@value #DEFAULT_MESSAGE_ID}, none, the source's queue). Message attributes are not read here.
 * Decodes with the {@link SqsMessageDecoder} the running source uses. Pure and thread-safe.
 */
final class SqsPayloadDecoder implements NotificationDecoder<InboundPayload> {

    static final String DEFAULT_MESSAGE_ID = "saved-message";

    private final SqsMessageDecoder decoder;
    private final String queueArn;

    SqsPayloadDecoder(SqsMessageDecoder decoder, String queueArn) {
        this.decoder = decoder;
        this.queueArn = queueArn;
    }

    @Override
    public List<CloudEvent> decode(InboundPayload payload) {
        String sent = payload.header("SentTimestamp");
        Instant sentTimestamp;
        try {
            sentTimestamp = sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent));
        } catch (NumberFormatException e) {
            throw DecodeException.malformed("SentTimestamp '" + sent + "' is not epoch milliseconds");
        }
        String messageId = payload.header("MessageId");
        String queue = payload.header("QueueArn");
        return decoder.decode(new SqsMessage(
                messageId == null ? DEFAULT_MESSAGE_ID : messageId,
                new String(payload.body(), StandardCharsets.UTF_8),
                List.of(),
                sentTimestamp,
                queue == null ? queueArn : queue));
    }
}
