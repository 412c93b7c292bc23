package dev.tributary.adapters.aws.lambda;

import static dev.tributary.core.mapping.OptionKind.STRING;

import dev.tributary.adapters.aws.sink.AwsCalls;
import dev.tributary.adapters.aws.sink.AwsClientOptions;
import dev.tributary.adapters.aws.sink.AwsSink;
import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Provides sink type {@code aws-lambda} ({@link LambdaSink}): a {@link LambdaClient} per sink (see
 * {@link dev.tributary.adapters.aws.sink.AwsClientOptions}) and an {@link AwsCalls} pool for its
 * blocking calls.
 */
public final class LambdaSinkProvider implements SinkProvider {

    static final ComponentType DECLARATION = ComponentType.of(
            "aws-lambda",
            "Invokes an AWS Lambda function with each event; a function error is a failed delivery.",
            OptionSpec.required("function", STRING, "Lambda function name or ARN."),
            AwsClientOptions.region("a function ARN"),
            AwsClientOptions.ENDPOINT,
            OptionSpec.oneOf(
                            "invocationType",
                            "Synchronous (RequestResponse) or asynchronous (Event) invocation.",
                            "RequestResponse",
                            "Event")
                    .withDefault("RequestResponse"),
            OptionSpec.oneOf(
                            "payload",
                            "cloudevent (structured JSON) or data (only the event data).",
                            "cloudevent",
                            "data")
                    .withDefault("cloudevent"));

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public EventSink create(SinkConfig config, GatewayServices services) {
        LambdaSinkSettings settings = LambdaSinkSettings.of(config);
        LambdaClient client = settings.client().build(LambdaClient.builder());
        return new AwsSink(
                settings.function(), client, new AwsCalls("lambda-" + config.name()), new LambdaSink(client, settings));
    }
}
