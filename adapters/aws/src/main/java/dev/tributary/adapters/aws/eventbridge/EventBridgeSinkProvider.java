package dev.tributary.adapters.aws.eventbridge;

import dev.tributary.adapters.aws.sink.AwsCalls;
import dev.tributary.adapters.aws.sink.AwsSink;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Provides sink type {@code aws-eventbridge} ({@link EventBridgeSink}): an {@link EventBridgeClient} per sink (see
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
        EventBridgeClient client = settings.client().build(EventBridgeClient.builder());
        return new AwsSink(settings.bus(), client, new AwsCalls("eventbridge-" + config.name()),
                new EventBridgeSink(client, settings));
    }
}
