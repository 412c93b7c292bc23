package dev.tributary.adapters.aws.sns;

import dev.tributary.adapters.aws.sink.AwsCalls;
import dev.tributary.adapters.aws.sink.AwsSink;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.sink.EventKey;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Provides sink type {@code aws-sns} ({@link SnsSink}): an {@link SnsClient} per sink (see
 * {@link dev.tributary.adapters.aws.sink.AwsClientOptions}), an {@link AwsCalls} pool, no event key.
 */
public final class SnsSinkProvider implements SinkProvider {

    @Override
    public String type() {
        return "aws-sns";
    }

    @Override
    public EventSink create(SinkConfig config) {
        SnsSinkSettings settings = SnsSinkSettings.of(config);
        SnsClient client = settings.client().build(SnsClient.builder());
        return new AwsSink(settings.topicArn(), client, new AwsCalls("sns-" + config.name()),
                new SnsSink(client, settings, EventKey.NONE));
    }
}
