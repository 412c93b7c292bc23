package dev.tributary.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.ElasticMqQueues;
import dev.tributary.gateway.testing.FaultySink;
import dev.tributary.gateway.testing.GatewayProcess;
import dev.tributary.gateway.testing.LossOracle;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The packaged gateway as a child process, killed and stopped under load, with the loss/duplicate
 * oracle: kill -9 with SQS messages in flight and a restart; a live reload under push and SQS load;
 * SIGTERM under push and SQS load (bounded exit; every 2xx'd push is at the sink; SQS messages not
 * delivered come back and a restarted gateway delivers them).
 */
class CrashSafetyIT {

    static final int MESSAGES = 2000;
    static final int SECOND_BATCH = 1000;

    private final LossOracle oracle = new LossOracle();

    @Test
    void killedStoppedAndReloadedUnderLoadLosesNothing() throws Exception {
        try (ElasticMqQueues queues = new ElasticMqQueues();
                FaultySink sink = new FaultySink(Map.of(), 0, 0, this::delivered)) {
            String queue = queues.create("crash", 5);
            String mappings = """
                    apiVersion: tributary.dev/v1
                    sources:
                    %s  push: { type: cloudevents, auth: none }
                    sinks:
                      store: { type: http, url: %s/sqs }
                      pushed: { type: http, url: %s/push }
                    routes:
                      - { name: sqs, from: [uploads], to: [store] }
                      - { name: push, from: [push], to: [pushed] }
                    """.formatted(
                    queues.source("uploads", queue, 1, 5).replace("type: aws-sqs", "type: aws-sqs\n    concurrency: 4"),
                    sink.url(),
                    sink.url());
            Path file = Files.createTempFile(Path.of("target"), "crash-mappings", ".yaml");
            Files.writeString(file, mappings);
            Map<String, String> environment = Map.of(
                    "AWS_ACCESS_KEY_ID",
                    "test",
                    "AWS_SECRET_ACCESS_KEY",
                    "test",
                    "TRIBUTARY_MAPPINGS_RELOAD_INTERVAL",
                    "1s");
            List<String> report = new ArrayList<>();

            // 1. kill -9 with messages in flight, then a restart
            send(queues, queue, "sqs kill -9 + restart", 0, MESSAGES);
            try (GatewayProcess gateway = GatewayProcess.startReady("crash-1", file, environment)) {
                await(30, () -> oracle.tally("sqs kill -9 + restart").delivered() >= MESSAGES / 4);
                gateway.kill();
            }
            report.add("killed with "
                    + (MESSAGES - oracle.tally("sqs kill -9 + restart").delivered()) + " undelivered");
            try (GatewayProcess gateway = GatewayProcess.startReady("crash-2", file, environment)) {
                await(90, () -> oracle.complete("sqs kill -9 + restart"));

                // 2. a live reload under push and SQS load
                send(queues, queue, "sqs reload + SIGTERM", 0, SECOND_BATCH);
                AtomicBoolean pushing = new AtomicBoolean(true);
                Thread pusher = new Thread(() -> push(gateway, pushing), "pusher");
                pusher.start();
                Thread.sleep(500);
                Files.writeString(file, mappings + "# reloaded under load\n");
                Thread.sleep(2500);

                // 3. SIGTERM under load
                Duration exit = gateway.terminate(Duration.ofSeconds(30));
                pushing.set(false);
                pusher.join();
                report.add("SIGTERM exit took " + exit.toMillis() + " ms");
                assertTrue(exit.compareTo(Duration.ofSeconds(20)) < 0, "exit took " + exit);
                assertEquals(
                        0,
                        oracle.tally("push reload + SIGTERM").missing(),
                        "every push answered 2xx is at the sink: " + oracle.tally("push reload + SIGTERM"));
            }
            try (GatewayProcess gateway = GatewayProcess.startReady("crash-3", file, environment)) {
                await(90, () -> oracle.complete("sqs reload + SIGTERM"));
                await(30, () -> queues.messages(queue) == 0);
            }
            oracle.tallies().values().forEach(tally -> report.add(tally.toString()));
            System.out.println(
                    "Crash and stop safety (packaged gateway, child process):\n  " + String.join("\n  ", report));
            oracle.tallies().values().forEach(tally -> assertEquals(0, tally.missing(), tally.toString()));
            assertEquals(0, queues.messages(queue), "the queue ends empty");
        }
    }

    private void delivered(String path, String subject) {
        int n = Integer.parseInt(subject.substring(subject.indexOf('-') + 1));
        if (path.equals("/push")) {
            oracle.delivered("push reload + SIGTERM", n);
        } else {
            oracle.delivered(n < MESSAGES ? "sqs kill -9 + restart" : "sqs reload + SIGTERM", n);
        }
    }

    private void send(ElasticMqQueues queues, String queue, String scenario, int first, int count) {
        int offset = scenario.startsWith("sqs kill") ? 0 : MESSAGES;
        for (int batch = 0; batch < count; batch += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = batch; i < Math.min(count, batch + 10); i++) {
                int n = offset + first + i;
                oracle.sent(scenario, n);
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id("m" + i)
                        .messageBody(S3Notifications.created("n-" + n))
                        .build());
            }
            queues.client().sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
        }
    }

    /** Pushes numbered events one after another; only those answered 2xx count as sent. */
    private void push(GatewayProcess gateway, AtomicBoolean pushing) {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int n = 0; pushing.get(); n++) {
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(gateway.uri("/sources/push"))
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .header("Content-Type", "application/json")
                                .header("ce-specversion", "1.0")
                                .header("ce-id", "push-" + n)
                                .header("ce-source", "/crash")
                                .header("ce-type", "com.example.crash")
                                .header("ce-subject", "n-" + n)
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    oracle.sent("push reload + SIGTERM", n);
                }
            } catch (Exception e) {
                CloudSender.pause(50); // refused while stopping: not acknowledged, so not sent
            }
        }
    }

    private static void await(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }
}
