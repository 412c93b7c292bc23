package dev.tributary.adapters.azure.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import java.net.URL;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the Microsoft Entra ID bearer token that Event Grid sends in {@code Authorization} when
 * the event subscription is configured for Entra authentication.
 *
 * <p>The token must be an RS256 JWS signed by a key of the configured JWKS, carry {@code exp},
 * be within its {@code exp}/{@code nbf} window give or take {@value #MAX_CLOCK_SKEW_SECONDS}
 * seconds, and name the configured issuer ({@code iss}, exact match) and audience (one of
 * {@code aud}). Answers:
 * <ul>
 *   <li>401 with {@code WWW-Authenticate: Bearer} when no bearer token is sent, and with
 *       {@code error="invalid_token"} when it is malformed, not RS256, badly signed, signed by a key
 *       absent from the key set, expired or not yet valid;</li>
 *   <li>403 when a valid token names another issuer or audience;</li>
 *   <li>503 with {@code Retry-After} when the key set cannot be fetched (JWKS endpoint unreachable
 *       or failing), so that Event Grid retries instead of dropping the delivery.</li>
 * </ul>
 *
 * <p>Keys are fetched with nimbus-jose-jwt's {@link JWKSourceBuilder} defaults: cached for five
 * minutes, refreshed when a token names an unknown key id (at most once every 30 seconds, so forged
 * key ids cannot flood the JWKS endpoint), with 500 ms connect and read timeouts. That fetch is the
 * only blocking I/O of {@link #refusal}. Thread-safe; tokens are never logged or echoed.
 */
public final class BearerTokenAuthenticator implements RequestAuthenticator {

    /** The largest clock difference tolerated on {@code exp} and {@code nbf}: {@value} seconds. */
    public static final int MAX_CLOCK_SKEW_SECONDS = 300;
    static final int RETRY_AFTER_SECONDS = 30;
    private static final String BEARER = "bearer ";
    private static final String CHALLENGE = "WWW-Authenticate";

    private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String audience;

    /**
     * @param jwksUrl where the signing keys are published, e.g.
     *     {@code https://login.microsoftonline.com/TENANT/discovery/v2.0/keys}
     * @param issuer the exact {@code iss} expected
     * @param audience the {@code aud} value expected (the Entra application ID or URI)
     */
    public BearerTokenAuthenticator(URL jwksUrl, String issuer, String audience) {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUrl)
                .retrying(false)
                .refreshAheadCache(false)
                .build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> lifetime = new DefaultJWTClaimsVerifier<>(null, Set.of("exp"));
        lifetime.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(lifetime);
        this.issuer = issuer;
        this.audience = audience;
    }

    @Override
    public Optional<PushDecision.Respond> refusal(PushRequest request) {
        String authorization = request.payload().header("Authorization");
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return Optional.of(answer(401, Map.of(CHALLENGE, "Bearer"),
                    "missing bearer token in the Authorization header"));
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(authorization.substring(BEARER.length()).trim(), null);
        } catch (ParseException e) {
            return Optional.of(invalidToken("the bearer token is not a JWT"));
        } catch (BadJOSEException e) {
            return Optional.of(invalidToken("the bearer token was rejected: " + e.getMessage()));
        } catch (KeySourceException e) {
            return Optional.of(answer(503, Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)),
                    "cannot get the token signing keys from jwksUrl (" + e.getMessage() + "); retry later"));
        } catch (JOSEException e) {
            return Optional.of(invalidToken("the bearer token cannot be verified: " + e.getMessage()));
        }
        if (!issuer.equals(claims.getIssuer())) {
            return Optional.of(answer(403, Map.of(), "the bearer token's issuer (iss) is not the source's issuer"));
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            return Optional.of(answer(403, Map.of(), "the bearer token's audience (aud) is not the source's audience"));
        }
        return Optional.empty();
    }

    private static PushDecision.Respond invalidToken(String message) {
        return answer(401, Map.of(CHALLENGE, "Bearer error=\"invalid_token\""), message);
    }

    private static PushDecision.Respond answer(int status, Map<String, String> extraHeaders, String message) {
        Map<String, String> headers = new HashMap<>(PushDecision.Respond.error(status, message).headers());
        headers.putAll(extraHeaders);
        return new PushDecision.Respond(status, Map.copyOf(headers), message);
    }
}
