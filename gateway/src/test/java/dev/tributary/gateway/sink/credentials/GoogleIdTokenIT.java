package dev.tributary.gateway.sink.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.tributary.core.auth.JwksServer;
import dev.tributary.core.auth.JwtBearerAuthenticator;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.source.PushRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code auth: {type: google-id-token}} through google-auth-library against a local OAuth token
 * endpoint that checks the service account's signed assertion as Google's does and answers an ID
 * token signed by a test "Google" key; the token is then verified as Cloud Run verifies it
 * (signature from the JWKS, issuer, audience), and fetched once for many requests.
 */
class GoogleIdTokenIT {

    private static final String AUDIENCE = "https://fn-xyz.a.run.app";
    private static final String ISSUER = "https://accounts.google.com";
    private static final String ACCOUNT = "tributary@demo-project.iam.gserviceaccount.com";

    @Test
    void idTokensComeFromTheTokenEndpointOnceAndVerifyAsCloudRunChecksThem() throws Exception {
        RSAKey serviceAccountKey = new RSAKeyGenerator(2048).keyID("sa-key").generate();
        RSAKey googleKey = new RSAKeyGenerator(2048).keyID("google-1").generate();
        AtomicInteger issued = new AtomicInteger();
        HttpServer tokenEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        URI tokenUri =
                URI.create("http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token");
        tokenEndpoint.createContext("/token", exchange -> {
            int status = 400;
            String body = "{\"error\":\"invalid_grant\"}";
            try {
                Map<String, String> form = TokenEndpoint.form(exchange);
                SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
                JWTClaimsSet claims = assertion.getJWTClaimsSet();
                if ("urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))
                        && assertion.verify(new RSASSAVerifier(serviceAccountKey.toRSAPublicKey()))
                        && ACCOUNT.equals(claims.getIssuer())
                        && claims.getAudience().contains(tokenUri.toString())
                        && AUDIENCE.equals(claims.getStringClaim("target_audience"))) {
                    issued.incrementAndGet();
                    Instant now = Instant.now();
                    JWTClaimsSet idToken = new JWTClaimsSet.Builder()
                            .issuer(ISSUER)
                            .audience(AUDIENCE)
                            .subject("1234")
                            .claim("email", ACCOUNT)
                            .claim("email_verified", true)
                            .issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plusSeconds(3600)))
                            .build();
                    status = 200;
                    body = "{\"id_token\":\"" + JwksServer.sign(googleKey, idToken) + "\"}";
                }
            } catch (Exception e) {
                body = "{\"error\":\"invalid_request\"}";
            }
            TokenEndpoint.answer(exchange, status, body);
        });
        tokenEndpoint.start();
        try (JwksServer googleKeys = new JwksServer(googleKey)) {
            ServiceAccountCredentials account = ServiceAccountCredentials.newBuilder()
                    .setClientEmail(ACCOUNT)
                    .setPrivateKey(serviceAccountKey.toPrivateKey())
                    .setPrivateKeyId("sa-key")
                    .setTokenServerUri(tokenUri)
                    .setProjectId("demo-project")
                    .build();
            Credentials credentials = new SinkCredentials(() -> account, () -> {
                        throw new IllegalStateException("no Azure credentials in this test");
                    })
                    .of(new SinkConfig(
                            "cloud-run-fn",
                            "http",
                            Options.of(Map.of(
                                    "url",
                                    AUDIENCE + "/",
                                    "auth",
                                    Map.of("type", "google-id-token", "audience", AUDIENCE)))));
            JwtBearerAuthenticator cloudRun =
                    new JwtBearerAuthenticator(googleKeys.url(), ISSUER, AUDIENCE, Set.of(), Map.of("email", ACCOUNT));
            for (int request = 0; request < 3; request++) {
                HttpHeaders headers = new DefaultHttpHeaders();
                credentials
                        .apply(URI.create(AUDIENCE + "/"), "POST", headers, new byte[0])
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
                String authorization = headers.get("Authorization");
                assertTrue(authorization != null && authorization.startsWith("Bearer "), String.valueOf(authorization));
                assertEquals(
                        Optional.empty(),
                        cloudRun.refusal(new PushRequest(
                                "POST",
                                new InboundPayload(Map.of("Authorization", authorization), new byte[0]),
                                Map.of())));
                assertEquals(
                        JWSAlgorithm.RS256,
                        SignedJWT.parse(authorization.substring(7)).getHeader().getAlgorithm());
            }
            assertEquals(1, issued.get(), "the ID token is cached, not fetched per request");
        } finally {
            tokenEndpoint.stop(0);
        }
    }
}
