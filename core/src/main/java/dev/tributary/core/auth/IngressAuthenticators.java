package dev.tributary.core.auth;

import static dev.tributary.core.mapping.IngressAuthOptions.AUDIENCE;
import static dev.tributary.core.mapping.IngressAuthOptions.ISSUER;
import static dev.tributary.core.mapping.IngressAuthOptions.JWKS_URL;
import static dev.tributary.core.mapping.IngressAuthOptions.SECRET;
import static dev.tributary.core.mapping.IngressAuthOptions.SECRET_PARAMETER;
import static dev.tributary.core.mapping.IngressAuthOptions.SERVICE_ACCOUNT;
import static dev.tributary.core.mapping.IngressAuthOptions.SUBJECTS;

import dev.tributary.core.mapping.IngressAuthOptions.Profile;
import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SourceConfig;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the authentication of a push source from the options {@link
 * dev.tributary.core.mapping.IngressAuthOptions} declares (and the loader has already checked):
 * the bearer-token check, the shared-secret check, both (a request must pass both), or none for
 * {@code auth: none}, which is announced with a WARN naming the source.
 */
public final class IngressAuthenticators {

    private static final Logger LOG = LoggerFactory.getLogger(IngressAuthenticators.class);

    private IngressAuthenticators() {}

    /**
     * @return the source's check; {@link RequestAuthenticator#NONE} for {@code auth: none} and for
     *     the {@link Profile#SNS} profile, whose senders are checked by their signature instead
     * @throws IllegalArgumentException naming the source and option when an option cannot be used
     */
    public static RequestAuthenticator from(SourceConfig source, Profile profile) {
        Options options = source.options();
        List<RequestAuthenticator> checks = new ArrayList<>();
        boolean bearer = options.has(JWKS_URL) || options.has(AUDIENCE);
        if (bearer) {
            checks.add(bearer(source, profile));
        }
        if (options.has(SECRET)) {
            Optional<String> parameter = options.string(SECRET_PARAMETER)
                    .or(() -> profile == Profile.EVENT_GRID
                            ? Optional.of(SharedSecretAuthenticator.EVENT_GRID_PARAMETER)
                            : Optional.empty());
            checks.add(new SharedSecretAuthenticator(
                    parameter, options.string(SECRET).orElseThrow(), !bearer));
        }
        if (options.has("auth")) {
            LOG.warn(
                    "SOURCE '{}' ACCEPTS UNAUTHENTICATED REQUESTS ({}, auth: none): anyone who can reach "
                            + "POST /sources/{} can inject events",
                    source.name(),
                    source.type(),
                    source.name());
        }
        return checks.isEmpty() ? RequestAuthenticator.NONE : RequestAuthenticator.allOf(checks);
    }

    private static RequestAuthenticator bearer(SourceConfig source, Profile profile) {
        Options options = source.options();
        String jwksUrl = options.string(JWKS_URL).or(profile::defaultJwksUrl).orElseThrow();
        String issuer = options.string(ISSUER).or(profile::defaultIssuer).orElseThrow();
        Map<String, Object> claims = options.string(SERVICE_ACCOUNT)
                .<Map<String, Object>>map(account -> Map.of("email", account, "email_verified", Boolean.TRUE))
                .orElse(Map.of());
        return new JwtBearerAuthenticator(
                url(source, jwksUrl),
                issuer,
                options.string(AUDIENCE).orElseThrow(),
                Set.copyOf(options.stringList(SUBJECTS)),
                claims);
    }

    private static URL url(SourceConfig source, String value) {
        try {
            return URI.create(value).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new IllegalArgumentException("source '" + source.name() + "': jwksUrl is not a valid URL", e);
        }
    }
}
