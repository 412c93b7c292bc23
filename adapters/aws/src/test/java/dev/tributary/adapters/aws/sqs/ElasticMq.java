package dev.tributary.adapters.aws.sqs;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** An embedded ElasticMQ server on 127.0.0.1 and an SDK client to drive it, for tests. */
final class ElasticMq implements AutoCloseable {

    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    static final String ACCOUNT = "000000000000";

    final URI endpoint;
    final SqsClient client;
    private final SQSRestServer server;

    ElasticMq() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .start();
        endpoint = URI.create(
                "http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
        client = SqsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(CREDENTIALS)
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .build();
    }

    /** Creates a queue with a unique name; returns its URL on this server. */
    String createQueue(String prefix, Map<QueueAttributeName, String> attributes) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        client.createQueue(request -> request.queueName(name).attributes(attributes));
        return endpoint + "/" + ACCOUNT + "/" + name;
    }

    String queueArn(String queueUrl) {
        return client.getQueueAttributes(
                        request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    /** Visible plus in-flight messages. */
    int messagesIn(String queueUrl) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(request -> request.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
