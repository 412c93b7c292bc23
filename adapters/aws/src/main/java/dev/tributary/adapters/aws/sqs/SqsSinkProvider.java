package dev.tributary.adapters.aws.sqs;

import static dev.tributary.core.mapping.OptionKind.STRING;

import dev.tributary.adapters.aws.sink.AwsCalls;
import dev.tributary.adapters.aws.sink.AwsClientOptions;
import dev.tributary.adapters.aws.sink.AwsSink;
import dev.tributary.adapters.aws.sink.BinaryMessage;
import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Provides sink type {@code aws-sqs} ({@link SqsSink}): an {@link SqsClient} per sink (see
 * {@link dev.tributary.adapters.aws.sink.AwsClientOptions}), an {@link AwsCalls} pool, no event key.
 */
public final class SqsSinkProvider implements SinkProvider {

    static final ComponentType DECLARATION = ComponentType.of(
            "aws-sqs",
            "Sends each event to an SQS queue (SendMessage); FIFO queues get a group and deduplication id.",
            OptionSpec.required("queueUrl", STRING, "SQS queue URL to send to."),
            AwsClientOptions.region("the queue URL"),
            AwsClientOptions.ENDPOINT,
            BinaryMessage.mode("body"));

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public EventSink create(SinkConfig config, GatewayServices services) {
        SqsSinkSettings settings = SqsSinkSettings.of(config);
        SqsClient client = settings.client().build(SqsClient.builder());
        return new AwsSink(
                settings.queue().url().toString(),
                client,
                new AwsCalls("sqs-" + config.name()),
                new SqsSink(client, settings));
    }
}
