package dev.tributary.core.auth;

import static dev.tributary.core.auth.JwksServer.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtBearerAuthenticatorIT {

    private static final String ISSUER = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0";
    private static final String AUDIENCE = "api://tributary-gateway";

    private static RSAKey signingKey;
    private static RSAKey otherKey;
    private static JwksServer jwks;

    @BeforeAll
    static void keys() throws JOSEException {
        signingKey = new RSAKeyGenerator(2048).keyID("entra-1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("entra-1").generate();
        jwks = new JwksServer(signingKey);
    }

    @AfterAll
    static void stop() {
        jwks.close();
    }

    private final JwtBearerAuthenticator authenticator =
            new JwtBearerAuthenticator(jwks.url(), ISSUER, AUDIENCE, Set.of(), Map.of());

    @Test
    void acceptsAValidTokenAndCachesTheKeys() throws JOSEException {
        int before = jwks.fetches();
        assertEquals(Optional.empty(), authenticator.refusal(bearer(sign(signingKey, claims()))));
        assertEquals(Optional.empty(), authenticator.refusal(bearer(sign(signingKey, claims()))));
        assertEquals(before + 1, jwks.fetches(), "the key set is fetched once, then cached");
    }

    @Test
    void toleratesFiveMinutesOfClockSkew() throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet expiredRecently = claims(now.minus(Duration.ofMinutes(2)), now.minus(Duration.ofHours(1)));
        assertEquals(Optional.empty(), authenticator.refusal(bearer(sign(signingKey, expiredRecently))));
    }

    @Test
    void refusesAnExpiredToken() throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet expired = claims(now.minus(Duration.ofMinutes(10)), now.minus(Duration.ofHours(1)));
        assertInvalidToken(authenticator.refusal(bearer(sign(signingKey, expired))));
    }

    @Test
    void refusesATokenNotYetValid() throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet future = claims(now.plus(Duration.ofHours(2)), now.plus(Duration.ofMinutes(10)));
        assertInvalidToken(authenticator.refusal(bearer(sign(signingKey, future))));
    }

    @Test
    void refusesATokenWithoutExpiry() throws JOSEException {
        JWTClaimsSet noExpiry =
                new JWTClaimsSet.Builder(claims()).expirationTime(null).build();
        assertInvalidToken(authenticator.refusal(bearer(sign(signingKey, noExpiry))));
    }

    @Test
    void refusesABadSignature() throws JOSEException {
        assertInvalidToken(authenticator.refusal(bearer(sign(otherKey, claims()))));
    }

    @Test
    void refusesAnHmacTokenWhateverItsKey() throws JOSEException {
        SignedJWT hmac = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("entra-1").build(), claims());
        hmac.sign(new MACSigner(new byte[32]));
        assertInvalidToken(authenticator.refusal(bearer(hmac.serialize())));
    }

    @Test
    void refusesGarbage() {
        assertInvalidToken(authenticator.refusal(bearer("not-a-jwt")));
    }

    @Test
    void anotherIssuerIsAnInvalidTokenAndAnotherAudience403() throws JOSEException {
        JWTClaimsSet otherAudience = new JWTClaimsSet.Builder(claims())
                .audience("api://someone-else")
                .build();
        assertEquals(
                403,
                authenticator
                        .refusal(bearer(sign(signingKey, otherAudience)))
                        .orElseThrow()
                        .status());
        JWTClaimsSet otherIssuer = new JWTClaimsSet.Builder(claims())
                .issuer("https://sts.windows.net/other/")
                .build();
        assertInvalidToken(authenticator.refusal(bearer(sign(signingKey, otherIssuer))));
    }

    @Test
    void subjectsAllowListTheSubClaim() throws JOSEException {
        JwtBearerAuthenticator knative = new JwtBearerAuthenticator(
                jwks.url(), ISSUER, AUDIENCE, Set.of("system:serviceaccount:events:ping-source"), Map.of());
        JWTClaimsSet allowed = new JWTClaimsSet.Builder(claims())
                .subject("system:serviceaccount:events:ping-source")
                .build();
        assertEquals(Optional.empty(), knative.refusal(bearer(sign(signingKey, allowed))));
        PushDecision.Respond other =
                knative.refusal(bearer(sign(signingKey, claims()))).orElseThrow();
        assertEquals(403, other.status());
        assertTrue(other.body().contains("subjects"), other.body());
        JWTClaimsSet noSubject =
                new JWTClaimsSet.Builder(claims()).subject(null).build();
        assertEquals(
                403,
                knative.refusal(bearer(sign(signingKey, noSubject)))
                        .orElseThrow()
                        .status());
    }

    @Test
    void requiredClaimsMustMatchExactly() throws JOSEException {
        JwtBearerAuthenticator pubsub = new JwtBearerAuthenticator(
                jwks.url(),
                ISSUER,
                AUDIENCE,
                Set.of(),
                Map.of("email", "push@p.iam.gserviceaccount.com", "email_verified", Boolean.TRUE));
        JWTClaimsSet.Builder genuine =
                new JWTClaimsSet.Builder(claims()).claim("email", "push@p.iam.gserviceaccount.com");
        assertEquals(
                Optional.empty(),
                pubsub.refusal(bearer(
                        sign(signingKey, genuine.claim("email_verified", true).build()))));
        assertEquals(
                403,
                pubsub.refusal(bearer(sign(
                                signingKey,
                                genuine.claim("email_verified", "true").build())))
                        .orElseThrow()
                        .status());
    }

    @Test
    void aRedirectingKeySetIsNotFollowed() throws Exception {
        com.sun.net.httpserver.HttpServer redirect = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        redirect.createContext("/keys", exchange -> {
            exchange.getResponseHeaders().add("Location", jwks.url().toString());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirect.start();
        try {
            int before = jwks.fetches();
            JwtBearerAuthenticator redirected = new JwtBearerAuthenticator(
                    new URL("http://127.0.0.1:" + redirect.getAddress().getPort() + "/keys"),
                    ISSUER,
                    AUDIENCE,
                    Set.of(),
                    Map.of());
            assertEquals(
                    503,
                    redirected
                            .refusal(bearer(sign(signingKey, claims())))
                            .orElseThrow()
                            .status());
            assertEquals(before, jwks.fetches(), "the redirect target was fetched");
        } finally {
            redirect.stop(0);
        }
    }

    @Test
    void noBearerTokenIs401WithAChallenge() {
        PushDecision.Respond none = authenticator.refusal(request(Map.of())).orElseThrow();
        assertEquals(401, none.status());
        assertEquals("Bearer", none.headers().get("WWW-Authenticate"));
        assertEquals(
                401,
                authenticator
                        .refusal(request(Map.of("Authorization", "Basic dXNlcjpwYXNz")))
                        .orElseThrow()
                        .status());
    }

    @Test
    void unreachableKeysAreARetriable503() throws IOException, JOSEException {
        URL closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = new URL("http://127.0.0.1:" + socket.getLocalPort() + "/keys");
        }
        JwtBearerAuthenticator unreachable = new JwtBearerAuthenticator(closed, ISSUER, AUDIENCE, Set.of(), Map.of());
        for (int attempt = 1; attempt <= 2; attempt++) {
            PushDecision.Respond answer =
                    unreachable.refusal(bearer(sign(signingKey, claims()))).orElseThrow();
            assertEquals(503, answer.status(), "attempt " + attempt + ": " + answer.body());
            assertEquals(
                    Integer.toString(JwtBearerAuthenticator.RETRY_AFTER_SECONDS),
                    answer.headers().get("Retry-After"));
        }
    }

    @Test
    void anUnknownKeyIdIsAnInvalidToken() throws JOSEException {
        assertEquals(Optional.empty(), authenticator.refusal(bearer(sign(signingKey, claims()))));
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("entra-2").generate();
        assertInvalidToken(authenticator.refusal(bearer(sign(unknown, claims()))));
    }

    private static void assertInvalidToken(Optional<PushDecision.Respond> refusal) {
        PushDecision.Respond answer = refusal.orElseThrow(() -> new AssertionError("the token was accepted"));
        assertEquals(401, answer.status(), answer.body());
        assertEquals("Bearer error=\"invalid_token\"", answer.headers().get("WWW-Authenticate"));
        assertFalse(answer.body().contains("eyJ"), "the token must not be echoed: " + answer.body());
    }

    private static JWTClaimsSet claims() {
        Instant now = Instant.now();
        return claims(now.plus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(1)));
    }

    private static JWTClaimsSet claims(Instant expiry, Instant notBefore) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("eventgrid")
                .expirationTime(Date.from(expiry))
                .notBeforeTime(Date.from(notBefore))
                .issueTime(Date.from(notBefore))
                .build();
    }

    private static PushRequest bearer(String token) {
        return request(Map.of("Authorization", "Bearer " + token));
    }

    private static PushRequest request(Map<String, String> headers) {
        return new PushRequest("POST", new InboundPayload(headers, new byte[0]), Map.of());
    }
}
