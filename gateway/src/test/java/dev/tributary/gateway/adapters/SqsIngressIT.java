package dev.tributary.gateway.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.gateway.testing.ElasticMqQueues;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * S3 notifications sent with the AWS SDK to a real SQS-compatible server (ElasticMQ), consumed by
 * the gateway's {@code aws-sqs} source and delivered to an HTTP sink that fails for a while:
 * nothing is lost, and the queue is empty at the end.
 */
class SqsIngressIT {

    @RegisterExtension
    static final ElasticMqQueues QUEUES = new ElasticMqQueues();

    @Test
    void aSinkFailingForAWhileLosesNothingAndTheQueueEndsEmpty() throws Exception {
        String queueUrl = QUEUES.create("uploads", 2);
        String mappings = "apiVersion: tributary.dev/v1\nsources:\n" + QUEUES.source("uploads", queueUrl, 1, 2) + """
                sinks:
                  store: { type: http, url: SINK/store }
                routes:
                  - name: all
                    from: [uploads]
                    to: [store]
                    delivery: { retry: 0 }
                """;
        try (RecordingSink sink = new RecordingSink()) {
            sink.script(
                    "/store", Response.status(503), Response.status(503), Response.status(503), Response.status(500));
            try (GatewayUnderTest gateway = new GatewayUnderTest(mappings, sink)) {
                for (int i = 0; i < 5; i++) {
                    int n = i;
                    QUEUES.client()
                            .sendMessage(m ->
                                    m.queueUrl(queueUrl).messageBody(s3Notification("photos/cat " + n + ".jpg", n)));
                }
                Set<String> delivered = new TreeSet<>();
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (delivered.size() < 5 && System.nanoTime() < deadline) {
                    RecordingSink.Request request = sink.next("/store", 60);
                    assertEquals("com.amazonaws.s3.ObjectCreated:Put", request.header("ce-type"));
                    delivered.add(request.header("ce-subject"));
                }
                assertEquals(
                        Set.of(
                                "photos/cat%200.jpg",
                                "photos/cat%201.jpg", "photos/cat%202.jpg", "photos/cat%203.jpg", "photos/cat%204.jpg"),
                        delivered);
                QUEUES.awaitEmpty(queueUrl);
            }
        }
    }

    private static String s3Notification(String key, int n) {
        String encoded = key.replace(" ", "+");
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                  "eventTime":"2026-11-26T10:00:0%dZ","eventName":"ObjectCreated:Put",
                  "userIdentity":{"principalId":"test"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},
                  "responseElements":{"x-amz-request-id":"REQ%d","x-amz-id-2":"HOST%d"},
                  "s3":{"s3SchemaVersion":"1.0","configurationId":"c","bucket":{"name":"photos",
                    "ownerIdentity":{"principalId":"test"},"arn":"arn:aws:s3:::photos"},
                    "object":{"key":"%s","size":100,"eTag":"e%d","sequencer":"0%d"}}}]}
                """.formatted(n, n, n, encoded, n, n);
    }
}
