package dev.tributary.gateway.offline;

import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.SourceProvider;
import dev.tributary.gateway.ingress.Sources;
import io.cloudevents.CloudEvent;
import java.util.List;

/**
 * Decodes a saved payload as a source of a mappings file would, with the decoder its
 * {@link SourceProvider} hands out for offline use: the same code the running source decodes with,
 * without its transport (no network, no credentials, no signature or token check).
 */
public final class SavedPayloads {

    private final Mappings mappings;
    private final List<SourceProvider> providers;

    public SavedPayloads(Mappings mappings, List<SourceProvider> providers) {
        this.mappings = mappings;
        this.providers = providers;
    }

    /** With the providers installed on the class path. */
    public static SavedPayloads installed(Mappings mappings) {
        return new SavedPayloads(mappings, Sources.installedProviders());
    }

    /**
     * Decodes a payload.
     *
     * @throws IllegalArgumentException naming the source when it does not exist or its type
     *     cannot decode offline
     * @throws dev.tributary.core.decode.DecodeException when the source would refuse the payload
     */
    public List<CloudEvent> decode(String sourceName, InboundPayload payload) {
        return decoder(sourceName).decode(payload);
    }

    private NotificationDecoder decoder(String sourceName) {
        SourceConfig source = mappings.source(sourceName)
                .orElseThrow(() -> new IllegalArgumentException("no source '" + sourceName + "' in " + mappings.origin()
                        + " (sources: " + String.join(", ", mappings.sources().keySet()) + ")"));
        SourceProvider provider = providers.stream()
                .filter(p -> p.type().equals(source.type()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "source '" + sourceName + "': type '" + source.type() + "' is not available in this build"));
        try {
            return provider.decoder(source);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("source '" + sourceName + "': " + e.getMessage(), e);
        }
    }
}
