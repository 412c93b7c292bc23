package dev.tributary.core.sink;

import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;

/** Provides sink type {@code log}. */
public final class LogSinkProvider implements SinkProvider {

    private static final ComponentType DECLARATION = ComponentType.of(
            "log", "Writes each event as one line of structured JSON to the gateway log, for trying things out.");

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public EventSink create(SinkConfig config, GatewayServices services) {
        return new LogSink(config.name());
    }
}
