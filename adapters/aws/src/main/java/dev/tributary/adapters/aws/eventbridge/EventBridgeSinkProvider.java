package dev.tributary.adapters.aws.eventbridge;

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
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Provides sink type {@code aws-eventbridge} ({@link EventBridgeSink}): an {@link EventBridgeClient} per sink (see
 * {@link dev.tributary.adapters.aws.sink.AwsClientOptions}) and an {@link AwsCalls} pool.
 */
public final class EventBridgeSinkProvider implements SinkProvider {

    static final ComponentType DECLARATION = ComponentType.of(
            "aws-eventbridge",
            "Puts each event on an EventBridge bus (PutEvents, one entry): Source from source, DetailType "
                    + "from type, Detail the structured CloudEvent.",
            OptionSpec.required("bus", STRING, "Event bus name or ARN ('default' for the account's default bus)."),
            AwsClientOptions.region("a bus ARN"),
            AwsClientOptions.ENDPOINT);

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public EventSink create(SinkConfig config, GatewayServices services) {
        EventBridgeSinkSettings settings = EventBridgeSinkSettings.of(config);
        EventBridgeClient client = settings.client().build(EventBridgeClient.builder());
        return new AwsSink(
                settings.bus(),
                client,
                new AwsCalls("eventbridge-" + config.name()),
                new EventBridgeSink(client, settings));
    }
}
