package dev.tributary.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A route waiting to retry its sink (backoff or {@code Retry-After}) holds no thread: another route's
 * push, the liveness probe and another route's per-attempt timeout are not delayed by it. The
 * gateway runs on ONE event loop, so a wait that slept on a loop would stall everything else.
 */
class RetryWaitIT {

    /** Route A's wait before its retry; everything else must be answered well within it. */
    private static final Duration BACKOFF = Duration.ofSeconds(3);

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              a: { type: cloudevents, auth: none }
              b: { type: cloudevents, auth: none }
              throttled: { type: cloudevents, auth: none }
              slow: { type: cloudevents, auth: none }
            sinks:
              a: { type: http, url: SINK/a }
              b: { type: http, url: SINK/b }
              throttled: { type: http, url: SINK/throttled }
              slow: { type: http, url: SINK/slow }
            routes:
              - name: a
                from: [a]
                to: [a]
                delivery: { retry: 1, backoffPolicy: linear, backoffDelay: PT3S }
              - name: b
                from: [b]
                to: [b]
              - name: throttled
                from: [throttled]
                to: [throttled]
                delivery: { retry: 1, backoffDelay: PT0.01S }
              - name: slow
                from: [slow]
                to: [slow]
                delivery: { retry: 0, timeout: PT1S }
            """;

    private static RecordingSink sink;
    private static GatewayUnderTest gateway;

    @BeforeAll
    static void start() throws Exception {
        sink = new RecordingSink();
        gateway = new GatewayUnderTest(
                MAPPINGS,
                sink,
                Map.of(
                        "micronaut.netty.event-loops.default.num-threads", 1,
                        "micronaut.server.netty.worker.threads", 1));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        sink.close();
    }

    @Test
    void aRouteInBackoffDelaysNeitherAnotherRouteNorTheLivenessProbe() throws Exception {
        sink.script("/a", Response.status(503));
        CompletableFuture<HttpResponse<String>> inBackoff = CompletableFuture.supplyAsync(() -> push("a", "evt-a"));
        sink.next("/a", 10);
        long waitStarted = System.nanoTime();

        HttpResponse<String> other = push("b", "evt-b");
        int liveness = gateway.getManagement("/health/liveness").statusCode();
        Duration took = Duration.ofNanos(System.nanoTime() - waitStarted);

        assertEquals(202, other.statusCode(), other.body());
        assertEquals(200, liveness);
        assertEquals("evt-b", sink.next("/b", 1).header("ce-id"));
        assertTrue(
                took.compareTo(BACKOFF.dividedBy(2)) < 0,
                "route b and the probe answered in " + took.toMillis() + " ms while route a waited "
                        + BACKOFF.toMillis() + " ms");
        assertEquals(0, sink.pending("/a"), "route a's retry had not started yet");
        assertEquals(202, inBackoff.get().statusCode(), "route a delivered on its retry");
        assertEquals("evt-a", sink.next("/a", 1).header("ce-id"));
    }

    @Test
    void aRetryAfterWaitDelaysNeitherAnotherRouteNorTheLivenessProbe() throws Exception {
        sink.script("/throttled", new Response(429, Map.of("Retry-After", "3"), "", 0));
        CompletableFuture<HttpResponse<String>> throttled =
                CompletableFuture.supplyAsync(() -> push("throttled", "evt-throttled"));
        sink.next("/throttled", 10);
        long waitStarted = System.nanoTime();

        HttpResponse<String> other = push("b", "evt-b2");
        int liveness = gateway.getManagement("/health/liveness").statusCode();
        Duration took = Duration.ofNanos(System.nanoTime() - waitStarted);

        assertEquals(202, other.statusCode(), other.body());
        assertEquals(200, liveness);
        assertEquals("evt-b2", sink.next("/b", 1).header("ce-id"));
        assertTrue(
                took.compareTo(BACKOFF.dividedBy(2)) < 0,
                "route b and the probe answered in " + took.toMillis() + " ms during a 3 s Retry-After");
        assertEquals(0, sink.pending("/throttled"), "the Retry-After was honoured");
        assertEquals(202, throttled.get().statusCode());
        sink.next("/throttled", 1);
    }

    @Test
    void anAttemptAnsweredAfterItsTimeoutFailsEvenWhileAnotherRouteWaits() throws Exception {
        sink.script("/slow", new Response(202, Map.of(), "", 2500));
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> push("slow", "evt-slow"));
        sink.next("/slow", 10);
        sink.script("/a", Response.status(503));
        CompletableFuture<HttpResponse<String>> inBackoff = CompletableFuture.supplyAsync(() -> push("a", "evt-a2"));
        sink.next("/a", 10);

        HttpResponse<String> answer = slow.get();

        assertEquals(
                503, answer.statusCode(), "a 2.5 s answer with timeout PT1S is a failed delivery: " + answer.body());
        assertTrue(answer.body().contains("no answer within PT1S"), answer.body());
        assertEquals(202, inBackoff.get().statusCode());
        sink.next("/a", 1);
    }

    private static HttpResponse<String> push(String source, String id) {
        try {
            return gateway.pushEvent(source, id, "dev.tributary.test", "{}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
