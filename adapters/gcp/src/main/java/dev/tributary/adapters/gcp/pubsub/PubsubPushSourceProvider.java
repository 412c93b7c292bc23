package dev.tributary.adapters.gcp.pubsub;

import static dev.tributary.adapters.gcp.pubsub.PubsubNames.invalid;
import static dev.tributary.core.mapping.OptionKind.STRING;

import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.OptionSpec;

import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides source type {@code gcp-pubsub-push}.
 *
 * <p>Options: {@code topic} (required, {@code projects/P/topics/T}); for OIDC authentication
 * {@code serviceAccount} (the push subscription's service account e-mail) with {@code audience}
 * (the audience set on the subscription), and optionally {@code jwksUrl} (default {@value
 * GoogleOidcVerifier#GOOGLE_JWKS_URL}) and {@code issuer} (default {@value
 * GoogleOidcVerifier#GOOGLE_ISSUER}). Without {@code serviceAccount} the source must say
 * {@code auth: none}, which accepts unauthenticated pushes and is logged as a warning; the
 * authentication options may not be combined with it.
 */
public final class PubsubPushSourceProvider implements SourceProvider {

    private static final List<String> AUTH_OPTIONS = List.of("serviceAccount", "audience", "jwksUrl", "issuer");
    private static final Logger LOG = LoggerFactory.getLogger(PubsubPushSourceProvider.class);

    static final ComponentType DECLARATION = ComponentType.push("gcp-pubsub-push",
            "Receives Pub/Sub push deliveries (wrapped or unwrapped), verifying their OIDC token.",
            OptionSpec.required("topic", STRING, "Pub/Sub topic (projects/P/topics/T), used as the event source."),
            OptionSpec.optional("audience", STRING, "Expected JWT audience (the audience set on the push subscription)."),
            OptionSpec.optional("serviceAccount", STRING, "Expected service-account email of Pub/Sub push OIDC tokens."),
            OptionSpec.oneOf("auth", "'none' to accept unauthenticated pushes (explicit opt-out).", "none"),
            OptionSpec.optional("jwksUrl", STRING, "JWKS URL for bearer-token verification.")
                    .withDefault(GoogleOidcVerifier.GOOGLE_JWKS_URL),
            OptionSpec.optional("issuer", STRING, "Expected JWT issuer.").withDefault(GoogleOidcVerifier.GOOGLE_ISSUER));

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    /** @throws IllegalArgumentException naming the source and option when the options cannot work together */
    @Override
    public Source create(SourceConfig config, SourceContext context) {
        return new PubsubPushSource(decoder(config), verifier(config));
    }

    /** Decodes a saved push body as the source would once its token is verified (not verified here). */
    @Override
    public PushDecoder decoder(SourceConfig config) {
        return new PushDecoder(PubsubNames.topic(config, config.options().string("topic").orElse(null)));
    }

    private static Optional<GoogleOidcVerifier> verifier(SourceConfig config) {
        Options options = config.options();
        Optional<String> auth = options.string("auth");
        if (auth.isPresent()) {
            if (!auth.get().equals("none")) {
                throw invalid(config, "auth: '" + auth.get() + "' is not supported; the only value is 'none'");
            }
            AUTH_OPTIONS.stream().filter(options::has).findFirst().ifPresent(option -> {
                throw invalid(config, "auth: none cannot be combined with " + option);
            });
            LOG.warn("source '{}' (gcp-pubsub-push) accepts UNAUTHENTICATED pushes (auth: none): anyone who can reach "
                    + "the gateway can inject events; set serviceAccount and audience instead", config.name());
            return Optional.empty();
        }
        String serviceAccount = options.string("serviceAccount").orElseThrow(() -> invalid(config,
                "serviceAccount is required to verify Pub/Sub's OIDC tokens (or set auth: none to accept "
                        + "unauthenticated pushes)"));
        String audience = options.string("audience").orElseThrow(() -> invalid(config,
                "audience is required with serviceAccount (the audience set on the push subscription)"));
        URL jwksUrl = url(config, options.string("jwksUrl").orElse(GoogleOidcVerifier.GOOGLE_JWKS_URL));
        String issuer = options.string("issuer").orElse(GoogleOidcVerifier.GOOGLE_ISSUER);
        return Optional.of(new GoogleOidcVerifier(jwksUrl, issuer, audience, serviceAccount));
    }

    private static URL url(SourceConfig config, String text) {
        URL url;
        try {
            url = new URI(text).toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            throw invalid(config, "jwksUrl '" + text + "' is not a valid URL: " + e.getMessage());
        }
        if (!url.getProtocol().equals("https") && !url.getProtocol().equals("http")) {
            throw invalid(config, "jwksUrl '" + text + "' must be an http(s) URL");
        }
        return url;
    }
}
