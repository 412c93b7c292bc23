package dev.tributary.adapters.azure.eventgrid;

import dev.tributary.adapters.azure.auth.BearerTokenAuthenticator;
import dev.tributary.adapters.azure.auth.RequestAuthenticator;
import dev.tributary.adapters.azure.auth.SharedSecretAuthenticator;
import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SourceConfig;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the authentication options of an {@code azure-eventgrid} source into the checks every
 * request must pass.
 *
 * <ul>
 *   <li>{@code secret} (with optional {@code secretParameter}, default {@code code}): the shared
 *       secret Event Grid sends as a query parameter of the webhook URL;</li>
 *   <li>{@code jwksUrl} with {@code issuer} and {@code audience}: a Microsoft Entra ID bearer token;
 *       the audience is required because a token checked only for its issuer would accept any
 *       token of the tenant;</li>
 *   <li>both: a request must pass both;</li>
 *   <li>{@code auth: none}: no check at all, an explicit opt-out that cannot be combined with the
 *       options above.</li>
 * </ul>
 * A source with none of these is refused, so that no source is left open by omission.
 */
final class AuthenticationOptions {

    static final String NONE = "none";

    private AuthenticationOptions() {
    }

    /**
     * @return the checks, in order; empty only for {@code auth: none}
     * @throws IllegalArgumentException naming the source and the option when the options are
     *     missing, contradictory or invalid
     */
    static List<RequestAuthenticator> parse(SourceConfig source) {
        Options options = source.options();
        String prefix = "source '" + source.name() + "': ";
        boolean optOut = options.has("auth");
        if (optOut && !NONE.equals(options.string("auth").orElseThrow())) {
            throw new IllegalArgumentException(prefix + "auth must be 'none' (its only value), got '"
                    + options.string("auth").orElseThrow() + "'");
        }
        boolean secret = options.has("secret");
        boolean token = options.has("jwksUrl");
        requireWith(options, prefix, "secretParameter", "secret");
        requireWith(options, prefix, "issuer", "jwksUrl");
        requireWith(options, prefix, "audience", "jwksUrl");
        if (optOut && (secret || token)) {
            throw new IllegalArgumentException(prefix + "auth: none contradicts " + (secret ? "secret" : "jwksUrl")
                    + "; remove one of them");
        }
        if (!optOut && !secret && !token) {
            throw new IllegalArgumentException(prefix + "no authentication configured: set secret (Event Grid sends it "
                    + "as query parameter '" + SharedSecretAuthenticator.DEFAULT_PARAMETER + "' of the webhook URL), "
                    + "or jwksUrl, issuer and audience (Microsoft Entra ID tokens), or auth: none to accept "
                    + "unauthenticated requests");
        }
        List<RequestAuthenticator> checks = new ArrayList<>();
        if (secret) {
            checks.add(sharedSecret(options, prefix));
        }
        if (token) {
            checks.add(bearerToken(options, prefix));
        }
        return List.copyOf(checks);
    }

    private static void requireWith(Options options, String prefix, String option, String needed) {
        if (options.has(option) && !options.has(needed)) {
            throw new IllegalArgumentException(prefix + option + " is set but " + needed + " is not");
        }
    }

    private static RequestAuthenticator sharedSecret(Options options, String prefix) {
        String secret = options.string("secret").orElseThrow();
        if (secret.isEmpty()) {
            throw new IllegalArgumentException(prefix + "secret is empty (is its environment variable set?)");
        }
        String parameter = options.string("secretParameter").orElse(SharedSecretAuthenticator.DEFAULT_PARAMETER);
        if (parameter.isBlank()) {
            throw new IllegalArgumentException(prefix + "secretParameter is empty");
        }
        return new SharedSecretAuthenticator(parameter, secret);
    }

    private static RequestAuthenticator bearerToken(Options options, String prefix) {
        String issuer = options.string("issuer").filter(value -> !value.isEmpty()).orElseThrow(() ->
                new IllegalArgumentException(prefix + "jwksUrl needs issuer (the exact iss of the tokens)"));
        String audience = options.string("audience").filter(value -> !value.isEmpty()).orElseThrow(() ->
                new IllegalArgumentException(prefix + "jwksUrl needs audience (the Entra application ID or URI)"));
        return new BearerTokenAuthenticator(jwksUrl(options.string("jwksUrl").orElseThrow(), prefix), issuer, audience);
    }

    private static URL jwksUrl(String value, String prefix) {
        URL url;
        try {
            url = new URI(value).toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + "jwksUrl is not a valid URL: '" + value + "'", e);
        }
        if (!url.getProtocol().equals("https") && !url.getProtocol().equals("http")) {
            throw new IllegalArgumentException(prefix + "jwksUrl must be an http(s) URL, got '" + value + "'");
        }
        return url;
    }
}
