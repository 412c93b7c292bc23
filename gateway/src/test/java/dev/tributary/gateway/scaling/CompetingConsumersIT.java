package dev.tributary.gateway.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.tributary.gateway.testing.CountingSink;
import dev.tributary.gateway.testing.ElasticMqQueues;
import dev.tributary.gateway.testing.EmulatedPubsub;
import dev.tributary.gateway.testing.GatewayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Competing consumers, as KEDA runs them: two gateway processes (the packaged jar, as child
 * processes) drain one SQS queue (ElasticMQ) or one Pub/Sub subscription (the Cloud SDK's
 * emulator), and one is killed (SIGKILL, as a crash or an OOM kill) once about 30 % of the
 * {@value #MESSAGES} messages have arrived. The messages are sent once both replicas are ready, while
 * they drain.
 * Every message is delivered: what the killed one had not acknowledged comes back to the survivor
 * (SQS: after the 5 s visibility timeout; Pub/Sub: once the lease the killed client last took
 * expires). Duplicates are counted (at-least-once allows them); a missing message, an id that was
 * not sent, or an event from the killed replica after its death fails the test.
 *
 * <p>Pub/Sub runs with {@code ackDeadlineSeconds: 10} on the source (each lease the client takes
 * or extends lasts at most 10 s; the subscription's ack deadline is 10 s too). That is what bounds
 * a dead replica's hold in production as well, and on the emulator (0.8.20) it is what makes the
 * test finish: with the client library's default 60 s stream deadline it did not within 3 minutes
 * under load. The emulator (a) ignores the stream's flow control, so one stream is handed up to
 * 100 messages per publish batch, whatever {@code maxOutstandingMessages} says; (b) never answers
 * the client's StreamingPull keepalive, so the client closes a stream idle for about 20 s and
 * opens another; and (c) fails on the client's RST_STREAM ({@code NoSuchMethodError} in its own
 * gRPC server, in its log), so a closed stream stays registered and is handed messages nobody
 * reads until their lease expires, then maybe handed to another such stream. Each round costs one
 * lease: 60 s by default, 10 s here. Shown in {@code docs/scaling.md}.
 */
class CompetingConsumersIT {

    private static final int MESSAGES = 1000;
    private static final Path TARGET = Path.of("target");

    @Test
    void killingOneOfTwoReplicasMidDrainOfAnSqsQueueLosesNothing() throws Exception {
        try (ElasticMqQueues queues = new ElasticMqQueues();
                CountingSink sink = new CountingSink(15)) {
            String queueUrl = queues.create("uploads", 5);
            Path mappings = mappings("sqs", "uploads", queues.source("uploads", queueUrl, 1, 5), sink);
            killOneMidDrain("SQS", "sqs", mappings, sink, () -> sendToQueue(queues, queueUrl));
        }
    }

    @Test
    void killingOneOfTwoReplicasMidDrainOfAPubsubSubscriptionLosesNothing() throws Exception {
        try (EmulatedPubsub pubsub = new EmulatedPubsub(TARGET.resolve("competing-pubsub-emulator.log"));
                CountingSink sink = new CountingSink(15)) {
            String subscription = pubsub.topics().subscribe("photos", 10, false);
            Path mappings = mappings("pubsub", "photos", pubsub.source("photos", subscription, 20, 10), sink);
            killOneMidDrain("Pub/Sub", "pubsub", mappings, sink, () -> publish(pubsub));
        }
    }

    /** What sends the messages and returns their ids (the {@code ce-id} the gateway gives each event). */
    @FunctionalInterface
    private interface Feed {
        Set<String> send() throws Exception;
    }

    /** Starts replicas a and b, feeds them once both are ready, kills a at 30 %, and checks what b drained. */
    private static void killOneMidDrain(String what, String name, Path mappings, CountingSink sink, Feed feed)
            throws Exception {
        try (GatewayProcess a = replica(name, "a", mappings);
                GatewayProcess b = replica(name, "b", mappings)) {
            a.awaitReady();
            b.awaitReady();
            Instant started = Instant.now();
            // sent while both drain (a queue is sent to in 100 requests), so the kill falls mid-drain
            CompletableFuture<Set<String>> sent = CompletableFuture.supplyAsync(() -> {
                try {
                    return feed.send();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
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
            Set<String> ids = sent.get(60, TimeUnit.SECONDS);
            assertEquals(MESSAGES, ids.size());
            await(
                    Duration.ofSeconds(120),
                    () -> missing(ids, sink.countsById()) == 0,
                    () -> "missing " + missing(ids, sink.countsById()),
                    b);
            Duration drained = Duration.between(killed, Instant.now());
            Duration total = Duration.between(started, Instant.now());
            Thread.sleep(2_000); // late duplicates, if any, are counted too

            Map<String, Integer> counts = sink.countsById();
            int duplicates = counts.values().stream().mapToInt(n -> n - 1).sum();
            System.out.printf(
                    "competing consumers: %d %s messages, 2 gateway processes; replica a SIGKILLed after "
                            + "%d distinct events (%d sent by a), the rest drained by b in %.1f s (total %.1f s)%n"
                            + "  received %d, distinct %d, duplicates %d, missing %d; by replica: a %d, b %d%n",
                    MESSAGES,
                    what,
                    distinctAtKill,
                    fromA,
                    drained.toMillis() / 1000.0,
                    total.toMillis() / 1000.0,
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
    }

    /** Writes {@code target/competing-consumers-<name>.yaml}: the source, routed to the sink. */
    private static Path mappings(String name, String sourceName, String source, CountingSink sink) throws Exception {
        return Files.writeString(
                TARGET.resolve("competing-consumers-" + name + ".yaml"), """
                apiVersion: tributary.dev/v1
                sources:
                %ssinks:
                  counter: { type: http, url: '%s' }
                routes:
                  - name: all
                    from: [%s]
                    to: [counter]
                """.formatted(source, sink.url(), sourceName));
    }

    private static GatewayProcess replica(String test, String name, Path mappings) throws Exception {
        return GatewayProcess.start(
                mappings,
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "test",
                        "AWS_SECRET_ACCESS_KEY",
                        "test",
                        "K_CE_OVERRIDES",
                        "{\"extensions\":{\"replica\":\"" + name + "\"}}"),
                TARGET.resolve("competing-" + test + "-replica-" + name + ".log"));
    }

    private static Set<String> sendToQueue(ElasticMqQueues queues, String queueUrl) {
        Set<String> ids = new HashSet<>();
        for (int batch = 0; batch < MESSAGES / 10; batch++) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id("m" + n)
                        .messageBody("{\"n\": " + (batch * 10 + n) + "}")
                        .build());
            }
            queues.client()
                    .sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries))
                    .successful()
                    .forEach(sent -> ids.add(sent.messageId()));
        }
        return ids;
    }

    private static Set<String> publish(EmulatedPubsub pubsub) throws Exception {
        List<PubsubMessage> messages = new ArrayList<>();
        for (int n = 0; n < MESSAGES; n++) {
            messages.add(PubsubMessage.newBuilder()
                    .setData(ByteString.copyFromUtf8("{\"n\": " + n + "}"))
                    .build());
        }
        return new HashSet<>(pubsub.topics().publish("photos", messages));
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
