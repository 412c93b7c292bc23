package dev.tributary.adapters.azure.eventgrid;

import dev.tributary.adapters.azure.auth.RequestAuthenticator;
import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides source type {@value #TYPE} ({@link EventGridPushSource}). Options: {@code secret},
 * {@code secretParameter}, {@code jwksUrl}, {@code issuer}, {@code audience}, {@code auth}
 * (see {@link AuthenticationOptions}) and {@code allowedOrigins} (see {@link WebHookHandshake}).
 * A source created with {@code auth: none} is announced with a WARN at creation.
 */
public final class EventGridSourceProvider implements SourceProvider {

    public static final String TYPE = "azure-eventgrid";

    private static final Logger LOG = LoggerFactory.getLogger(EventGridSourceProvider.class);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Source create(SourceConfig config, SourceContext context) {
        List<RequestAuthenticator> authenticators = AuthenticationOptions.parse(config);
        if (authenticators.isEmpty()) {
            LOG.warn("SOURCE '{}' ACCEPTS UNAUTHENTICATED REQUESTS (auth: none): anyone who can reach "
                    + "POST /sources/{} can inject events. Set secret, or jwksUrl with issuer and audience.",
                    config.name(), config.name());
        }
        return new EventGridPushSource(config.name(), authenticators,
                new WebHookHandshake(config.name(), config.options().stringList("allowedOrigins")));
    }

    /** Decodes a saved delivery as the source would once it is authenticated (not checked here); a validation handshake has no event. */
    @Override
    public NotificationDecoder decoder(SourceConfig config) {
        return new EventGridDeliveryDecoder();
    }
}
