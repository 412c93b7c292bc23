package dev.tributary.adapters.aws.eventbridge;

import dev.tributary.adapters.aws.sink.AwsClientOptions;
import dev.tributary.core.mapping.SinkConfig;

/**
 * The options of an {@code aws-eventbridge} sink.
 *
 * @param bus {@code bus}: the event bus name or ARN ({@code default} for the account's default bus)
 * @param client {@code region} (else a bus ARN's, else the SDK's default chain) and {@code endpoint}
 */
record EventBridgeSinkSettings(String bus, AwsClientOptions client) {

    static EventBridgeSinkSettings of(SinkConfig config) {
        String bus = config.options().string("bus").orElseThrow();
        return new EventBridgeSinkSettings(bus, AwsClientOptions.of(config, AwsClientOptions.regionOfArn(bus)));
    }
}
