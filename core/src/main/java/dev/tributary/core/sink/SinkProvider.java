package dev.tributary.core.sink;

import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;

/**
 * Declares and builds sinks of one {@code type}, built-in ({@code http}, {@code log},
 * {@code knative-broker}) or from an adapter ({@code aws-lambda}). Providers are registered with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.tributary.core.sink.SinkProvider});
 * the loader validates mapping files against their {@link #declaration()}s. Implementations have
 * a public no-argument constructor and are thread-safe.
 */
public interface SinkProvider {

    /** The type's name and options: the one place they are stated. */
    ComponentType declaration();

    /** The mapping-file {@code type} implemented. */
    default String type() {
        return declaration().name();
    }

    /**
     * Builds a sink from its validated options.
     *
     * @param services what the gateway offers, e.g. its pooled HTTP client
     * @throws IllegalArgumentException naming the sink and option when the options cannot work
     */
    EventSink create(SinkConfig config, GatewayServices services);
}
