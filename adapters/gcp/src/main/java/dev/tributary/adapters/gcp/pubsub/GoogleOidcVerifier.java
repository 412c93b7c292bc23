package dev.tributary.adapters.gcp.pubsub;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tributary.core.source.PushDecision;
import java.net.URL;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the OIDC token Pub/Sub attaches to authenticated pushes ({@code Authorization: Bearer}).
 *
 * <p>The token must be a JWT signed with RS256 by a key of the JWKS (fetched from {@code jwksUrl},
 * cached for five minutes and fetched again when a token names an unknown {@code kid}, at most
 * twice in 30 seconds), issued by {@code issuer}, unexpired (at most five minutes of clock skew),
 * with {@code aud} equal to the configured audience, {@code email} equal to the push service
 * account and {@code email_verified} true. Checking {@code aud} alone would accept tokens minted
 * for any project's push subscription to this URL, hence the {@code email} check.
 *
 * <p>Answers: 401 when the header is missing or the token malformed, badly signed, expired or from
 * another issuer; 403 when a genuine token names another audience or account; 503 when the JWKS
 * cannot be fetched (the push is retried later). Tokens are never logged. Thread-safe; {@link
 * #check} may block on a JWKS fetch (2-second connect and read timeouts).
 *
 * @see <a href="https://cloud.google.com/pubsub/docs/authenticate-push-subscriptions">Authenticate push subscriptions</a>
 */
final class GoogleOidcVerifier {

    static final String GOOGLE_JWKS_URL = "https://www.googleapis.com/oauth2/v3/certs";
    static final String GOOGLE_ISSUER = "https://accounts.google.com";
    private static final int MAX_CLOCK_SKEW_SECONDS = 300;
    private static final int HTTP_TIMEOUT_MILLIS = 2_000;
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;
    private static final Map<String, String> CHALLENGE = Map.of(
            "Content-Type", "text/plain; charset=utf-8", "WWW-Authenticate", "Bearer");
    private static final Logger LOG = LoggerFactory.getLogger(GoogleOidcVerifier.class);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String audience;
    private final String serviceAccount;

    GoogleOidcVerifier(URL jwksUrl, String issuer, String audience, String serviceAccount) {
        this.audience = audience;
        this.serviceAccount = serviceAccount;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(jwksUrl,
                        new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT))
                        .build()));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "aud", "email"));
        claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** Empty when the request is authenticated, else the answer refusing it. */
    Optional<PushDecision.Respond> check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthenticated("missing Authorization: Bearer token");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(authorization.substring(7).trim(), null);
        } catch (KeySourceException e) {
            LOG.warn("cannot fetch the JWKS to verify a Pub/Sub push token: {}", e.getMessage());
            return Optional.of(PushDecision.Respond.error(503, "token signing keys unavailable, retry later"));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return unauthenticated("invalid token: " + e.getMessage());
        }
        return authorize(claims);
    }

    private Optional<PushDecision.Respond> authorize(JWTClaimsSet claims) {
        if (!List.of(audience).equals(claims.getAudience())) {
            return forbidden("token audience is not this source's audience");
        }
        if (!serviceAccount.equals(claims.getClaim("email"))) {
            return forbidden("token email is not this source's push service account");
        }
        if (!Boolean.TRUE.equals(claims.getClaim("email_verified"))) {
            return forbidden("token email is not verified");
        }
        return Optional.empty();
    }

    private static Optional<PushDecision.Respond> unauthenticated(String reason) {
        return Optional.of(new PushDecision.Respond(401, CHALLENGE, reason));
    }

    private static Optional<PushDecision.Respond> forbidden(String reason) {
        return Optional.of(PushDecision.Respond.error(403, reason));
    }
}
