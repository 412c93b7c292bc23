package dev.tributary.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedSecretAuthenticatorTest {

    private static final String SECRET = "correct horse battery staple";

    private static PushRequest request(Map<String, String> headers, Map<String, List<String>> query) {
        return new PushRequest("POST", new InboundPayload(headers, new byte[0]), query);
    }

    @Test
    void acceptsTheSecretAsABearerValue() {
        SharedSecretAuthenticator check = new SharedSecretAuthenticator(Optional.empty(), SECRET, true);
        assertEquals(Optional.empty(), check.refusal(request(Map.of("Authorization", "Bearer " + SECRET), Map.of())));
        assertEquals(Optional.empty(), check.refusal(request(Map.of("Authorization", "bearer  " + SECRET), Map.of())));
    }

    @Test
    void missingIs401WithAChallengeAndWrongIs403WithoutEchoingAnything() {
        SharedSecretAuthenticator check = new SharedSecretAuthenticator(Optional.empty(), SECRET, true);
        PushDecision.Respond missing =
                check.refusal(request(Map.of(), Map.of())).orElseThrow();
        assertEquals(401, missing.status());
        assertEquals("Bearer", missing.headers().get("WWW-Authenticate"));
        assertEquals(
                401,
                check.refusal(request(Map.of("Authorization", "Basic " + SECRET), Map.of()))
                        .orElseThrow()
                        .status());
        PushDecision.Respond wrong = check.refusal(request(Map.of("Authorization", "Bearer guess"), Map.of()))
                .orElseThrow();
        assertEquals(403, wrong.status());
        assertFalse(wrong.body().contains("guess") || wrong.body().contains(SECRET), wrong.body());
        assertEquals(
                403,
                check.refusal(request(Map.of("Authorization", "Bearer " + SECRET + "x"), Map.of()))
                        .orElseThrow()
                        .status());
        assertEquals(
                401,
                check.refusal(request(Map.of(), Map.of("code", List.of(SECRET))))
                        .orElseThrow()
                        .status(),
                "without a configured parameter the query is not read");
    }

    @Test
    void aConfiguredQueryParameterIsReadFirst() {
        SharedSecretAuthenticator check = new SharedSecretAuthenticator(Optional.of("code"), SECRET, true);
        assertEquals(Optional.empty(), check.refusal(request(Map.of(), Map.of("code", List.of(SECRET)))));
        assertEquals(
                403,
                check.refusal(request(Map.of("Authorization", "Bearer " + SECRET), Map.of("code", List.of("wrong"))))
                        .orElseThrow()
                        .status());
        assertEquals(Optional.empty(), check.refusal(request(Map.of("Authorization", "Bearer " + SECRET), Map.of())));
    }

    @Test
    void besideABearerTokenOnlyTheQueryParameterIsRead() {
        SharedSecretAuthenticator check = new SharedSecretAuthenticator(Optional.of("code"), SECRET, false);
        PushDecision.Respond missing = check.refusal(request(Map.of("Authorization", "Bearer " + SECRET), Map.of()))
                .orElseThrow();
        assertEquals(401, missing.status());
        assertEquals("missing the source's secret: send query parameter 'code'", missing.body());
        assertEquals(
                Optional.empty(),
                check.refusal(request(Map.of("Authorization", "Bearer eyJ.token"), Map.of("code", List.of(SECRET)))));
    }
}
