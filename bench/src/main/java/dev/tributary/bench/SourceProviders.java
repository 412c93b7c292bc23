package dev.tributary.bench;

import dev.tributary.core.source.SourceProvider;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds a source type's provider on the class path, as the gateway does. The bench has no adapter
 * compiled in: with the gateway's jar on the class path, it sees exactly the source types the
 * gateway ships.
 */
public final class SourceProviders {

    private SourceProviders() {}

    /**
     * @throws Unavailable naming the type when no provider implements it here
     */
    public static SourceProvider require(String type) {
        try {
            for (SourceProvider provider : ServiceLoader.load(SourceProvider.class)) {
                if (provider.type().equals(type)) {
                    return provider;
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new Unavailable("the source providers on the class path cannot be loaded: " + e.getMessage());
        }
        throw new Unavailable("no source provider of type '" + type + "' on the class path (its adapter is not in "
                + "the gateway jar yet)");
    }

    /** What the bench needs is not on the class path; the message says what. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String reason) {
            super(reason);
        }
    }
}
