package dev.tributary.core.source;

import dev.tributary.core.mapping.SourceConfig;

/**
 * Builds sources of one {@code type}. Adapters register providers with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.tributary.core.source.SourceProvider}); the gateway picks the
 * provider whose {@link #type()} matches each source of the mappings.
 */
public interface SourceProvider {

    /** The mapping-file {@code type} implemented, e.g. {@code azure-eventgrid}. */
    String type();

    /**
     * Builds a source from its validated options.
     *
     * @throws IllegalArgumentException naming the source and option when the options cannot work
     *     together (for example a push source without authentication and without {@code auth: none})
     */
    Source create(SourceConfig config, SourceContext context);
}
