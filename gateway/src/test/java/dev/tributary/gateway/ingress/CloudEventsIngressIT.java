package dev.tributary.gateway.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayExtension;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code cloudevents} push source over real HTTP: content modes, errors, and delivery to an HTTP sink. */
class CloudEventsIngressIT {

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              in: { type: cloudevents, auth: none }
              filtered: { type: cloudevents, auth: none }
            sinks:
              out: { type: http, url: SINK/out }
              structured: { type: http, url: SINK/structured, mode: structured }
            routes:
              - name: all
                from: [in]
                to: [out]
              - name: only-orders
                from: [filtered]
                filters:
                  - prefix: { type: com.example.order. }
                  - not: { cesql: "subject LIKE 'test/%'" }
                to: [structured]
            """;

    @RegisterExtension
    static final GatewayExtension GATEWAY = new GatewayExtension(MAPPINGS);

    private final RecordingSink sink = GATEWAY.sink();
    private final GatewayUnderTest gateway = GATEWAY.gateway();

    @Test
    void binaryModeIsForwardedInBinaryModeWithPercentEncodedHeaders() throws Exception {
        HttpResponse<String> response = gateway.pushEvent(
                "in",
                "bin-1",
                "com.example.test",
                "{\"n\":1}",
                "ce-subject",
                "caf%C3%A9%20au%20lait",
                "ce-traceparent",
                "00-1-2-01");

        assertEquals(202, response.statusCode(), response.body());
        RecordingSink.Request delivered = sink.next("/out", 10);
        assertEquals("bin-1", delivered.header("ce-id"));
        assertEquals("com.example.test", delivered.header("ce-type"));
        assertEquals("caf%C3%A9%20au%20lait", delivered.header("ce-subject"));
        assertEquals("00-1-2-01", delivered.header("ce-traceparent"));
        assertEquals("application/json", delivered.header("content-type"));
        assertEquals("{\"n\":1}", delivered.bodyText());
    }

    @Test
    void structuredModeIsAccepted() throws Exception {
        HttpResponse<String> response = gateway.post(
                "/sources/in",
                "{\"specversion\":\"1.0\",\"id\":\"str-1\",\"source\":\"/tests\",\"type\":\"com.example.test\","
                        + "\"datacontenttype\":\"application/json\",\"data\":{\"x\":true}}",
                "Content-Type",
                "application/cloudevents+json; charset=utf-8");

        assertEquals(202, response.statusCode(), response.body());
        RecordingSink.Request delivered = sink.next("/out", 10);
        assertEquals("str-1", delivered.header("ce-id"));
        assertEquals("{\"x\":true}", delivered.bodyText());
    }

    @Test
    void aBatchBecomesOneDeliveryPerEvent() throws Exception {
        HttpResponse<String> response =
                gateway.post("/sources/in", """
                [{"specversion":"1.0","id":"b-1","source":"/tests","type":"t"},
                 {"specversion":"1.0","id":"b-2","source":"/tests","type":"t"},
                 {"specversion":"1.0","id":"b-3","source":"/tests","type":"t"}]""", "Content-Type", "application/cloudevents-batch+json");

        assertEquals(202, response.statusCode(), response.body());
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (int i = 0; i < 3; i++) {
            ids.add(sink.next("/out", 10).header("ce-id"));
        }
        assertEquals(java.util.Set.of("b-1", "b-2", "b-3"), ids);
    }

    @Test
    void filtersDecideWhatIsDeliveredAndStructuredSinksGetJson() throws Exception {
        assertEquals(
                202,
                gateway.pushEvent("filtered", "f-skip", "com.example.invoice.paid", "{}")
                        .statusCode());
        assertEquals(
                202,
                gateway.pushEvent("filtered", "f-test", "com.example.order.created", "{}", "ce-subject", "test/1")
                        .statusCode());
        assertEquals(
                202,
                gateway.pushEvent("filtered", "f-pass", "com.example.order.created", "{}", "ce-subject", "real/1")
                        .statusCode());

        RecordingSink.Request delivered = sink.next("/structured", 10);
        assertTrue(
                delivered.header("content-type").startsWith("application/cloudevents+json"),
                delivered.headers().toString());
        assertTrue(delivered.bodyText().contains("\"id\":\"f-pass\""), delivered.bodyText());
        Thread.sleep(200);
        assertEquals(0, sink.pending("/structured"), "filtered-out events must not be delivered");
    }

    @Test
    void malformedInputGetsA4xxNamingTheProblemAndTheGatewayKeepsServing() throws Exception {
        HttpResponse<String> missingType = gateway.post(
                "/sources/in",
                "{}",
                "Content-Type",
                "application/json",
                "ce-specversion",
                "1.0",
                "ce-id",
                "x",
                "ce-source",
                "/tests");
        assertEquals(400, missingType.statusCode());
        assertTrue(missingType.body().contains("type"), missingType.body());

        HttpResponse<String> brokenJson =
                gateway.post("/sources/in", "{\"specversion\":", "Content-Type", "application/cloudevents+json");
        assertEquals(400, brokenJson.statusCode());
        assertTrue(brokenJson.body().startsWith("invalid structured event"), brokenJson.body());

        HttpResponse<String> notACloudEvent = gateway.post("/sources/in", "{}", "Content-Type", "application/json");
        assertEquals(400, notACloudEvent.statusCode());
        assertTrue(notACloudEvent.body().contains("specversion"), notACloudEvent.body());

        HttpResponse<String> xml = gateway.post("/sources/in", "<e/>", "Content-Type", "application/cloudevents+xml");
        assertEquals(415, xml.statusCode());
        assertTrue(xml.body().contains("application/cloudevents+xml"), xml.body());

        assertEquals(202, gateway.pushEvent("in", "after-errors", "t", "{}").statusCode());
        assertEquals("after-errors", sink.next("/out", 10).header("ce-id"));
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413() throws Exception {
        String fiveMegabytes = "x".repeat(5 * 1024 * 1024);
        HttpResponse<String> response = gateway.post(
                "/sources/in",
                fiveMegabytes,
                "Content-Type",
                "text/plain",
                "ce-specversion",
                "1.0",
                "ce-id",
                "big",
                "ce-source",
                "/tests",
                "ce-type",
                "t");
        assertEquals(413, response.statusCode());
        assertEquals(0, sink.pending("/out"));
    }

    @Test
    void unknownSourcesAndOtherMethodsAreRefused() throws Exception {
        HttpResponse<String> unknown = gateway.post("/sources/nope", "{}", "Content-Type", "application/json");
        assertEquals(404, unknown.statusCode());
        assertEquals("no source named 'nope'", unknown.body());

        assertEquals(405, gateway.get("/sources/in").statusCode());
        assertEquals(
                405,
                gateway.send(HttpRequest.newBuilder(gateway.uri("/sources/in"))
                                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                                .build())
                        .statusCode());
        assertEquals(
                405,
                gateway.send(HttpRequest.newBuilder(gateway.uri("/sources/in"))
                                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode(),
                "cloudevents sources have no OPTIONS handshake");
    }
}
