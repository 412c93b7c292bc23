package dev.tributary.core.source;

import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.mapping.SourceConfig;

/** Provides source type {@code cloudevents}. */
public final class CloudEventsSourceProvider implements SourceProvider {

    private static final ComponentType DECLARATION = ComponentType.push("cloudevents",
            "Receives CloudEvents posted over HTTP (the CloudEvents HTTP binding).");

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public Source create(SourceConfig config, SourceContext context) {
        return new CloudEventsPushSource();
    }

    @Override
    public NotificationDecoder<InboundPayload> decoder(SourceConfig config) {
        return CloudEventsPushSource.DECODER;
    }
}
