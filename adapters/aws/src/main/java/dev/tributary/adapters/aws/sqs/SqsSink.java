package dev.tributary.adapters.aws.sqs;

import dev.tributary.adapters.aws.sink.AwsSink;
import dev.tributary.adapters.aws.sink.BinaryMessage;
import dev.tributary.adapters.aws.sink.FifoIds;
import dev.tributary.adapters.aws.sink.StructuredJson;
import dev.tributary.core.sink.SinkReply;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sink type {@code aws-sqs}: one {@code SendMessage} call per delivery attempt, the body the event
 * in the structured JSON format ({@link StructuredJson} says why it is the default), or with
 * {@code mode: binary} a {@link BinaryMessage}. A FIFO queue gets
 * {@code MessageGroupId} and {@code MessageDeduplicationId} from {@link FifoIds}. The event is
 * delivered once SQS has stored the message (the call returned). No batching:
 * {@code SendMessageBatch} would hold events back to fill a batch. Thread-safe.
 */
final class SqsSink implements AwsSink.Call {

    private final SqsClient client;
    private final SqsSinkSettings settings;

    SqsSink(SqsClient client, SqsSinkSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public Supplier<SinkReply> prepare(CloudEvent event, Duration timeout) {
        SendMessageRequest.Builder request = SendMessageRequest.builder()
                .queueUrl(settings.queue().url().toString())
                .overrideConfiguration(c -> c.apiCallTimeout(timeout));
        if (settings.binary()) {
            BinaryMessage binary = BinaryMessage.of(event);
            request.messageBody(binary.body())
                    .messageAttributes(binary.attributesAs(value -> MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(value)
                            .build()));
        } else {
            request.messageBody(StructuredJson.of(event));
        }
        if (settings.fifo()) {
            request.messageGroupId(FifoIds.group(event)).messageDeduplicationId(FifoIds.deduplication(event));
        }
        SendMessageRequest built = request.build();
        return () -> {
            client.sendMessage(built);
            return SinkReply.of(200);
        };
    }
}
