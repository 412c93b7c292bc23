package dev.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health for Kubernetes, Prometheus metrics, the built-in default and start-up failures. */
class OperationsIT {

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              in: { type: cloudevents, auth: none }
            sinks:
              out: { type: http, url: SINK/out }
            routes:
              - name: orders
                from: [in]
                filters: [ { prefix: { type: com.example.order. } } ]
                to: [out]
            """;

    @Test
    void healthAndMetricsAreServed() throws Exception {
        try (RecordingSink sink = new RecordingSink();
                GatewayUnderTest gateway = new GatewayUnderTest(MAPPINGS, sink)) {
            assertEquals(200, gateway.getManagement("/health/liveness").statusCode());
            var readiness = gateway.getManagement("/health/readiness");
            assertEquals(200, readiness.statusCode());
            assertTrue(
                    !readiness.body().contains("diskSpace") && !readiness.body().contains("free"),
                    "no disk sizes: " + readiness.body());

            gateway.pushEvent("in", "1", "com.example.order.created", "{}");
            gateway.pushEvent("in", "2", "com.example.other", "{}");
            gateway.post("/sources/in", "{}", "Content-Type", "application/json");
            sink.next("/out", 10);

            String metrics = gateway.getManagement("/prometheus").body();
            assertTrue(metrics.contains("tributary_events_received_total{source=\"in\"} 2.0"), metrics);
            assertTrue(metrics.contains("tributary_events_filtered_total{route=\"orders\"} 1.0"), metrics);
            assertTrue(metrics.contains("tributary_events_unrouted_total{source=\"in\"} 1.0"), metrics);
            assertTrue(metrics.contains("tributary_events_rejected_total{source=\"in\"} 1.0"), metrics);
            assertTrue(
                    metrics.contains(
                            "tributary_deliveries_total{outcome=\"delivered\",route=\"orders\",sink=\"out\"} 1.0"),
                    metrics);
            assertTrue(metrics.contains("tributary_delivery_seconds_bucket{route=\"orders\",sink=\"out\""), metrics);
        }
    }

    @Test
    void withoutMappingsTheBuiltInDefaultLogsEvents() throws Exception {
        try (EmbeddedServer server = GatewayUnderTest.start(Map.of())) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + server.getPort() + "/sources/default"))
                                    .header("ce-specversion", "1.0")
                                    .header("ce-id", "hello")
                                    .header("ce-source", "/curl")
                                    .header("ce-type", "demo")
                                    .POST(HttpRequest.BodyPublishers.ofString("hi"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(202, response.statusCode(), response.body());
            assertEquals(
                    "log",
                    server.getApplicationContext()
                            .getBean(dev.tributary.gateway.runtime.LivePipeline.class)
                            .current()
                            .mappings()
                            .sinks()
                            .get("log")
                            .type());
        }
    }
}
