package dev.tributary.gateway.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * S3 notifications sent with the AWS SDK to a real SQS-compatible server (ElasticMQ), consumed by
 * the gateway's {@code aws-sqs} source and delivered to an HTTP sink that fails for a while:
 * nothing is lost, and the queue is empty at the end.
 */
class SqsIngressIT {

    private static SQSRestServer elasticMq;
    private static SqsClient sqs;
    private static String endpoint;

    @BeforeAll
    static void startQueue() {
        elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .start();
        endpoint = "http://127.0.0.1:"
                + elasticMq.waitUntilStarted().localAddress().getPort();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        sqs = SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stopQueue() {
        sqs.close();
        elasticMq.stopAndWait();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void aSinkFailingForAWhileLosesNothingAndTheQueueEndsEmpty() throws Exception {
        String queueUrl = sqs.createQueue(
                        q -> q.queueName("uploads").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "2")))
                .queueUrl();
        String mappings = """
                apiVersion: tributary.dev/v1
                sources:
                  uploads:
                    type: aws-sqs
                    queueUrl: %s
                    endpoint: %s
                    region: us-east-1
                    waitTimeSeconds: 1
                    visibilityTimeout: 2
                sinks:
                  store: { type: http, url: SINK/store }
                routes:
                  - name: all
                    from: [uploads]
                    to: [store]
                    delivery: { retry: 0 }
                """.formatted(queueUrl, endpoint);
        try (RecordingSink sink = new RecordingSink()) {
            sink.script(
                    "/store", Response.status(503), Response.status(503), Response.status(503), Response.status(500));
            try (GatewayUnderTest gateway = new GatewayUnderTest(mappings, sink)) {
                for (int i = 0; i < 5; i++) {
                    int n = i;
                    sqs.sendMessage(
                            m -> m.queueUrl(queueUrl).messageBody(s3Notification("photos/cat " + n + ".jpg", n)));
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
                assertQueueEmpties(queueUrl);
            }
        }
    }

    private static void assertQueueEmpties(String queueUrl) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        Map<QueueAttributeName, String> attributes = Map.of();
        while (System.nanoTime() < deadline) {
            attributes = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl)
                            .attributeNames(
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes();
            if (attributes.values().stream().allMatch("0"::equals)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("queue not empty: " + attributes);
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
