package dev.tributary.gateway.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayExtension;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retries, backoff, timeouts, dead letters and the acknowledgement rule, end to end: a real
 * gateway, real HTTP sinks on loopback answering from a script.
 */
class DeliveryIT {

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              flaky: { type: cloudevents, auth: none }
              rejecting: { type: cloudevents, auth: none }
              slow: { type: cloudevents, auth: none }
              failing: { type: cloudevents, auth: none }
              throttled: { type: cloudevents, auth: none }
              fanout: { type: cloudevents, auth: none }
              broken-dead-letters: { type: cloudevents, auth: none }
              redirected: { type: cloudevents, auth: none }
            sinks:
              flaky: { type: http, url: SINK/flaky }
              rejecting: { type: http, url: SINK/rejecting }
              slow: { type: http, url: SINK/slow }
              failing: { type: http, url: SINK/failing }
              throttled: { type: http, url: SINK/throttled }
              a: { type: http, url: SINK/a }
              b: { type: http, url: SINK/b }
              dead: { type: http, url: SINK/dead }
              dead-slow: { type: http, url: SINK/dead-slow }
              dead-broken: { type: http, url: SINK/dead-broken }
              rejecting-too: { type: http, url: SINK/rejecting-too }
              moved: { type: http, url: SINK/moved }
            routes:
              - name: flaky
                from: [flaky]
                to: [flaky]
                delivery: { retry: 3, backoffPolicy: linear, backoffDelay: PT0.05S }
              - name: rejecting
                from: [rejecting]
                to: [rejecting]
                delivery: { retry: 3, backoffDelay: PT0.05S, deadLetterSink: dead }
              - name: slow
                from: [slow]
                to: [slow]
                delivery: { retry: 1, backoffDelay: PT0.05S, timeout: PT0.3S, deadLetterSink: dead-slow }
              - name: failing
                from: [failing]
                to: [failing]
                delivery: { retry: 2, backoffDelay: PT0.05S }
              - name: throttled
                from: [throttled]
                to: [throttled]
                delivery: { retry: 1, backoffDelay: PT0.05S }
              - name: fanout
                from: [fanout]
                to: [a, b]
              - name: broken-dead-letters
                from: [broken-dead-letters]
                to: [rejecting-too]
                delivery: { retry: 1, backoffDelay: PT0.05S, deadLetterSink: dead-broken }
              - name: redirected
                from: [redirected]
                to: [moved]
                delivery: { retry: 0 }
            """;

    @RegisterExtension
    static final GatewayExtension GATEWAY = new GatewayExtension(MAPPINGS);

    private final RecordingSink sink = GATEWAY.sink();
    private final GatewayUnderTest gateway = GATEWAY.gateway();

    @Test
    void aRedirectIsAFailedDeliveryAndIsNeverFollowed() throws Exception {
        sink.script("/moved", new Response(307, Map.of("Location", sink.url() + "/elsewhere"), "", 0));

        HttpResponse<String> response = push("redirected", "evt-redirected");

        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.body().contains("answered 307"), response.body());
        assertEquals("evt-redirected", sink.next("/moved", 10).header("ce-id"));
        Thread.sleep(200);
        assertEquals(0, sink.pending("/elsewhere"), "the Location was not followed");
    }

    @Test
    void aSinkThatFailsTwiceGetsTheEventOnTheThirdAttempt() throws Exception {
        sink.script("/flaky", Response.status(503), Response.status(503));

        HttpResponse<String> response = push("flaky", "evt-flaky");

        assertEquals(202, response.statusCode(), response.body());
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals("evt-flaky", sink.next("/flaky", 10).header("ce-id"), "attempt " + attempt);
        }
        Thread.sleep(200);
        assertEquals(0, sink.pending("/flaky"), "delivered once after two retries, then no more");
        assertTrue(
                metrics().contains("tributary_delivery_retries_total{route=\"flaky\",sink=\"flaky\"} 2.0"), metrics());
    }

    @Test
    void aRejectedEventGoesToTheDeadLetterSinkAtOnceWithKnativeErrorExtensions() throws Exception {
        sink.script("/rejecting", new Response(400, Map.of(), "price must be positive", 0));

        HttpResponse<String> response = push("rejecting", "evt-rejected");

        assertEquals(202, response.statusCode(), "dead-lettered is safe: " + response.body());
        assertEquals("evt-rejected", sink.next("/rejecting", 10).header("ce-id"));
        RecordingSink.Request dead = sink.next("/dead", 10);
        assertEquals("evt-rejected", dead.header("ce-id"));
        assertEquals("com.example.test", dead.header("ce-type"), "every attribute is kept");
        assertEquals("rejecting%20(" + sink.url() + "/rejecting)", dead.header("ce-knativeerrordest"));
        assertEquals("400", dead.header("ce-knativeerrorcode"));
        assertEquals(
                "price must be positive",
                new String(Base64.getDecoder().decode(dead.header("ce-knativeerrordata")), StandardCharsets.UTF_8));
        assertEquals("{\"n\":1}", dead.bodyText());
        assertEquals(0, sink.pending("/rejecting"), "a 400 is not retried");
        assertTrue(
                metrics()
                        .contains(
                                "tributary_deliveries_total{outcome=\"deadlettered\",route=\"rejecting\",sink=\"rejecting\"} 1.0"));
    }

    @Test
    void aSinkThatNeverAnswersInTimeIsRetriedThenDeadLettered() throws Exception {
        sink.script("/slow", new Response(202, Map.of(), "", 3000), new Response(202, Map.of(), "", 3000));

        HttpResponse<String> response = push("slow", "evt-slow");

        assertEquals(202, response.statusCode(), response.body());
        sink.next("/slow", 10);
        sink.next("/slow", 10);
        RecordingSink.Request dead = sink.next("/dead-slow", 10);
        assertEquals("evt-slow", dead.header("ce-id"));
        assertEquals("slow%20(" + sink.url() + "/slow)", dead.header("ce-knativeerrordest"));
        assertNull(dead.header("ce-knativeerrorcode"), "no status: the sink never answered");
    }

    @Test
    void withoutADeadLetterSinkAFailedDeliveryIsAnswered503SoTheSenderRetries() throws Exception {
        sink.script("/failing", Response.status(500), Response.status(500), Response.status(500));

        HttpResponse<String> response = push("failing", "evt-failing");

        assertEquals(503, response.statusCode());
        assertTrue(
                response.body().contains("sink 'failing'") && response.body().contains("answered 500"),
                response.body());
        for (int attempt = 1; attempt <= 3; attempt++) {
            sink.next("/failing", 10);
        }
    }

    @Test
    void retryAfterIsRespectedAndPassedBackAs429() throws Exception {
        sink.script(
                "/throttled",
                new Response(429, Map.of("Retry-After", "1"), "", 0),
                new Response(429, Map.of("Retry-After", "1"), "", 0));

        long start = System.nanoTime();
        HttpResponse<String> response = push("throttled", "evt-throttled");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(429, response.statusCode(), response.body());
        assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
        sink.next("/throttled", 10);
        sink.next("/throttled", 10);
        assertTrue(
                elapsedMillis >= 1000,
                "the retry waited for Retry-After, not the 50 ms backoff: " + elapsedMillis + " ms");
    }

    @Test
    void everySinkOfARouteGetsTheEvent() throws Exception {
        assertEquals(202, push("fanout", "evt-fanout").statusCode());
        assertEquals("evt-fanout", sink.next("/a", 10).header("ce-id"));
        assertEquals("evt-fanout", sink.next("/b", 10).header("ce-id"));
    }

    @Test
    void aFailingDeadLetterSinkLeavesTheEventUnacknowledged() throws Exception {
        sink.script("/rejecting-too", Response.status(400));
        sink.script("/dead-broken", Response.status(500), Response.status(500));

        HttpResponse<String> response = push("broken-dead-letters", "evt-nowhere");

        assertEquals(503, response.statusCode(), response.body());
        sink.next("/dead-broken", 10);
        sink.next("/dead-broken", 10);
    }

    private HttpResponse<String> push(String source, String id) throws Exception {
        return gateway.pushEvent(source, id, "com.example.test", "{\"n\":1}");
    }

    private String metrics() throws Exception {
        return gateway.getManagement("/prometheus").body();
    }
}
