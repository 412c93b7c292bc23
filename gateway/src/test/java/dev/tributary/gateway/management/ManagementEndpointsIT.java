package dev.tributary.gateway.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayExtension;
import dev.tributary.gateway.testing.GatewayUnderTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Management endpoints: health and Prometheus answer on the management port only; every other
 * Micronaut endpoint is off, on both ports.
 */
class ManagementEndpointsIT {

    @RegisterExtension
    static final GatewayExtension GATEWAY = new GatewayExtension("""
            apiVersion: tributary.dev/v1
            sources:
              in: { type: cloudevents, auth: none }
            sinks:
              out: { type: http, url: SINK/out }
            routes:
              - { name: all, from: [in], to: [out] }
            """);

    @Test
    void healthAndPrometheusAnswerOnTheManagementPortOnly() throws Exception {
        GatewayUnderTest gateway = GATEWAY.gateway();
        assertNotEquals(gateway.uri("/").getPort(), gateway.managementUri("/").getPort());
        assertEquals(200, gateway.getManagement("/health/liveness").statusCode());
        assertEquals(200, gateway.getManagement("/health/readiness").statusCode());
        HttpResponse<String> metrics = gateway.getManagement("/prometheus");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("tributary_"), metrics.body());

        for (String path : new String[] {"/health", "/health/liveness", "/health/readiness", "/prometheus"}) {
            assertEquals(404, gateway.get(path).statusCode(), path + " on the push port");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/beans",
                "/threaddump",
                "/routes",
                "/env",
                "/info",
                "/loggers",
                "/metrics",
                "/refresh",
                "/stop",
                "/caches"
            })
    void otherEndpointsAreOffOnBothPorts(String path) throws Exception {
        GatewayUnderTest gateway = GATEWAY.gateway();
        for (URI uri : new URI[] {gateway.uri(path), gateway.managementUri(path)}) {
            assertEquals(
                    404, gateway.send(HttpRequest.newBuilder(uri).GET().build()).statusCode(), "GET " + uri);
            assertEquals(
                    404,
                    gateway.send(HttpRequest.newBuilder(uri)
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .header("Content-Type", "application/json")
                                    .build())
                            .statusCode(),
                    "POST " + uri);
        }
    }
}
