package dev.tributary.adapters.aws.lambda;

import dev.tributary.adapters.aws.AwsRegions;
import dev.tributary.core.mapping.SinkConfig;
import java.net.URI;
import java.util.Optional;

/**
 * The options of an {@code aws-lambda} sink.
 *
 * @param function function name, partial or full ARN (with an optional qualifier)
 * @param region the region to call; from the option, else from a function ARN, else the SDK's default chain
 * @param endpoint an endpoint override (a Lambda-compatible server, VPC endpoint)
 * @param asynchronous {@code invocationType: Event}: Lambda queues the event and its own retries and destinations apply
 * @param dataOnly {@code payload: data}: send only the event's data instead of the structured CloudEvent
 */
record LambdaSinkSettings(String function, Optional<String> region, Optional<URI> endpoint, boolean asynchronous,
        boolean dataOnly) {

    static LambdaSinkSettings of(SinkConfig config) {
        var options = config.options();
        String function = options.string("function").orElseThrow();
        Optional<String> region = options.string("region").or(() -> regionOfArn(function));
        Optional<URI> endpoint = options.string("endpoint").map(value -> {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("sink '" + config.name() + "': endpoint must be a URL, was '" + value + "'");
            }
            return uri;
        });
        return new LambdaSinkSettings(function, region, endpoint,
                options.string("invocationType").orElse("RequestResponse").equals("Event"),
                options.string("payload").orElse("cloudevent").equals("data"));
    }

    /** {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]} → REGION. */
    private static Optional<String> regionOfArn(String function) {
        String[] parts = function.split(":");
        return parts.length >= 7 && parts[0].equals("arn") && AwsRegions.isRegion(parts[3])
                ? Optional.of(parts[3]) : Optional.empty();
    }
}
