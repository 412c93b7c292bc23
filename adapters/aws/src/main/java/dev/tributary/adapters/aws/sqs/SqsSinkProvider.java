package dev.tributary.adapters.aws.sqs;

import dev.tributary.adapters.aws.sink.AwsCalls;
import dev.tributary.adapters.aws.sink.AwsSink;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.sink.EventKey;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Provides sink type {@code aws-sqs} ({@link SqsSink}): an {@link SqsClient} per sink (see
 * {@link dev.tributary.adapters.aws.sink.AwsClientOptions}), an {@link AwsCalls} pool, no event key.
 */
public final class SqsSinkProvider implements SinkProvider {

    @Override
    public String type() {
        return "aws-sqs";
    }

    @Override
    public EventSink create(SinkConfig config) {
        SqsSinkSettings settings = SqsSinkSettings.of(config);
        SqsClient client = settings.client().build(SqsClient.builder());
        return new AwsSink(settings.queue().url().toString(), client, new AwsCalls("sqs-" + config.name()),
                new SqsSink(client, settings, EventKey.NONE));
    }
}
