package dev.tributary.gateway.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code aws-sns} sink against a loopback server implementing SNS {@code Publish} (query
 * protocol): requests are SigV4-signed (recomputed and compared), the message is the structured
 * CloudEvent (or, in binary mode, the data with {@code ce-} message attributes), the notification
 * SNS would put on a subscribed SQS queue decodes back to the same event; throttling is retried
 * and an authorization error dead-lettered at once.
 */
class SnsSinkIT {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:orders";
    private static final String PUBLISHED = """
            <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>
              <ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>
            </PublishResponse>""";

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              in: { type: cloudevents, auth: none }
              binary-in: { type: cloudevents, auth: none }
            sinks:
              topic: { type: aws-sns, topicArn: "%s", endpoint: SINK }
              binary-topic: { type: aws-sns, topicArn: "%s", endpoint: SINK, mode: binary }
              dead: { type: http, url: SINK/dead }
            routes:
              - name: orders
                from: [in]
                to: [topic]
                delivery: { retry: 2, backoffDelay: PT0.05S, deadLetterSink: dead }
              - name: binary
                from: [binary-in]
                to: [binary-topic]
            """.formatted(TOPIC, TOPIC);

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.withAwsTestCredentials(MAPPINGS);

    private final RecordingSink sns = GATEWAY.sink();
    private final GatewayUnderTest gateway = GATEWAY.gateway();

    @Test
    void aPublishedEventComesBackFromASubscribedQueueAsTheSameEvent() throws Exception {
        sns.script("/", xml(200, PUBLISHED));
        CloudEvent sent = RoundTripEvents.sample("order-1");
        assertEquals(202, push(sent));

        RecordingSink.Request publish = sns.next("/", 10);
        SigV4.assertSigned(sns, publish, "sns", "us-east-1");
        Map<String, String> form = form(publish.bodyText());
        assertEquals("Publish", form.get("Action"));
        assertEquals(TOPIC, form.get("TopicArn"));

        // the notification SNS puts on a subscribed SQS queue, read by the aws-sqs source's decoder
        Map<String, String> notification = Map.of(
                "Type",
                "Notification",
                "MessageId",
                "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
                "TopicArn",
                TOPIC,
                "Message",
                form.get("Message"),
                "Timestamp",
                "2026-12-04T23:30:16.000Z",
                "SignatureVersion",
                "1",
                "Signature",
                "EXAMPLE",
                "SigningCertURL",
                "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem");
        List<CloudEvent> decoded = new SqsMessageDecoder(new InnerDocuments(false))
                .decode(new SqsMessage(
                        "m-1",
                        new ObjectMapper().writeValueAsString(notification),
                        List.of(),
                        Instant.now(),
                        "arn:aws:sqs:us-east-1:123456789012:subscriber"));
        assertEquals(1, decoded.size());
        RoundTripEvents.assertSameEvent(sent, decoded.get(0));
    }

    @Test
    void aBinaryModeEventComesBackFromASubscribedQueueAsTheSameEvent() throws Exception {
        sns.script("/", xml(200, PUBLISHED));
        CloudEvent sent = RoundTripEvents.sample("order-2");
        assertEquals(202, gateway.pushStructured("binary-in", sent).statusCode());

        RecordingSink.Request publish = sns.next("/", 10);
        SigV4.assertSigned(sns, publish, "sns", "us-east-1");
        Map<String, String> form = form(publish.bodyText());
        // MessageAttributes.entry.N.Name / .Value.DataType / .Value.StringValue, as the envelope's MessageAttributes
        Map<String, Map<String, String>> attributes = new HashMap<>();
        for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            String entry = "MessageAttributes.entry." + n;
            attributes.put(
                    form.get(entry + ".Name"),
                    Map.of(
                            "Type",
                            form.get(entry + ".Value.DataType"),
                            "Value",
                            form.get(entry + ".Value.StringValue")));
        }
        assertEquals("order-2", attributes.get("ce-id").get("Value"));

        Map<String, Object> notification = Map.of(
                "Type",
                "Notification",
                "MessageId",
                "5b2e3c1a-0d7e-4a52-9f0e-2f4c4a7f1d11",
                "TopicArn",
                TOPIC,
                "Message",
                form.get("Message"),
                "Timestamp",
                "2026-12-04T23:30:16.000Z",
                "MessageAttributes",
                attributes);
        List<CloudEvent> decoded = new SqsMessageDecoder(new InnerDocuments(false))
                .decode(new SqsMessage(
                        "m-2",
                        new ObjectMapper().writeValueAsString(notification),
                        List.of(),
                        Instant.now(),
                        "arn:aws:sqs:us-east-1:123456789012:subscriber"));
        assertEquals(1, decoded.size());
        RoundTripEvents.assertSameEvent(sent, decoded.get(0));
    }

    @Test
    void throttlingIsRetried() throws Exception {
        sns.script("/", xml(400, error("Throttling", "Rate exceeded")), xml(200, PUBLISHED));
        assertEquals(202, push(RoundTripEvents.sample("busy-1")));

        sns.next("/", 10);
        assertEquals(TOPIC, form(sns.next("/", 10).bodyText()).get("TopicArn"));
        Thread.sleep(300);
        assertEquals(0, sns.pending("/dead"));
    }

    @Test
    void anAuthorizationErrorIsDeadLetteredWithoutRetry() throws Exception {
        sns.script("/", xml(403, error("AuthorizationError", "not authorized to perform SNS:Publish")));
        assertEquals(202, push(RoundTripEvents.sample("denied-1")));

        sns.next("/", 10);
        RecordingSink.Request dead = sns.next("/dead", 10);
        assertEquals("denied-1", dead.header("ce-id"));
        assertEquals("403", dead.header("ce-knativeerrorcode"));
        assertEquals(0, sns.pending("/"), "not retried");
    }

    private int push(CloudEvent event) throws Exception {
        return gateway.pushStructured("in", event).statusCode();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + message + "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";
    }

    private static Response xml(int status, String body) {
        return new Response(status, Map.of("Content-Type", "text/xml"), body, 0);
    }
}
