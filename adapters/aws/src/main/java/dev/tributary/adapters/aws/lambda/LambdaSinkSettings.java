package dev.tributary.adapters.aws.lambda;

import dev.tributary.adapters.aws.sink.AwsClientOptions;
import dev.tributary.core.mapping.SinkConfig;
import java.util.Optional;

/**
 * The options of an {@code aws-lambda} sink.
 *
 * @param function function name, partial or full ARN (with an optional qualifier)
 * @param client {@code region} (from the option, else from a function ARN, else the SDK's default
 *     chain) and {@code endpoint} (a Lambda-compatible server, VPC endpoint)
 * @param asynchronous {@code invocationType: Event}: Lambda queues the event and its own retries and destinations apply
 * @param dataOnly {@code payload: data}: send only the event's data instead of the structured CloudEvent
 */
record LambdaSinkSettings(String function, AwsClientOptions client, boolean asynchronous, boolean dataOnly) {

    static LambdaSinkSettings of(SinkConfig config) {
        var options = config.options();
        String function = options.string("function").orElseThrow();
        return new LambdaSinkSettings(
                function,
                AwsClientOptions.of(config, AwsClientOptions.regionOfArn(function)),
                options.string("invocationType").orElse("RequestResponse").equals("Event"),
                options.string("payload").orElse("cloudevent").equals("data"));
    }

    Optional<String> region() {
        return client.region();
    }
}
