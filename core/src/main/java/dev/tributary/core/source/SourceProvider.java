package dev.tributary.core.source;

import dev.tributary.core.decode.NotificationDecoder;
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

    /**
     * The decoding a source of this type applies to each message it receives, once transport
     * concerns (authentication, handshakes, polling) are done, for use without any network or
     * credentials: {@code tributary test} decodes a saved payload with it, exactly as the running
     * source would. The payload is the message body with, as headers, what the transport adds
     * (for a push source, its HTTP headers; for a pull source, the system attributes its Javadoc names).
     *
     * @throws IllegalArgumentException naming the source and option when the options cannot work
     * @throws UnsupportedOperationException when this type cannot decode offline
     */
    default NotificationDecoder decoder(SourceConfig config) {
        throw new UnsupportedOperationException("source type '" + type() + "' cannot decode a saved payload");
    }
}
