package dev.tributary.core.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a JWT (OIDC) bearer token in {@code Authorization}: Microsoft Entra ID tokens from Event
 * Grid, Google-signed tokens from Pub/Sub push, Kubernetes service-account tokens from Knative
 * (EventPolicy), any issuer publishing a JWKS.
 *
 * <p>The token must be an RS256 or ES256 JWS signed by a key of the JWKS, carry {@code exp}, be
 * within its {@code exp}/{@code nbf} window give or take {@value #MAX_CLOCK_SKEW_SECONDS} seconds,
 * name the issuer exactly ({@code iss}), list the audience in {@code aud}, and, when configured,
 * carry one of the allowed {@code sub} and every required claim with exactly its value. Answers:
 * <ul>
 *   <li>401 with {@code WWW-Authenticate: Bearer} when no bearer token is sent, and with
 *       {@code error="invalid_token"} when it is malformed, of another algorithm, badly signed, signed
 *       by a key absent from the key set, expired, not yet valid or from another issuer;</li>
 *   <li>403 when a valid token names another audience or subject, or lacks a required claim;</li>
 *   <li>503 with {@code Retry-After} when the key set cannot be fetched, so that the sender retries
 *       instead of dropping the delivery.</li>
 * </ul>
 *
 * <p>Keys come from nimbus-jose-jwt's {@link JWKSourceBuilder}: cached for five minutes, fetched
 * again when a token names an unknown key id (at most once every 30 seconds, so that forged key
 * ids cannot flood the JWKS endpoint), with {@value #HTTP_TIMEOUT_MILLIS} ms connect and read
 * timeouts, at most {@value #JWKS_SIZE_LIMIT} bytes, and redirects never followed. That fetch is the
 * only blocking I/O of {@link #refusal}. Thread-safe; tokens are never logged or echoed.
 */
public final class JwtBearerAuthenticator implements RequestAuthenticator {

    /** The largest clock difference tolerated on {@code exp} and {@code nbf}: {@value} seconds. */
    public static final int MAX_CLOCK_SKEW_SECONDS = 300;
    /** The {@code Retry-After} of a 503 answered when the keys cannot be fetched: {@value} seconds. */
    public static final int RETRY_AFTER_SECONDS = 30;

    static final int HTTP_TIMEOUT_MILLIS = 2_000;
    static final int JWKS_SIZE_LIMIT = 256 * 1024;
    private static final String CHALLENGE = "WWW-Authenticate";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String audience;
    private final Set<String> subjects;
    private final Map<String, Object> requiredClaims;

    /**
     * @param jwksUrl where the issuer publishes its signing keys
     * @param issuer the exact {@code iss} expected
     * @param audience the {@code aud} value expected
     * @param subjects the {@code sub} values allowed; empty allows any
     * @param requiredClaims claims that must be present with exactly these values (for example
     *     Pub/Sub's {@code email} and {@code email_verified})
     */
    public JwtBearerAuthenticator(
            URL jwksUrl, String issuer, String audience, Set<String> subjects, Map<String, Object> requiredClaims) {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUrl, new NoRedirectRetriever())
                .retrying(false)
                .refreshAheadCache(false)
                .build();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        DefaultJWTClaimsVerifier<SecurityContext> lifetime = new DefaultJWTClaimsVerifier<>(null, Set.of("exp"));
        lifetime.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(lifetime);
        this.issuer = issuer;
        this.audience = audience;
        this.subjects = Set.copyOf(subjects);
        this.requiredClaims = Map.copyOf(requiredClaims);
    }

    @Override
    public Optional<PushDecision.Respond> refusal(PushRequest request) {
        Optional<String> token = BearerCredentials.token(request);
        if (token.isEmpty()) {
            return Optional.of(
                    answer(401, Map.of(CHALLENGE, "Bearer"), "missing bearer token in the Authorization header"));
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token.get(), null);
        } catch (ParseException e) {
            return Optional.of(invalidToken("the bearer token is not a JWT"));
        } catch (BadJOSEException e) {
            return Optional.of(invalidToken("the bearer token was rejected: " + e.getMessage()));
        } catch (KeySourceException e) {
            return Optional.of(answer(
                    503,
                    Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)),
                    "cannot get the token signing keys from jwksUrl; retry later"));
        } catch (JOSEException e) {
            return Optional.of(invalidToken("the bearer token cannot be verified: " + e.getMessage()));
        }
        return authorize(claims);
    }

    private Optional<PushDecision.Respond> authorize(JWTClaimsSet claims) {
        if (!issuer.equals(claims.getIssuer())) {
            return Optional.of(invalidToken("the bearer token's issuer (iss) is not the source's issuer"));
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            return forbidden("the bearer token's audience (aud) is not the source's audience");
        }
        if (!subjects.isEmpty() && (claims.getSubject() == null || !subjects.contains(claims.getSubject()))) {
            return forbidden("the bearer token's subject (sub) is not listed in the source's subjects");
        }
        for (Map.Entry<String, Object> required : requiredClaims.entrySet()) {
            if (!Objects.equals(required.getValue(), claims.getClaim(required.getKey()))) {
                return forbidden("the bearer token's claim '" + required.getKey() + "' is not the source's");
            }
        }
        return Optional.empty();
    }

    private static Optional<PushDecision.Respond> forbidden(String message) {
        return Optional.of(PushDecision.Respond.error(403, message));
    }

    private static PushDecision.Respond invalidToken(String message) {
        return answer(401, Map.of(CHALLENGE, "Bearer error=\"invalid_token\""), message);
    }

    private static PushDecision.Respond answer(int status, Map<String, String> extraHeaders, String message) {
        Map<String, String> headers =
                new HashMap<>(PushDecision.Respond.error(status, message).headers());
        headers.putAll(extraHeaders);
        return new PushDecision.Respond(status, Map.copyOf(headers), message);
    }

    /** Fetches the JWKS with bounded time and size, and refuses to follow redirects (a 3xx fails the fetch). */
    private static final class NoRedirectRetriever extends DefaultResourceRetriever {

        NoRedirectRetriever() {
            super(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT);
        }

        @Override
        protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
            HttpURLConnection connection = super.openHTTPConnection(url);
            connection.setInstanceFollowRedirects(false);
            return connection;
        }
    }
}
