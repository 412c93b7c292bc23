package dev.tributary.adapters.gcp.pubsub;

import static dev.tributary.adapters.gcp.pubsub.TestTokens.AUDIENCE;
import static dev.tributary.adapters.gcp.pubsub.TestTokens.SERVICE_ACCOUNT;
import static dev.tributary.adapters.gcp.pubsub.TestTokens.bearer;
import static dev.tributary.adapters.gcp.pubsub.TestTokens.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import dev.tributary.core.auth.JwksServer;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import dev.tributary.core.source.PushSource;
import dev.tributary.core.testing.GoldenFiles;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OIDC-authenticated pushes: tokens signed by a test key whose JWKS a local server publishes. */
class PubsubPushSourceIT {

    private static final byte[] PUSH_BODY = GoldenFiles.input("golden/gcp", "pubsub-push");
    private static final RSAKey KEY = TestTokens.newKey("key-1");

    private JwksServer jwks;
    private PushSource source;

    @BeforeEach
    void start() throws IOException {
        jwks = new JwksServer(KEY);
        source = source(jwks.url().toString());
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void routesAPushWithAValidToken() {
        PushDecision.Route route = assertInstanceOf(PushDecision.Route.class, push(bearer(KEY, claims().build())));
        assertEquals(204, route.successStatus());
        assertEquals(1, route.events().size());
        assertEquals("2070443601311540", route.events().get(0).getId());
    }

    @Test
    void refusesATokenForAnotherAudience() {
        assertRefused(
                403,
                bearer(
                        KEY,
                        claims().audience("https://elsewhere.example.com/push").build()));
    }

    @Test
    void refusesATokenOfAnotherServiceAccount() {
        assertRefused(
                403,
                bearer(
                        KEY,
                        claims().claim("email", "intruder@other-project.iam.gserviceaccount.com")
                                .build()));
    }

    @Test
    void refusesAnUnverifiedOrUnstatedEmail() {
        assertRefused(403, bearer(KEY, claims().claim("email_verified", false).build()));
        assertRefused(403, bearer(KEY, claims().claim("email_verified", null).build()));
        assertRefused(403, bearer(KEY, claims().claim("email_verified", "true").build()));
    }

    @Test
    void refusesAnExpiredTokenButToleratesFiveMinutesOfSkew() {
        assertRefused(
                401,
                bearer(KEY, claims().expirationTime(ago(Duration.ofMinutes(6))).build()));
        assertInstanceOf(
                PushDecision.Route.class,
                push(bearer(
                        KEY, claims().expirationTime(ago(Duration.ofMinutes(4))).build())));
    }

    @Test
    void refusesABadSignature() {
        RSAKey impostor = TestTokens.newKey(KEY.getKeyID());
        assertRefused(401, bearer(impostor, claims().build()));
    }

    @Test
    void refusesAMissingOrMalformedHeader() {
        PushDecision.Respond missing = assertRefused(401, null);
        assertEquals("Bearer", missing.headers().get("WWW-Authenticate"));
        assertRefused(401, "Basic dXNlcjpwYXNz");
        assertRefused(401, "Bearer not-a-jwt");
        assertRefused(401, "Bearer ");
    }

    @Test
    void refusesAnotherIssuerAnotherAlgorithmAndMissingClaims() {
        assertRefused(
                401, bearer(KEY, claims().issuer("https://issuer.example.com").build()));
        assertRefused(401, TestTokens.bearerHs256(KEY.getKeyID(), claims().build()));
        assertRefused(401, bearer(KEY, claims().expirationTime(null).build()));
    }

    @Test
    void cachesTheKeysAndFetchesThemAgainForAnUnknownKeyId() {
        push(bearer(KEY, claims().build()));
        push(bearer(KEY, claims().build()));
        assertEquals(1, jwks.fetches());

        RSAKey rotated = TestTokens.newKey("key-2");
        jwks.publish(KEY, rotated);
        assertInstanceOf(PushDecision.Route.class, push(bearer(rotated, claims().build())));
        assertEquals(2, jwks.fetches());
    }

    @Test
    void answers503WhenTheKeysCannotBeFetched() {
        String url = jwks.url().toString();
        jwks.close();
        PushSource unreachable = source(url);
        PushDecision.Respond respond = assertInstanceOf(
                PushDecision.Respond.class,
                unreachable.accept(request("POST", bearer(KEY, claims().build()), PUSH_BODY)));
        assertEquals(503, respond.status());
    }

    @Test
    void authenticatesBeforeLookingAtTheBody() {
        assertEquals(401, ((PushDecision.Respond) source.accept(request("POST", null, "garbage".getBytes()))).status());
        PushDecision.Respond bad = assertInstanceOf(
                PushDecision.Respond.class,
                source.accept(
                        request("POST", bearer(KEY, claims().build()), "{\"message\":{\"data\":\"@@\"}}".getBytes())));
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("message.data"), bad.body());
    }

    @Test
    void acceptsOnlyPost() {
        assertEquals(
                405,
                ((PushDecision.Respond) source.accept(request("GET", bearer(KEY, claims().build()), new byte[0])))
                        .status());
    }

    @Test
    void routesUnauthenticatedPushesWithAuthNone() {
        PushSource open = (PushSource) new PubsubPushSourceProvider()
                .create(
                        TestSources.config(
                                "gcp-pubsub-push",
                                Map.of("topic", "projects/demo-project/topics/orders", "auth", "none")),
                        TestSources.context(null));
        assertInstanceOf(PushDecision.Route.class, open.accept(request("POST", null, PUSH_BODY)));
    }

    private PushSource source(String jwksUrl) {
        return (PushSource) new PubsubPushSourceProvider()
                .create(
                        TestSources.config(
                                "gcp-pubsub-push",
                                Map.of(
                                        "topic", "projects/demo-project/topics/orders",
                                        "audience", AUDIENCE,
                                        "serviceAccount", SERVICE_ACCOUNT,
                                        "jwksUrl", jwksUrl)),
                        TestSources.context(null));
    }

    private PushDecision push(String authorization) {
        return source.accept(request("POST", authorization, PUSH_BODY));
    }

    private PushDecision.Respond assertRefused(int status, String authorization) {
        PushDecision decision = push(authorization);
        PushDecision.Respond respond = assertInstanceOf(PushDecision.Respond.class, decision, "must not be routed");
        assertEquals(status, respond.status(), respond.body());
        return respond;
    }

    private static PushRequest request(String method, String authorization, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return new PushRequest(method, new InboundPayload(headers, body), Map.of());
    }

    private static Date ago(Duration duration) {
        return Date.from(Instant.now().minus(duration));
    }
}
