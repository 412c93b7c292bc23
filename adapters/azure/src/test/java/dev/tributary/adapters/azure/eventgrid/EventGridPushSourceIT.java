package dev.tributary.adapters.azure.eventgrid;

import static dev.tributary.adapters.azure.eventgrid.TestRequests.golden;
import static dev.tributary.adapters.azure.eventgrid.TestRequests.logsOf;
import static dev.tributary.adapters.azure.eventgrid.TestRequests.options;
import static dev.tributary.adapters.azure.eventgrid.TestRequests.post;
import static dev.tributary.adapters.azure.eventgrid.TestRequests.request;
import static dev.tributary.adapters.azure.eventgrid.TestRequests.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.tributary.core.auth.JwksServer;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EventGridPushSourceIT {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final Map<String, String> CODE = Map.of("code", "s3cret");
    private static final String ORIGIN = "eventgrid.azure.net";
    private static final Map<String, String> HANDSHAKE = Map.of("WebHook-Request-Origin", ORIGIN);

    private final PushSource secured = source(Map.of("secret", "s3cret"));

    @Nested
    class ValidationHandshake {

        @Test
        void answersTheValidationCodeAsJson() throws Exception {
            PushDecision.Respond answer = assertInstanceOf(
                    PushDecision.Respond.class,
                    secured.accept(post(
                            golden("eventgrid-subscription-validation"),
                            Map.of("Content-Type", "application/json", "aeg-event-type", "SubscriptionValidation"),
                            CODE)));
            assertEquals(200, answer.status());
            assertEquals("application/json", answer.headers().get("Content-Type"));
            assertEquals(
                    Map.of("validationResponse", "512d38b6-c7b8-40c8-89fe-f46f9e9622b6"),
                    new ObjectMapper().readValue(answer.body(), Map.class));
        }

        @Test
        void logsTheValidationUrlWithoutFetchingIt() {
            String body = "[{\"id\":\"v\",\"topic\":\"/t\",\"subject\":\"\",\"eventTime\":\"2026-03-14T09:26:00Z\","
                    + "\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\",\"dataVersion\":\"1\","
                    + "\"data\":{\"validationCode\":\"c0de\","
                    + "\"validationUrl\":\"https://127.0.0.1:9/validate?token=t\\nFAKE LOG LINE\"}}]";
            List<ILoggingEvent> logged = logsOf(
                    EventGridPushSource.class,
                    () -> assertEquals(
                            200,
                            respond(secured.accept(post(body.getBytes(StandardCharsets.UTF_8), JSON, CODE)))
                                    .status()));
            String line = logged.get(0).getFormattedMessage();
            assertTrue(line.contains("https://127.0.0.1:9/validate?token=t?FAKE LOG LINE"), line);
            assertFalse(line.contains("s3cret"), line);
        }

        @Test
        void recognisesTheValidationEventWithoutTheHeader() {
            PushDecision decision = secured.accept(post(golden("eventgrid-subscription-validation"), JSON, CODE));
            assertEquals(
                    200, assertInstanceOf(PushDecision.Respond.class, decision).status());
            assertTrue(((PushDecision.Respond) decision).body().contains("512d38b6-c7b8-40c8-89fe-f46f9e9622b6"));
        }

        @Test
        void requiresTheSecretToo() {
            PushDecision decision = secured.accept(post(golden("eventgrid-subscription-validation"), JSON, Map.of()));
            assertEquals(
                    401, assertInstanceOf(PushDecision.Respond.class, decision).status());
        }
    }

    @Nested
    class WebHookOptionsHandshake {

        @Test
        void grantsTheRequestedOriginAndRate() {
            PushDecision.Respond answer = respond(secured.accept(
                    options(Map.of("WebHook-Request-Origin", ORIGIN, "WebHook-Request-Rate", "120"), CODE)));
            assertEquals(200, answer.status());
            assertEquals(ORIGIN, answer.headers().get("WebHook-Allowed-Origin"));
            assertEquals("120", answer.headers().get("WebHook-Allowed-Rate"));
            assertTrue(answer.headers().get("Allow").contains("POST"));
        }

        @Test
        void grantsNoRateWhenNoneWasRequested() {
            PushDecision.Respond answer = respond(secured.accept(options(HANDSHAKE, CODE)));
            assertEquals(200, answer.status());
            assertEquals(ORIGIN, answer.headers().get("WebHook-Allowed-Origin"));
            assertFalse(answer.headers().containsKey("WebHook-Allowed-Rate"));
        }

        @Test
        void echoesTheOriginOfAnyCloud() {
            PushDecision.Respond answer =
                    respond(secured.accept(options(Map.of("WebHook-Request-Origin", "eventgrid.azure.us"), CODE)));
            assertEquals("eventgrid.azure.us", answer.headers().get("WebHook-Allowed-Origin"));
        }

        @Test
        void refusesOriginsOutsideAllowedOrigins() {
            PushSource restricted =
                    source(Map.of("secret", "s3cret", "allowedOrigins", List.of("EventGrid.Azure.net")));
            assertEquals(
                    200, respond(restricted.accept(options(HANDSHAKE, CODE))).status());
            PushDecision.Respond refused =
                    respond(restricted.accept(options(Map.of("WebHook-Request-Origin", "attacker.example"), CODE)));
            assertEquals(403, refused.status());
            assertFalse(refused.headers().containsKey("WebHook-Allowed-Origin"));
            assertTrue(refused.body().contains("attacker.example"), refused.body());
        }

        @Test
        void refusesAHandshakeWithoutOriginOrWithABadRate() {
            PushDecision.Respond noOrigin = respond(secured.accept(options(Map.of(), CODE)));
            assertEquals(400, noOrigin.status());
            assertTrue(noOrigin.body().contains("WebHook-Request-Origin"), noOrigin.body());
            PushDecision.Respond badRate = respond(secured.accept(
                    options(Map.of("WebHook-Request-Origin", ORIGIN, "WebHook-Request-Rate", "fast"), CODE)));
            assertEquals(400, badRate.status());
            assertTrue(badRate.body().contains("WebHook-Request-Rate"), badRate.body());
        }

        @Test
        void requiresTheSecretToo() {
            assertEquals(
                    401, respond(secured.accept(options(HANDSHAKE, Map.of()))).status());
        }
    }

    @Nested
    class SharedSecret {

        @Test
        void missingSecretIs401() {
            PushDecision.Respond answer =
                    respond(secured.accept(post(golden("eventgrid-blob-created"), JSON, Map.of())));
            assertEquals(401, answer.status());
            assertTrue(answer.body().contains("'code'"), answer.body());
        }

        @Test
        void wrongSecretIs403AndIsNotEchoed() {
            PushDecision.Respond answer =
                    respond(secured.accept(post(golden("eventgrid-blob-created"), JSON, Map.of("code", "guess-123"))));
            assertEquals(403, answer.status());
            assertFalse(answer.body().contains("guess-123") || answer.body().contains("s3cret"), answer.body());
        }

        @Test
        void rightSecretRoutesTheEvents() {
            PushDecision.Route route = assertInstanceOf(
                    PushDecision.Route.class, secured.accept(post(golden("eventgrid-blob-created"), JSON, CODE)));
            assertEquals(200, route.successStatus());
            assertEquals(
                    List.of("831e1650-001e-001b-66ab-eeb76e069631"),
                    route.events().stream().map(event -> event.getId()).toList());
        }

        @Test
        void customSecretParameterReplacesCode() {
            PushSource custom = source(Map.of("secret", "s3cret", "secretParameter", "token"));
            assertEquals(
                    401,
                    respond(custom.accept(post(golden("eventgrid-blob-created"), JSON, CODE)))
                            .status());
            assertInstanceOf(
                    PushDecision.Route.class,
                    custom.accept(post(golden("eventgrid-blob-created"), JSON, Map.of("token", "s3cret"))));
        }
    }

    @Nested
    class SecretAndToken {

        private static final String ISSUER = "https://login.microsoftonline.com/tenant/v2.0";
        private static final String AUDIENCE = "api://gateway";

        @Test
        void bothAreRequiredWhenBothAreConfigured() throws Exception {
            RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
            try (JwksServer jwks = new JwksServer(key)) {
                PushSource both = source(Map.of(
                        "secret", "s3cret", "jwksUrl", jwks.url().toString(), "issuer", ISSUER, "audience", AUDIENCE));
                Instant now = Instant.now();
                String token = JwksServer.sign(
                        key,
                        new JWTClaimsSet.Builder()
                                .issuer(ISSUER)
                                .audience(AUDIENCE)
                                .expirationTime(Date.from(now.plusSeconds(600)))
                                .build());
                Map<String, String> authorized =
                        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token);
                byte[] body = golden("eventgrid-blob-created");
                assertEquals(
                        401,
                        respond(both.accept(post(body, authorized, Map.of()))).status());
                assertEquals(401, respond(both.accept(post(body, JSON, CODE))).status());
                assertInstanceOf(PushDecision.Route.class, both.accept(post(body, authorized, CODE)));
            }
        }
    }

    @Nested
    class Deliveries {

        @Test
        void bodiesOverOneMegabyteAre413() {
            PushDecision.Respond answer =
                    respond(secured.accept(post(paddedArray(EventGridPushSource.MAX_BODY_BYTES + 1), JSON, CODE)));
            assertEquals(413, answer.status());
            assertTrue(answer.body().contains(Integer.toString(EventGridPushSource.MAX_BODY_BYTES)), answer.body());
        }

        @Test
        void aBodyOfExactlyOneMegabyteIsAccepted() {
            PushDecision decision = secured.accept(post(paddedArray(EventGridPushSource.MAX_BODY_BYTES), JSON, CODE));
            assertEquals(
                    List.of(),
                    assertInstanceOf(PushDecision.Route.class, decision).events());
        }

        @Test
        void cloudEventsSchemaPassesThrough() {
            PushDecision.Route route = assertInstanceOf(
                    PushDecision.Route.class,
                    secured.accept(post(
                            golden("cloudevents-blob-created"),
                            Map.of("Content-Type", "application/cloudevents+json; charset=utf-8"),
                            CODE)));
            assertEquals(
                    "9aeb0fdf-c01e-0131-0922-9eb54906e209",
                    route.events().get(0).getId());
            assertEquals(200, route.successStatus());
        }

        @Test
        void malformedInputIs400NamingTheField() {
            PushDecision.Respond answer =
                    respond(secured.accept(post(golden("fail_eventgrid-missing-topic"), JSON, CODE)));
            assertEquals(400, answer.status());
            assertTrue(answer.body().contains("event[1]: required field 'topic' is missing"), answer.body());
        }

        @Test
        void unreadableContentTypeIs415() {
            assertEquals(
                    415,
                    respond(secured.accept(post(
                                    golden("eventgrid-blob-created"), Map.of("Content-Type", "application/xml"), CODE)))
                            .status());
        }

        @Test
        void otherMethodsAre405() {
            PushDecision.Respond answer = respond(secured.accept(request("GET", new byte[0], Map.of(), CODE)));
            assertEquals(405, answer.status());
            assertTrue(answer.headers().get("Allow").contains("POST"));
        }
    }

    /** {@code [}, spaces, {@code ]}: a valid empty batch of exactly {@code size} bytes. */
    private static byte[] paddedArray(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[size - 1] = ']';
        return body;
    }

    private static PushDecision.Respond respond(PushDecision decision) {
        return assertInstanceOf(PushDecision.Respond.class, decision);
    }
}
