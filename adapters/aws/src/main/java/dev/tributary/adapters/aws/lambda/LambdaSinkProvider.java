package dev.tributary.adapters.aws.lambda;

import dev.tributary.adapters.aws.sink.AwsCalls;
import dev.tributary.adapters.aws.sink.AwsSink;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Provides sink type {@code aws-lambda} ({@link LambdaSink}): a {@link LambdaClient} per sink (see
 * {@link dev.tributary.adapters.aws.sink.AwsClientOptions}) and an {@link AwsCalls} pool for its
 * blocking calls.
 */
public final class LambdaSinkProvider implements SinkProvider {

    @Override
    public String type() {
        return "aws-lambda";
    }

    @Override
    public EventSink create(SinkConfig config) {
        LambdaSinkSettings settings = LambdaSinkSettings.of(config);
        LambdaClient client = settings.client().build(LambdaClient.builder());
        return new AwsSink(settings.function(), client, new AwsCalls("lambda-" + config.name()),
                new LambdaSink(client, settings));
    }
}
