package dev.tributary.core.source;

import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.SourceConfig;

/**
 * Declares and builds sources of one {@code type}. Adapters register providers with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.tributary.core.source.SourceProvider});
 * the loader validates mapping files against their {@link #declaration()}s and the gateway picks
 * the provider whose type matches each source of the mappings. Implementations have a public
 * no-argument constructor and are thread-safe.
 */
public interface SourceProvider {

    /**
     * The type's name, options and push flag: the one place they are stated. A push type's
     * {@link #create} returns a {@link PushSource}, a pull type's a {@link PullSource}.
     */
    ComponentType declaration();

    /** The mapping-file {@code type} implemented, e.g. {@code azure-eventgrid}. */
    default String type() {
        return declaration().name();
    }

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
    default NotificationDecoder<InboundPayload> decoder(SourceConfig config) {
        throw new UnsupportedOperationException("source type '" + type() + "' cannot decode a saved payload");
    }
}
