package dev.tributary.gateway.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.CountingSink;
import dev.tributary.gateway.testing.GatewayProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Competing consumers, as KEDA runs them: two gateway processes (the packaged jar, as child
 * processes) drain one SQS queue (ElasticMQ), and one is killed (SIGKILL, as a crash or an OOM
 * kill) mid-drain. Every message is delivered: what the killed one had not deleted comes back to
 * the survivor after the visibility timeout. Duplicates are counted (at-least-once allows them),
 * missing messages are not allowed.
 *
 * <p>Pub/Sub is not in this test: with the emulator, the messages a stopped StreamingPull client
 * held (killed or shut down) did not reach the other client within three minutes (the emulator
 * fails on the reset stream), so a test on it would show the emulator, not the gateway.
 */
class CompetingConsumersIT {

    private static final int MESSAGES = 1000;

    @Test
    void killingOneOfTwoReplicasMidDrainLosesNothing() throws Exception {
        Path target = Path.of("target");
        SQSRestServer elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .start();
        String sqsEndpoint = "http://127.0.0.1:"
                + elasticMq.waitUntilStarted().localAddress().getPort();
        try (SqsClient sqs = SqsClient.builder()
                        .endpointOverride(URI.create(sqsEndpoint))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
                CountingSink sink = new CountingSink(15)) {
            String queueUrl = sqs.createQueue(
                            q -> q.queueName("uploads").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5")))
                    .queueUrl();
            Set<String> ids = sendToQueue(sqs, queueUrl);
            Path mappings = Files.writeString(
                    target.resolve("competing-consumers.yaml"), """
                    apiVersion: tributary.dev/v1
                    sources:
                      uploads:
                        type: aws-sqs
                        queueUrl: %s
                        endpoint: %s
                        region: us-east-1
                        waitTimeSeconds: 1
                        visibilityTimeout: 5
                    sinks:
                      counter: { type: http, url: '%s' }
                    routes:
                      - name: all
                        from: [uploads]
                        to: [counter]
                    """.formatted(queueUrl, sqsEndpoint, sink.url()));
            Instant started = Instant.now();
            try (GatewayProcess a = replica("a", mappings);
                    GatewayProcess b = replica("b", mappings)) {
                await(
                        Duration.ofSeconds(120),
                        () -> sink.countsById().size() >= MESSAGES * 3 / 10
                                && sink.fromReplica("a") > 0
                                && sink.fromReplica("b") > 0,
                        () -> "a " + sink.fromReplica("a") + ", b " + sink.fromReplica("b"),
                        a,
                        b);
                a.kill();
                int fromA = sink.fromReplica("a");
                int fromBAtKill = sink.fromReplica("b");
                int distinctAtKill = sink.countsById().size();
                Instant killed = Instant.now();
                await(
                        Duration.ofSeconds(120),
                        () -> missing(ids, sink.countsById()) == 0,
                        () -> "missing " + missing(ids, sink.countsById()),
                        b);
                Thread.sleep(2_000); // late duplicates, if any, are counted too

                Map<String, Integer> counts = sink.countsById();
                int duplicates = counts.values().stream().mapToInt(n -> n - 1).sum();
                System.out.printf(
                        "competing consumers: %d SQS messages, 2 gateway processes; replica a SIGKILLed after "
                                + "%d distinct events (%d sent by a), the rest drained by b in %.1f s (total %.1f s)%n"
                                + "  received %d, distinct %d, duplicates %d, missing %d; by replica: a %d, b %d%n",
                        MESSAGES,
                        distinctAtKill,
                        fromA,
                        Duration.between(killed, Instant.now()).toMillis() / 1000.0,
                        Duration.between(started, Instant.now()).toMillis() / 1000.0,
                        sink.received(),
                        counts.size(),
                        duplicates,
                        missing(ids, counts),
                        sink.fromReplica("a"),
                        sink.fromReplica("b"));

                assertEquals(0, missing(ids, counts), "every message delivered");
                assertEquals(ids, counts.keySet(), "nothing but the sent messages arrived");
                assertTrue(
                        fromA > 0 && fromBAtKill > 0,
                        "both replicas consumed before the kill: a " + fromA + ", b " + fromBAtKill);
                assertTrue(sink.fromReplica("b") > fromBAtKill, "the survivor drained the rest");
                assertEquals(fromA, sink.fromReplica("a"), "the killed replica sent nothing after its death");
            }
        } finally {
            elasticMq.stopAndWait();
        }
    }

    private static GatewayProcess replica(String name, Path mappings) throws Exception {
        return GatewayProcess.start(
                mappings,
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "test",
                        "AWS_SECRET_ACCESS_KEY",
                        "test",
                        "K_CE_OVERRIDES",
                        "{\"extensions\":{\"replica\":\"" + name + "\"}}"),
                Path.of("target", "competing-replica-" + name + ".log"));
    }

    private static Set<String> sendToQueue(SqsClient sqs, String queueUrl) {
        Set<String> ids = new HashSet<>();
        for (int batch = 0; batch < MESSAGES / 10; batch++) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id("m" + n)
                        .messageBody("{\"n\": " + (batch * 10 + n) + "}")
                        .build());
            }
            sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries))
                    .successful()
                    .forEach(sent -> ids.add(sent.messageId()));
        }
        assertEquals(MESSAGES, ids.size());
        return ids;
    }

    private static int missing(Set<String> ids, Map<String, Integer> counts) {
        return (int) ids.stream().filter(id -> !counts.containsKey(id)).count();
    }

    /** Waits for the condition while the given replicas live (a dead one fails the test with its log). */
    private static void await(
            Duration timeout, BooleanSupplier condition, Supplier<String> progress, GatewayProcess... replicas)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            for (GatewayProcess replica : replicas) {
                assertTrue(replica.isAlive(), "a replica died:\n" + Files.readString(replica.log()));
            }
            assertTrue(Instant.now().isBefore(deadline), "not within " + timeout + ": " + progress.get());
            Thread.sleep(50);
        }
    }
}
