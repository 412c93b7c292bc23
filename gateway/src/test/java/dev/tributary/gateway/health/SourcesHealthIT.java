package dev.tributary.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A pull source that lost its queue makes the gateway not ready, and readiness says which source and why. */
class SourcesHealthIT {

    @Test
    void aDeletedQueueShowsInReadiness() throws Exception {
        SQSRestServer elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .start();
        String endpoint = "http://127.0.0.1:"
                + elasticMq.waitUntilStarted().localAddress().getPort();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        try (SqsClient sqs = SqsClient.builder()
                        .endpointOverride(URI.create(endpoint))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
                RecordingSink sink = new RecordingSink()) {
            String queueUrl = sqs.createQueue(q -> q.queueName("uploads")).queueUrl();
            String mappings = """
                    apiVersion: tributary.dev/v1
                    sources:
                      uploads: { type: aws-sqs, queueUrl: '%s', endpoint: '%s', region: us-east-1, waitTimeSeconds: 1 }
                    sinks:
                      store: { type: http, url: SINK/store }
                    routes:
                      - { name: all, from: [uploads], to: [store] }
                    """.formatted(queueUrl, endpoint);
            try (GatewayUnderTest gateway = new GatewayUnderTest(mappings, sink)) {
                HttpResponse<String> ready = gateway.getManagement("/health/readiness");
                assertEquals(200, ready.statusCode(), ready.body());
                assertEquals(
                        "UP", sources(ready).path("details").path("uploads").asText(), ready.body());

                sqs.deleteQueue(q -> q.queueUrl(queueUrl));
                Instant deadline = Instant.now().plusSeconds(30);
                HttpResponse<String> lost = gateway.getManagement("/health/readiness");
                while (lost.statusCode() == 200) {
                    assertTrue(
                            Instant.now().isBefore(deadline),
                            "still ready 30 s after the queue was deleted: " + lost.body());
                    Thread.sleep(200);
                    lost = gateway.getManagement("/health/readiness");
                }
                assertEquals(503, lost.statusCode(), lost.body());
                assertEquals("DOWN", sources(lost).path("status").asText(), lost.body());
                assertTrue(
                        sources(lost).path("details").path("uploads").asText().startsWith("polling failed: "),
                        lost.body());
                assertEquals(
                        200,
                        gateway.getManagement("/health/liveness").statusCode(),
                        "alive all the same: a restart would not bring the queue back");
            }
        } finally {
            elasticMq.stopAndWait();
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    private static JsonNode sources(HttpResponse<String> readiness) throws Exception {
        return new ObjectMapper().readTree(readiness.body()).path("details").path("sources");
    }
}
