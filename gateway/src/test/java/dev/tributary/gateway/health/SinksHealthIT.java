package dev.tributary.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A sink that keeps failing makes the gateway not ready, and readiness names it with its last
 * failure; its first success makes the gateway ready again. Liveness is not touched.
 */
class SinksHealthIT {

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              hooks: { type: cloudevents, auth: none }
            sinks:
              store: { type: http, url: SINK/store }
            routes:
              - name: all
                from: [hooks]
                to: [store]
                delivery: { retry: 1, backoffDelay: PT0.01S }
            """;

    @Test
    void aFailingSinkShowsInReadinessUntilItAnswersAgain() throws Exception {
        try (RecordingSink sink = new RecordingSink();
                GatewayUnderTest gateway = new GatewayUnderTest(MAPPINGS, sink)) {
            HttpResponse<String> idle = gateway.getManagement("/health/readiness");
            assertEquals(200, idle.statusCode(), idle.body());
            assertEquals(
                    "IDLE",
                    sinks(idle).path("details").path("store").path("state").asText(),
                    idle.body());

            for (int attempt = 0; attempt < SinksHealth.FAILING_AFTER + 1; attempt++) {
                sink.script("/store", Response.status(503));
            }
            for (int event = 0; event < 3; event++) {
                HttpResponse<String> pushed = gateway.pushEvent("hooks", "e" + event, "t", "{}");
                assertEquals(503, pushed.statusCode(), "two attempts answered 503: " + pushed.body());
            }
            HttpResponse<String> failing = gateway.getManagement("/health/readiness");
            assertEquals(503, failing.statusCode(), failing.body());
            JsonNode store = sinks(failing).path("details").path("store");
            assertEquals("DOWN", sinks(failing).path("status").asText(), failing.body());
            assertEquals("FAILING", store.path("state").asText(), failing.body());
            assertEquals(6, store.path("consecutiveFailures").asInt(), failing.body());
            assertEquals("answered 503", store.path("lastFailure").asText(), failing.body());
            assertEquals(200, gateway.getManagement("/health/liveness").statusCode(), "alive all the same");

            HttpResponse<String> recovered = gateway.pushEvent("hooks", "e-after", "t", "{}");
            assertEquals(202, recovered.statusCode(), recovered.body());
            HttpResponse<String> ready = gateway.getManagement("/health/readiness");
            assertEquals(200, ready.statusCode(), ready.body());
            assertEquals(
                    "DELIVERING",
                    sinks(ready).path("details").path("store").path("state").asText(),
                    ready.body());
        }
    }

    private static JsonNode sinks(HttpResponse<String> readiness) throws Exception {
        return new ObjectMapper().readTree(readiness.body()).path("details").path("sinks");
    }
}
