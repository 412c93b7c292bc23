package dev.tributary.core.source;

import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.mapping.SourceConfig;

/** Provides source type {@code cloudevents}. */
public final class CloudEventsSourceProvider implements SourceProvider {

    @Override
    public String type() {
        return "cloudevents";
    }

    @Override
    public Source create(SourceConfig config, SourceContext context) {
        return new CloudEventsPushSource();
    }

    @Override
    public NotificationDecoder decoder(SourceConfig config) {
        return CloudEventsPushSource.DECODER;
    }
}
