package dev.tributary.gateway.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.ObservingSink;
import dev.tributary.gateway.testing.RecordingSink;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A sink's {@code maxConcurrency} and {@code rateLimit}, measured at a real loopback sink while
 * events are pushed to the gateway concurrently, and the bounded wait of a push at a saturated
 * sink (429 with {@code Retry-After}).
 */
class SinkLimitsIT {

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              in: { type: cloudevents, auth: none }
            sinks:
              fn: { type: http, url: %s/fn, %s }
            routes:
              - name: a
                from: [in]
                to: [fn]
              - name: b
                from: [in]
                to: [fn]
            """;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void concurrencyAtTheSinkNeverExceedsTheLimitAcrossRoutes() throws Exception {
        try (ObservingSink sink = new ObservingSink(50);
                RecordingSink unused = new RecordingSink();
                GatewayUnderTest gateway =
                        new GatewayUnderTest(MAPPINGS.formatted(sink.url(), "maxConcurrency: 4"), unused)) {
            List<HttpResponse<String>> answers = pushAll(gateway, 30);

            answers.forEach(answer -> assertEquals(202, answer.statusCode(), answer.body()));
            assertEquals(60, sink.accepted(), "two routes deliver each of the 30 events");
            assertEquals(4, sink.maxConcurrent(), "the limit is used, never exceeded");
            MeterRegistry registry = gateway.context().getBean(MeterRegistry.class);
            assertTrue(registry.get("tributary.sink.throttled")
                            .tag("sink", "fn")
                            .counter()
                            .count()
                    > 0);
            assertEquals(
                    0,
                    registry.get("tributary.sink.inflight")
                            .tag("sink", "fn")
                            .gauge()
                            .value());
        }
    }

    @Test
    void deliveriesStartAtTheRateLimit() throws Exception {
        try (ObservingSink sink = new ObservingSink(0);
                RecordingSink unused = new RecordingSink();
                GatewayUnderTest gateway =
                        new GatewayUnderTest(MAPPINGS.formatted(sink.url(), "rateLimit: 50"), unused)) {
            List<HttpResponse<String>> answers = pushAll(gateway, 40);

            answers.forEach(answer -> assertEquals(202, answer.statusCode(), answer.body()));
            List<ObservingSink.Arrival> arrivals = sink.arrivals();
            assertEquals(80, arrivals.size());
            double seconds =
                    (arrivals.get(arrivals.size() - 1).nanos() - arrivals.get(0).nanos()) / 1e9;
            double rate = (arrivals.size() - 1) / seconds;
            assertTrue(Math.abs(rate - 50) <= 5, "rate " + rate + "/s is not within 10 % of 50/s");
        }
    }

    @Test
    void aPushAtASaturatedSinkIsAnswered429WithRetryAfterAfterABoundedWait() throws Exception {
        try (ObservingSink sink = new ObservingSink((FlowControl.PUSH_WAIT_SECONDS + 2) * 1000L);
                RecordingSink unused = new RecordingSink();
                GatewayUnderTest gateway = new GatewayUnderTest("""
                        apiVersion: tributary.dev/v1
                        sources:
                          in: { type: cloudevents, auth: none }
                        sinks:
                          fn: { type: http, url: %s/fn, maxConcurrency: 1 }
                        routes:
                          - name: a
                            from: [in]
                            to: [fn]
                            delivery: { timeout: PT30S }
                        """.formatted(sink.url()), unused)) {
            CompletableFuture<HttpResponse<String>> first = push(gateway, "slow-1");
            while (sink.arrivals().isEmpty()) {
                Thread.sleep(10);
            }
            long start = System.nanoTime();
            HttpResponse<String> second = push(gateway, "waits-2").join();
            double waited = (System.nanoTime() - start) / 1e9;

            assertEquals(429, second.statusCode(), second.body());
            assertTrue(second.headers().firstValue("Retry-After").isPresent());
            assertTrue(
                    waited >= FlowControl.PUSH_WAIT_SECONDS - 0.5 && waited < FlowControl.PUSH_WAIT_SECONDS + 1.5,
                    "answered after " + waited + " s");
            assertEquals(202, first.join().statusCode());
            assertEquals(1, sink.arrivals().size(), "the refused event was never sent");
            MeterRegistry registry = gateway.context().getBean(MeterRegistry.class);
            assertEquals(
                    1,
                    registry.get("tributary.sink.refused")
                            .tag("sink", "fn")
                            .counter()
                            .count());
        }
    }

    private List<HttpResponse<String>> pushAll(GatewayUnderTest gateway, int events) {
        List<CompletableFuture<HttpResponse<String>>> pushes = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            pushes.add(push(gateway, "e-" + i));
        }
        return pushes.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<HttpResponse<String>> push(GatewayUnderTest gateway, String id) {
        return client.sendAsync(
                HttpRequest.newBuilder(gateway.uri("/sources/in"))
                        .header("Content-Type", "application/json")
                        .header("ce-specversion", "1.0")
                        .header("ce-id", id)
                        .header("ce-source", "/tests")
                        .header("ce-type", "t")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
