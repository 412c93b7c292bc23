package dev.tributary.gateway.testing;

import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An embedded ElasticMQ (a real SQS-protocol server) on a loopback port, with an SDK client for the
 * test's side of the queue. Sets the AWS credential system properties the gateway's source reads
 * while open. Closed by the test, or, registered as a static {@code @RegisterExtension} field,
 * after the test class.
 */
public final class ElasticMqQueues implements AutoCloseable, AfterAllCallback {

    private final SQSRestServer server;
    private final String endpoint;
    private final SqsClient client;

    public ElasticMqQueues() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .start();
        endpoint =
                "http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        client = SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public String endpoint() {
        return endpoint;
    }

    public SqsClient client() {
        return client;
    }

    /** Creates a queue with the given visibility timeout (seconds) and returns its URL. */
    public String create(String name, int visibilityTimeout) {
        return client.createQueue(q -> q.queueName(name)
                        .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeout))))
                .queueUrl();
    }

    /** Messages on the queue, visible and in flight. */
    public int messages(String queueUrl) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(a -> a.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    /**
     * Waits up to 20 s until the queue holds no message, visible or in flight.
     *
     * @throws AssertionError saying how many are left
     */
    public void awaitEmpty(String queueUrl) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        int left = messages(queueUrl);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = messages(queueUrl);
        }
        if (left > 0) {
            throw new AssertionError("queue not empty after 20 s: " + left + " messages left");
        }
    }

    /** The mappings text of an {@code aws-sqs} source named {@code name} on this server. */
    public String source(String name, String queueUrl, int waitTimeSeconds, int visibilityTimeout) {
        return """
                  %s:
                    type: aws-sqs
                    queueUrl: %s
                    endpoint: %s
                    region: us-east-1
                    waitTimeSeconds: %d
                    visibilityTimeout: %d
                """.formatted(name, queueUrl, endpoint, waitTimeSeconds, visibilityTimeout);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
