package dev.tributary.gateway.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.core.ApiFuture;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import dev.tributary.adapters.gcp.pubsub.PubsubEmulator;
import dev.tributary.gateway.testing.CountingSink;
import dev.tributary.gateway.testing.GatewayProcess;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
 * processes) consume one SQS queue (ElasticMQ) and one Pub/Sub subscription (the emulator); one
 * is killed (SIGKILL) mid-drain. Every message is delivered: what the killed one had not
 * acknowledged comes back (visibility timeout, ack deadline) to the survivor. Duplicates are
 * counted (at-least-once allows them), missing messages are not allowed.
 */
class CompetingConsumersIT {

    private static final int PER_SOURCE = 600;
    private static final String PROJECT = "tributary-scaling";

    @Test
    void killingOneOfTwoReplicasMidDrainLosesNothing() throws Exception {
        Path target = Path.of("target");
        SQSRestServer elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        String sqsEndpoint = "http://127.0.0.1:" + elasticMq.waitUntilStarted().localAddress().getPort();
        PubsubEmulator emulator = PubsubEmulator.start(target.resolve("competing-pubsub-emulator.log"));
        ManagedChannel channel = ManagedChannelBuilder.forTarget(emulator.endpoint()).usePlaintext().build();
        try (SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(sqsEndpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
             CountingSink sink = new CountingSink(15)) {
            String queueUrl = sqs.createQueue(q -> q.queueName("uploads")
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5"))).queueUrl();
            String subscription = subscribe(channel, "photos");
            Set<String> sqsIds = sendToQueue(sqs, queueUrl);
            Set<String> pubsubIds = publish(channel, "photos");

            Path mappings = Files.writeString(target.resolve("competing-consumers.yaml"), """
                    apiVersion: tributary.dev/v1
                    sources:
                      uploads:
                        type: aws-sqs
                        queueUrl: %s
                        endpoint: %s
                        region: us-east-1
                        waitTimeSeconds: 1
                        visibilityTimeout: 5
                      photos:
                        type: gcp-pubsub
                        subscription: %s
                        endpoint: %s
                        maxOutstandingMessages: 20
                    sinks:
                      counter: { type: http, url: '%s' }
                    routes:
                      - name: all
                        from: [uploads, photos]
                        to: [counter]
                    """.formatted(queueUrl, sqsEndpoint, subscription, emulator.endpoint(), sink.url()));
            Instant started = Instant.now();
            try (GatewayProcess a = replica("a", mappings); GatewayProcess b = replica("b", mappings)) {
                int total = 2 * PER_SOURCE;
                await(Duration.ofSeconds(120), () -> sink.countsById().size() >= total * 3 / 10, a, b);
                a.kill();
                int fromA = sink.fromReplica("a");
                int fromBAtKill = sink.fromReplica("b");
                int distinctAtKill = sink.countsById().size();
                Instant killed = Instant.now();
                await(Duration.ofSeconds(120), () -> sink.countsById().keySet().containsAll(sqsIds)
                        && sink.countsById().keySet().containsAll(pubsubIds), b);
                Thread.sleep(2_000); // late duplicates, if any, are counted too

                Map<String, Integer> counts = sink.countsById();
                int duplicates = counts.values().stream().mapToInt(n -> n - 1).sum();
                int missingSqs = missing(sqsIds, counts);
                int missingPubsub = missing(pubsubIds, counts);
                System.out.printf("competing consumers: %d SQS + %d Pub/Sub messages, 2 gateway processes; replica a "
                                + "SIGKILLed after %d distinct events (%d sent by a), the rest drained by b in %.1f s "
                                + "(total %.1f s)%n  received %d, distinct %d, duplicates %d (SQS %d, Pub/Sub %d), "
                                + "missing %d (SQS %d, Pub/Sub %d); by replica: a %d, b %d%n",
                        PER_SOURCE, PER_SOURCE, distinctAtKill, fromA,
                        Duration.between(killed, Instant.now()).toMillis() / 1000.0,
                        Duration.between(started, Instant.now()).toMillis() / 1000.0,
                        sink.received(), counts.size(), duplicates, duplicates(sqsIds, counts), duplicates(pubsubIds, counts),
                        missingSqs + missingPubsub, missingSqs, missingPubsub, sink.fromReplica("a"), sink.fromReplica("b"));

                assertEquals(0, missingSqs + missingPubsub, "every message delivered");
                assertEquals(total, counts.size(), "nothing but the published messages arrived");
                assertTrue(fromA > 0 && fromBAtKill > 0, "both replicas consumed before the kill: a " + fromA + ", b " + fromBAtKill);
                assertTrue(sink.fromReplica("b") > fromBAtKill, "the survivor drained the rest");
                assertEquals(fromA, sink.fromReplica("a"), "the killed replica sent nothing after its death");
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            emulator.close();
            elasticMq.stopAndWait();
        }
    }

    private static GatewayProcess replica(String name, Path mappings) throws Exception {
        return GatewayProcess.start(mappings, Map.of(
                        "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                        "K_CE_OVERRIDES", "{\"extensions\":{\"replica\":\"" + name + "\"}}"),
                Path.of("target", "competing-replica-" + name + ".log"));
    }

    private static Set<String> sendToQueue(SqsClient sqs, String queueUrl) {
        Set<String> ids = new HashSet<>();
        for (int batch = 0; batch < PER_SOURCE / 10; batch++) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + n)
                        .messageBody("{\"n\": " + (batch * 10 + n) + "}").build());
            }
            sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).successful()
                    .forEach(sent -> ids.add(sent.messageId()));
        }
        assertEquals(PER_SOURCE, ids.size());
        return ids;
    }

    private static String subscribe(ManagedChannel channel, String topicId) throws Exception {
        try (TopicAdminClient topics = TopicAdminClient.create(TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(channelProvider(channel)).setCredentialsProvider(NoCredentialsProvider.create()).build());
             SubscriptionAdminClient subscriptions = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(channelProvider(channel)).setCredentialsProvider(NoCredentialsProvider.create()).build())) {
            topics.createTopic(topic(topicId));
            String subscription = "projects/" + PROJECT + "/subscriptions/" + topicId;
            subscriptions.createSubscription(Subscription.newBuilder().setName(subscription).setTopic(topic(topicId))
                    .setPushConfig(PushConfig.getDefaultInstance()).setAckDeadlineSeconds(10).build());
            return subscription;
        }
    }

    private static Set<String> publish(ManagedChannel channel, String topicId) throws Exception {
        Publisher publisher = Publisher.newBuilder(TopicName.parse(topic(topicId)))
                .setChannelProvider(channelProvider(channel)).setCredentialsProvider(NoCredentialsProvider.create()).build();
        try {
            List<ApiFuture<String>> futures = new ArrayList<>();
            for (int n = 0; n < PER_SOURCE; n++) {
                futures.add(publisher.publish(PubsubMessage.newBuilder()
                        .setData(ByteString.copyFromUtf8("{\"n\": " + n + "}")).build()));
            }
            Set<String> ids = new HashSet<>();
            for (ApiFuture<String> future : futures) {
                ids.add(future.get(30, TimeUnit.SECONDS));
            }
            return ids;
        } finally {
            publisher.shutdown();
            publisher.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static int missing(Set<String> ids, Map<String, Integer> counts) {
        return (int) ids.stream().filter(id -> !counts.containsKey(id)).count();
    }

    private static int duplicates(Set<String> ids, Map<String, Integer> counts) {
        return ids.stream().mapToInt(id -> counts.getOrDefault(id, 1) - 1).sum();
    }

    private static String topic(String topicId) {
        return "projects/" + PROJECT + "/topics/" + topicId;
    }

    private static TransportChannelProvider channelProvider(ManagedChannel channel) {
        return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    }

    /** Waits for the condition while the given replicas live (a dead one fails the test with its log). */
    private static void await(Duration timeout, BooleanSupplier condition, GatewayProcess... replicas) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            for (GatewayProcess replica : replicas) {
                assertTrue(replica.isAlive(), "a replica died:\n" + Files.readString(replica.log()));
            }
            assertTrue(Instant.now().isBefore(deadline), "not within " + timeout);
            Thread.sleep(50);
        }
    }
}
