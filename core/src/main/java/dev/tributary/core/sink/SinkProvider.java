package dev.tributary.core.sink;

import dev.tributary.core.mapping.SinkConfig;

/**
 * Builds sinks of one {@code type} that the gateway does not implement itself (for example
 * {@code aws-lambda}). Adapters register providers with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.tributary.core.sink.SinkProvider}).
 */
public interface SinkProvider {

    /** The mapping-file {@code type} implemented. */
    String type();

    /**
     * @throws IllegalArgumentException naming the sink and option when the options cannot work
     */
    EventSink create(SinkConfig config);
}
