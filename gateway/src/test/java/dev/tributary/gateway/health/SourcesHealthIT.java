package dev.tributary.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.gateway.testing.ElasticMqQueues;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A pull source that lost its queue makes the gateway not ready, and readiness says which source and why. */
class SourcesHealthIT {

    @Test
    void aDeletedQueueShowsInReadiness() throws Exception {
        try (ElasticMqQueues queues = new ElasticMqQueues();
                RecordingSink sink = new RecordingSink()) {
            String queueUrl = queues.create("uploads", 30);
            String mappings = """
                    apiVersion: tributary.dev/v1
                    sources:
                      uploads: { type: aws-sqs, queueUrl: '%s', endpoint: '%s', region: us-east-1, waitTimeSeconds: 1 }
                    sinks:
                      store: { type: http, url: SINK/store }
                    routes:
                      - { name: all, from: [uploads], to: [store] }
                    """.formatted(queueUrl, queues.endpoint());
            try (GatewayUnderTest gateway = new GatewayUnderTest(mappings, sink)) {
                HttpResponse<String> ready = gateway.getManagement("/health/readiness");
                assertEquals(200, ready.statusCode(), ready.body());
                assertEquals(
                        "UP", sources(ready).path("details").path("uploads").asText(), ready.body());

                queues.client().deleteQueue(q -> q.queueUrl(queueUrl));
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
        }
    }

    private static JsonNode sources(HttpResponse<String> readiness) throws Exception {
        return new ObjectMapper().readTree(readiness.body()).path("details").path("sources");
    }
}
