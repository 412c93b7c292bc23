package dev.tributary.adapters.azure.eventgrid;

import static dev.tributary.core.mapping.OptionKind.STRING;
import static dev.tributary.core.mapping.OptionKind.STRING_LIST;

import dev.tributary.adapters.azure.auth.RequestAuthenticator;
import dev.tributary.adapters.azure.auth.SharedSecretAuthenticator;
import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.decode.InboundPayload;
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

    static final ComponentType DECLARATION = ComponentType.push(TYPE,
            "Receives Azure Event Grid webhook deliveries (Event Grid or CloudEvents schema), answering the "
                    + "validation handshakes.",
            OptionSpec.optional("secret", STRING, "Shared secret expected in the query string.").asSecret(),
            OptionSpec.optional("secretParameter", STRING, "Query parameter carrying the secret.")
                    .withDefault(SharedSecretAuthenticator.DEFAULT_PARAMETER),
            OptionSpec.optional("jwksUrl", STRING, "JWKS URL for bearer-token verification."),
            OptionSpec.optional("issuer", STRING, "Expected JWT issuer."),
            OptionSpec.optional("audience", STRING, "Expected JWT audience."),
            OptionSpec.oneOf("auth", "'none' to accept unauthenticated pushes (explicit opt-out).", "none"),
            OptionSpec.optional("allowedOrigins", STRING_LIST,
                    "Origins allowed by the CloudEvents webhook OPTIONS handshake."));

    @Override
    public ComponentType declaration() {
        return DECLARATION;
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
    public NotificationDecoder<InboundPayload> decoder(SourceConfig config) {
        return new EventGridDeliveryDecoder();
    }
}
