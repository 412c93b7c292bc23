package dev.tributary.adapters.aws.sns;

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
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Provides sink type {@code aws-sns} ({@link SnsSink}): an {@link SnsClient} per sink (see
 * {@link dev.tributary.adapters.aws.sink.AwsClientOptions}), an {@link AwsCalls} pool, no event key.
 */
public final class SnsSinkProvider implements SinkProvider {

    static final ComponentType DECLARATION = ComponentType.of(
            "aws-sns",
            "Publishes each event to an SNS topic (Publish); FIFO topics get a group and deduplication id.",
            OptionSpec.required("topicArn", STRING, "SNS topic ARN to publish to."),
            AwsClientOptions.region("the topic ARN"),
            AwsClientOptions.ENDPOINT,
            BinaryMessage.mode("message"));

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public EventSink create(SinkConfig config, GatewayServices services) {
        SnsSinkSettings settings = SnsSinkSettings.of(config);
        SnsClient client = settings.client().build(SnsClient.builder());
        return new AwsSink(
                settings.topicArn(), client, new AwsCalls("sns-" + config.name()), new SnsSink(client, settings));
    }
}
