package dev.tributary.adapters.azure.eventgrid;

import static dev.tributary.core.mapping.OptionKind.STRING_LIST;

import dev.tributary.core.auth.IngressAuthenticators;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.IngressAuthOptions;
import dev.tributary.core.mapping.IngressAuthOptions.Profile;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;

/**
 * Provides source type {@value #TYPE} ({@link EventGridPushSource}). Options: the push sources'
 * authentication vocabulary ({@link IngressAuthenticators}; the secret may also come as query
 * parameter {@code code}, or {@code secretParameter}) and {@code allowedOrigins} (see {@link
 * WebHookHandshake}).
 */
public final class EventGridSourceProvider implements SourceProvider {

    public static final String TYPE = "azure-eventgrid";

    static final ComponentType DECLARATION = IngressAuthOptions.addTo(
            ComponentType.push(
                    TYPE,
                    "Receives Azure Event Grid webhook deliveries (Event Grid or CloudEvents schema), answering the "
                            + "validation handshakes.",
                    OptionSpec.optional(
                            "allowedOrigins",
                            STRING_LIST,
                            "Origins allowed by the CloudEvents webhook OPTIONS handshake.")),
            Profile.EVENT_GRID);

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public Source create(SourceConfig config, SourceContext context) {
        return new EventGridPushSource(
                config.name(),
                IngressAuthenticators.from(config, Profile.EVENT_GRID),
                new WebHookHandshake(config.name(), config.options().stringList("allowedOrigins")));
    }

    /** Decodes a saved delivery as the source would once it is authenticated (not checked here); a validation handshake has no event. */
    @Override
    public NotificationDecoder<InboundPayload> decoder(SourceConfig config) {
        return new EventGridDeliveryDecoder();
    }
}
