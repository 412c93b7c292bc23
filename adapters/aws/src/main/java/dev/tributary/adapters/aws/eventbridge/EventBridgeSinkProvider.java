package dev.tributary.adapters.aws.eventbridge;

import dev.tributary.adapters.aws.sink.AwsCalls;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Provides sink type {@code aws-eventbridge}: an {@link EventBridgeClient} per sink (see
 * {@link dev.tributary.adapters.aws.sink.AwsClientOptions}) and an {@link AwsCalls} pool.
 */
public final class EventBridgeSinkProvider implements SinkProvider {

    @Override
    public String type() {
        return "aws-eventbridge";
    }

    @Override
    public EventSink create(SinkConfig config) {
        EventBridgeSinkSettings settings = EventBridgeSinkSettings.of(config);
        return new EventBridgeSink(settings.client().build(EventBridgeClient.builder()),
                new AwsCalls("eventbridge-" + config.name()), settings);
    }
}
