package dev.tributary.gateway.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.adapters.aws.envelope.InnerDocuments;
import dev.tributary.adapters.aws.sqs.SqsMessage;
import dev.tributary.adapters.aws.sqs.SqsMessageDecoder;
import dev.tributary.core.testing.RoundTripEvents;
import dev.tributary.gateway.testing.GatewayExtension;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import dev.tributary.gateway.testing.SigV4;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code aws-eventbridge} sink against a loopback server implementing {@code PutEvents}:
 * requests are SigV4-signed (recomputed and compared), the entry maps the CloudEvent as documented,
 * the event EventBridge would hand a rule's SQS target decodes back to the same CloudEvent, a
 * throttled entry is retried and a refused one dead-lettered at once.
 */
class EventBridgeSinkIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ACCEPTED = "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"eb-1\"}]}";

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              in: { type: cloudevents, auth: none }
            sinks:
              bus: { type: aws-eventbridge, bus: orders, region: us-east-1, endpoint: SINK }
              dead: { type: http, url: SINK/dead }
            routes:
              - name: orders
                from: [in]
                to: [bus]
                delivery: { retry: 2, backoffDelay: PT0.05S, deadLetterSink: dead }
            """;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.withAwsTestCredentials(MAPPINGS);

    private final RecordingSink eventBridge = GATEWAY.sink();
    private final GatewayUnderTest gateway = GATEWAY.gateway();

    @Test
    void anEntryPutByTheSinkComesBackFromARuleTargetAsTheSameEvent() throws Exception {
        eventBridge.script("/", json(200, ACCEPTED));
        CloudEvent sent = RoundTripEvents.sample("order-1");
        assertEquals(202, push(sent));

        RecordingSink.Request put = eventBridge.next("/", 10);
        SigV4.assertSigned(eventBridge, put, "events", "us-east-1");
        assertEquals("AWSEvents.PutEvents", put.header("x-amz-target"));
        JsonNode entry = MAPPER.readTree(put.body()).path("Entries").path(0);
        assertEquals("orders", entry.path("EventBusName").asText());
        assertEquals(sent.getSource().toString(), entry.path("Source").asText());
        assertEquals(sent.getType(), entry.path("DetailType").asText());
        JsonNode detail = MAPPER.readTree(entry.path("Detail").asText());
        assertEquals("orders/42.json", detail.path("subject").asText(), "rules can match detail.subject");
        assertEquals(42, detail.path("data").path("order").asInt(), "and detail.data");

        // what EventBridge delivers to a rule's SQS target, read by the aws-sqs source's decoder
        ObjectNode delivered = MAPPER.createObjectNode()
                .put("version", "0")
                .put("id", "6a7e8feb-b491-4cf7-a9f1-bf3703467718")
                .put("detail-type", entry.path("DetailType").asText())
                .put("source", entry.path("Source").asText())
                .put("account", "123456789012")
                .put("time", "2026-12-04T23:30:15Z")
                .put("region", "us-east-1");
        delivered.putArray("resources");
        delivered.set("detail", detail);
        List<CloudEvent> decoded = new SqsMessageDecoder(new InnerDocuments(false))
                .decode(new SqsMessage(
                        "m-1",
                        MAPPER.writeValueAsString(delivered),
                        List.of(),
                        Instant.now(),
                        "arn:aws:sqs:us-east-1:123456789012:rule-target"));
        assertEquals(1, decoded.size());
        RoundTripEvents.assertSameEvent(sent, decoded.get(0));
    }

    @Test
    void aThrottledEntryIsRetried() throws Exception {
        eventBridge.script("/", json(200, failedEntry("ThrottlingException")), json(200, ACCEPTED));
        assertEquals(202, push(RoundTripEvents.sample("busy-1")));

        eventBridge.next("/", 10);
        JsonNode retried = MAPPER.readTree(eventBridge.next("/", 10).body());
        assertTrue(retried.path("Entries").path(0).path("Detail").asText().contains("busy-1"));
        Thread.sleep(300);
        assertEquals(0, eventBridge.pending("/dead"));
    }

    @Test
    void aRefusedEntryIsDeadLetteredWithoutRetry() throws Exception {
        eventBridge.script("/", json(200, failedEntry("AccessDeniedException")));
        assertEquals(202, push(RoundTripEvents.sample("denied-1")));

        eventBridge.next("/", 10);
        RecordingSink.Request dead = eventBridge.next("/dead", 10);
        assertEquals("denied-1", dead.header("ce-id"));
        assertEquals("403", dead.header("ce-knativeerrorcode"));
        assertEquals(0, eventBridge.pending("/"), "not retried");
    }

    private int push(CloudEvent event) throws Exception {
        return gateway.pushStructured("in", event).statusCode();
    }

    private static String failedEntry(String code) {
        return "{\"FailedEntryCount\":1,\"Entries\":[{\"ErrorCode\":\"" + code + "\",\"ErrorMessage\":\"no\"}]}";
    }

    private static Response json(int status, String body) {
        return new Response(status, Map.of("Content-Type", "application/x-amz-json-1.1"), body, 0);
    }
}
