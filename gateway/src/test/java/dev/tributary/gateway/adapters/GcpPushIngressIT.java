package dev.tributary.gateway.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.JwtIssuer;
import dev.tributary.gateway.testing.RecordingSink;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Cloud Storage notification pushed by Pub/Sub with an OIDC token, through the whole gateway:
 * verified, decoded, turned into a neutral storage event for the route, delivered.
 */
class GcpPushIngressIT {

    private static final String AUDIENCE = "https://gateway.example.com/sources/gcs";
    private static final String SERVICE_ACCOUNT = "pubsub-push@demo-project.iam.gserviceaccount.com";
    private static final String ISSUER = "https://accounts.google.com";

    private static JwtIssuer issuer;
    private static RecordingSink sink;
    private static GatewayUnderTest gateway;
    private static String body;

    @BeforeAll
    static void start() throws Exception {
        issuer = new JwtIssuer();
        sink = new RecordingSink();
        gateway = new GatewayUnderTest("""
                apiVersion: tributary.dev/v1
                sources:
                  gcs:
                    type: gcp-pubsub-push
                    topic: projects/demo-project/topics/uploads
                    audience: %s
                    serviceAccount: %s
                    jwksUrl: %s
                sinks:
                  thumbnailer: { type: http, url: SINK/thumbnailer }
                routes:
                  - name: images
                    from: [gcs]
                    storageEvents: neutral
                    filters: [ { exact: { type: dev.tributary.storage.object.created } } ]
                    to: [thumbnailer]
                """.formatted(AUDIENCE, SERVICE_ACCOUNT, issuer.jwksUrl()), sink);
        try (InputStream in = GcpPushIngressIT.class.getResourceAsStream("/fixtures/gcs-object-finalized-push.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() {
        gateway.close();
        sink.close();
        issuer.close();
    }

    @Test
    void aVerifiedPushBecomesANeutralStorageEventAtTheSink() throws Exception {
        HttpResponse<String> response = gateway.post(
                "/sources/gcs",
                body,
                "Content-Type",
                "application/json",
                "Authorization",
                issuer.bearer(claims(SERVICE_ACCOUNT).build()));

        assertEquals(204, response.statusCode(), response.body());
        RecordingSink.Request delivered = sink.next("/thumbnailer", 10);
        assertEquals("dev.tributary.storage.object.created", delivered.header("ce-type"));
        assertEquals("gs://demo-uploads", delivered.header("ce-source"));
        assertEquals("images/sunset.jpg", delivered.header("ce-subject"));
        assertEquals("2070443601399999", delivered.header("ce-id"));
        assertEquals("gcp", delivered.header("ce-provider"));
        JsonNode data = new ObjectMapper().readTree(delivered.body());
        assertEquals("demo-uploads", data.get("bucket").asText());
        assertEquals("images/sunset.jpg", data.get("key").asText());
        assertEquals(91234, data.get("size").asLong());
    }

    @Test
    void someoneElsesTokenIsRefusedAndNothingIsRouted() throws Exception {
        HttpResponse<String> response = gateway.post(
                "/sources/gcs",
                body,
                "Content-Type",
                "application/json",
                "Authorization",
                issuer.bearer(
                        claims("attacker@evil-project.iam.gserviceaccount.com").build()));
        assertEquals(403, response.statusCode());

        HttpResponse<String> anonymous = gateway.post("/sources/gcs", body, "Content-Type", "application/json");
        assertEquals(401, anonymous.statusCode());
        Thread.sleep(200);
        assertEquals(0, sink.pending("/thumbnailer"));
    }

    private static JWTClaimsSet.Builder claims(String email) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("1234567890")
                .claim("email", email)
                .claim("email_verified", true)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }
}
