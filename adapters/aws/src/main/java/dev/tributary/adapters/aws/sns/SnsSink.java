package dev.tributary.adapters.aws.sns;

import dev.tributary.adapters.aws.sink.AwsSink;
import dev.tributary.adapters.aws.sink.BinaryMessage;
import dev.tributary.adapters.aws.sink.FifoIds;
import dev.tributary.adapters.aws.sink.StructuredJson;
import dev.tributary.core.sink.SinkReply;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Sink type {@code aws-sns}: one {@code Publish} call per delivery attempt, the message the event
 * in the structured JSON format ({@link StructuredJson} says why it is the default), or with
 * {@code mode: binary} a {@link BinaryMessage}. A FIFO topic gets
 * {@code MessageGroupId} and {@code MessageDeduplicationId} from {@link FifoIds}. The event is
 * delivered once SNS accepted the message (the call returned): fan-out to subscriptions is SNS's
 * job from there. No batching ({@code PublishBatch} would hold events back). Thread-safe.
 */
final class SnsSink implements AwsSink.Call {

    private final SnsClient client;
    private final SnsSinkSettings settings;

    SnsSink(SnsClient client, SnsSinkSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public Supplier<SinkReply> prepare(CloudEvent event, Duration timeout) {
        PublishRequest.Builder request = PublishRequest.builder()
                .topicArn(settings.topicArn())
                .overrideConfiguration(c -> c.apiCallTimeout(timeout));
        if (settings.binary()) {
            BinaryMessage binary = BinaryMessage.of(event);
            request.message(binary.body())
                    .messageAttributes(binary.attributesAs(value -> MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(value)
                            .build()));
        } else {
            request.message(StructuredJson.of(event));
        }
        if (settings.fifo()) {
            request.messageGroupId(FifoIds.group(event)).messageDeduplicationId(FifoIds.deduplication(event));
        }
        PublishRequest built = request.build();
        return () -> {
            client.publish(built);
            return SinkReply.of(200);
        };
    }
}
