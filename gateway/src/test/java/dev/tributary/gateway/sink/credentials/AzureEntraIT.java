package dev.tributary.gateway.sink.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import dev.tributary.core.auth.JwksServer;
import dev.tributary.core.auth.JwtBearerAuthenticator;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.source.PushRequest;
import dev.tributary.core.testing.LoopbackHttps;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auth: {type: azure-entra}} through azure-identity against a local Entra ID token endpoint
 * (over TLS, as MSAL requires) that checks the client credentials grant as Entra does and answers an
 * access token signed by a test key; the token is verified as an Entra-protected API verifies it
 * (signature, issuer, audience) and fetched once for many requests.
 */
class AzureEntraIT {

    private static final String TENANT = "00000000-0000-0000-0000-000000000001";
    private static final String CLIENT_ID = "11111111-1111-1111-1111-111111111111";
    private static final String CLIENT_SECRET = "client-secret-value";
    private static final String SCOPE = "api://tributary-sink/.default";
    private static final String AUDIENCE = "api://tributary-sink";
    private static final String ISSUER = "https://login.microsoftonline.com/" + TENANT + "/v2.0";

    @TempDir
    Path dir;

    @Test
    void accessTokensComeFromTheTokenEndpointOnceAndVerifyAsAnEntraProtectedApiChecksThem() throws Exception {
        RSAKey entraKey = new RSAKeyGenerator(2048).keyID("entra-1").generate();
        AtomicInteger issued = new AtomicInteger();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        try (JwksServer entraKeys = new JwksServer(entraKey);
                LoopbackHttps entra =
                        new LoopbackHttps(dir, exchange -> token(exchange, entraKey, issued, unexpected))) {
            ClientSecretCredential credential = new ClientSecretCredentialBuilder()
                    .tenantId(TENANT)
                    .clientId(CLIENT_ID)
                    .clientSecret(CLIENT_SECRET)
                    .authorityHost(entra.baseUrl())
                    .disableInstanceDiscovery()
                    .httpClient(new JdkHttpClientBuilder(
                                    java.net.http.HttpClient.newBuilder().sslContext(entra.context()))
                            .build())
                    .build();
            Credentials credentials = new SinkCredentials(
                            () -> {
                                throw new IOException("no Google credentials in this test");
                            },
                            () -> credential)
                    .of(new SinkConfig(
                            "azure-entra",
                            "http",
                            Options.of(Map.of(
                                    "url",
                                    "https://api.example.com/",
                                    "auth",
                                    Map.of("type", "azure-entra", "scope", SCOPE)))));
            JwtBearerAuthenticator api =
                    new JwtBearerAuthenticator(entraKeys.url(), ISSUER, AUDIENCE, Set.of(), Map.of());
            for (int request = 0; request < 3; request++) {
                HttpHeaders headers = new DefaultHttpHeaders();
                credentials
                        .apply(URI.create("https://api.example.com/"), "POST", headers, new byte[0])
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                String authorization = headers.get("Authorization");
                assertTrue(authorization != null && authorization.startsWith("Bearer "), String.valueOf(authorization));
                assertEquals(
                        Optional.empty(),
                        api.refusal(new PushRequest(
                                "POST",
                                new InboundPayload(Map.of("Authorization", authorization), new byte[0]),
                                Map.of())));
            }
            assertEquals(List.of(), unexpected, "requests the test endpoint did not expect");
            assertEquals(1, issued.get(), "the access token is cached, not fetched per request");
        }
    }

    /** Entra's v2 token endpoint for the client credentials grant, checking what Entra checks. */
    private static void token(HttpExchange exchange, RSAKey key, AtomicInteger issued, List<String> unexpected)
            throws IOException {
        String path = exchange.getRequestURI().getPath();
        int status = 400;
        String body = "{\"error\":\"invalid_client\"}";
        if (exchange.getRequestMethod().equals("POST") && path.equals("/" + TENANT + "/oauth2/v2.0/token")) {
            Map<String, String> form = TokenEndpoint.form(exchange);
            if ("client_credentials".equals(form.get("grant_type"))
                    && CLIENT_ID.equals(form.get("client_id"))
                    && CLIENT_SECRET.equals(form.get("client_secret"))
                    && form.getOrDefault("scope", "").contains(SCOPE)) {
                issued.incrementAndGet();
                Instant now = Instant.now();
                try {
                    String token = JwksServer.sign(
                            key,
                            new JWTClaimsSet.Builder()
                                    .issuer(ISSUER)
                                    .audience(AUDIENCE)
                                    .subject(CLIENT_ID)
                                    .claim("azp", CLIENT_ID)
                                    .issueTime(Date.from(now))
                                    .expirationTime(Date.from(now.plusSeconds(3600)))
                                    .build());
                    status = 200;
                    body = "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
                            + token + "\"}";
                } catch (com.nimbusds.jose.JOSEException e) {
                    status = 500;
                }
            }
        } else {
            unexpected.add(exchange.getRequestMethod() + " " + path);
            status = 404;
            body = "{}";
        }
        TokenEndpoint.answer(exchange, status, body);
    }
}
