package dev.tributary.gateway.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayExtension;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Route transforms end to end: a real gateway, HTTP sinks on loopback. A transformed event reaches
 * the sinks; an event the transform fails on (invalid result, runaway expression) goes once to the
 * dead-letter sink with {@code knativeerror*} extensions, or fails the delivery when the route has none.
 */
class TransformDeliveryIT {

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              uploads: { type: cloudevents, auth: none }
              broken: { type: cloudevents, auth: none }
              runaway: { type: cloudevents, auth: none }
              undeliverable: { type: cloudevents, auth: none }
            sinks:
              thumbnailer: { type: http, url: SINK/thumbnailer }
              dead: { type: http, url: SINK/dead }
            routes:
              - name: thumbnails
                from: [uploads]
                filters:
                  - pattern: { data: { s3: { object: { key: [ { suffix: .jpg } ] } } } }
                transform:
                  jsonata: |
                    $merge([$, {"type": "com.example.image.uploaded",
                                "data": {"bucket": data.s3.bucket.name, "key": data.s3.object.key}}])
                to: [thumbnailer]
                delivery: { deadLetterSink: dead }
              - name: broken
                from: [broken]
                transform: { jsonata: '{"specversion": "1.0", "data": data}' }
                to: [thumbnailer]
                delivery: { deadLetterSink: dead }
              - name: runaway
                from: [runaway]
                transform: { jsonata: '($loop := function($n) { $loop($n + 1) }; $loop(0))', timeout: PT0.05S }
                to: [thumbnailer]
                delivery: { deadLetterSink: dead }
              - name: undeliverable
                from: [undeliverable]
                transform: { jsonata: '{"specversion": "1.0", "data": data}' }
                to: [thumbnailer]
            """;

    private static final String S3_DATA = """
            {"eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "photos"},
             "object": {"key": "uploads/red+flower.jpg", "size": 48213}}}""";

    @RegisterExtension
    static final GatewayExtension GATEWAY = new GatewayExtension(MAPPINGS);

    private final RecordingSink sink = GATEWAY.sink();
    private final GatewayUnderTest gateway = GATEWAY.gateway();

    @Test
    void aTransformedEventIsWhatTheSinkReceives() throws Exception {
        HttpResponse<String> response =
                gateway.pushEvent("uploads", "evt-1", "com.amazonaws.s3.ObjectCreated:Put", S3_DATA);

        assertEquals(202, response.statusCode(), response.body());
        RecordingSink.Request delivered = sink.next("/thumbnailer", 10);
        assertEquals("evt-1", delivered.header("ce-id"));
        assertEquals("com.example.image.uploaded", delivered.header("ce-type"));
        assertEquals("{\"bucket\":\"photos\",\"key\":\"uploads/red+flower.jpg\"}", delivered.bodyText());
    }

    @Test
    void anEventTheFiltersRejectIsNeitherTransformedNorDelivered() throws Exception {
        HttpResponse<String> response = gateway.pushEvent(
                "uploads", "evt-png", "com.amazonaws.s3.ObjectCreated:Put", S3_DATA.replace(".jpg", ".png"));

        assertEquals(202, response.statusCode(), response.body());
        Thread.sleep(200);
        assertEquals(0, sink.pending("/thumbnailer"));
        assertEquals(0, sink.pending("/dead"));
    }

    @Test
    void anInvalidResultIsDeadLetteredUntransformedWithTheReason() throws Exception {
        HttpResponse<String> response = gateway.pushEvent("broken", "evt-broken", "com.example.test", "{\"n\":1}");

        assertEquals(202, response.statusCode(), "dead-lettered is safe: " + response.body());
        RecordingSink.Request dead = sink.next("/dead", 10);
        assertEquals("evt-broken", dead.header("ce-id"));
        assertEquals("com.example.test", dead.header("ce-type"), "the event as it was before the transform");
        assertEquals("transform%20(jsonata%20of%20route%20'broken')", dead.header("ce-knativeerrordest"));
        assertEquals("422", dead.header("ce-knativeerrorcode"));
        String reason =
                new String(Base64.getDecoder().decode(dead.header("ce-knativeerrordata")), StandardCharsets.UTF_8);
        assertTrue(reason.startsWith("jsonata result is not a valid CloudEvent"), reason);
        Thread.sleep(200);
        assertEquals(0, sink.pending("/thumbnailer"));
        assertEquals(0, sink.pending("/dead"), "dead-lettered once");
        assertTrue(gateway.getManagement("/prometheus")
                .body()
                .contains("tributary_events_untransformed_total{route=\"broken\"} 1.0"));
    }

    @Test
    void aRunawayExpressionIsStoppedAndDeadLettered() throws Exception {
        HttpResponse<String> response = gateway.pushEvent("runaway", "evt-runaway", "com.example.test", "{\"n\":1}");

        assertEquals(202, response.statusCode(), response.body());
        RecordingSink.Request dead = sink.next("/dead", 10);
        assertEquals("evt-runaway", dead.header("ce-id"));
        String reason =
                new String(Base64.getDecoder().decode(dead.header("ce-knativeerrordata")), StandardCharsets.UTF_8);
        assertTrue(reason.contains("Expression evaluation timeout"), reason);
    }

    @Test
    void withoutADeadLetterSinkAFailedTransformIsAFailedDeliveryNotARetry() throws Exception {
        HttpResponse<String> response = gateway.pushEvent("undeliverable", "evt-lost", "com.example.test", "{\"n\":1}");

        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.body().contains("transform failed and the route has no deadLetterSink"), response.body());
        Thread.sleep(200);
        assertEquals(0, sink.pending("/thumbnailer"));
        assertEquals(0, sink.pending("/dead"));
    }
}
