package dev.tributary.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.ElasticMqQueues;
import dev.tributary.gateway.testing.GatewayProcess;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shutdown contract: a stopping gateway starts nothing, and an idle pull source does not hold it up. */
class ShutdownIT {

    @RegisterExtension
    static final ElasticMqQueues QUEUES = new ElasticMqQueues();

    @Test
    void anIdleSqsSourceDoesNotHoldShutdownForItsLongPoll() throws Exception {
        String queue = QUEUES.create("idle", 30);
        String mappings = "apiVersion: tributary.dev/v1\nsources:\n" + QUEUES.source("idle", queue, 20, 30) + """
                sinks:
                  store: { type: http, url: SINK/store }
                routes:
                  - name: all
                    from: [idle]
                    to: [store]
                """;
        try (RecordingSink sink = new RecordingSink()) {
            GatewayUnderTest gateway = new GatewayUnderTest(mappings, sink);
            Thread.sleep(1000); // the poller is inside its 20 s long poll
            long stopping = System.nanoTime();
            gateway.close();
            Duration took = Duration.ofNanos(System.nanoTime() - stopping);
            assertTrue(
                    took.compareTo(Duration.ofSeconds(5)) < 0,
                    "stopping with an idle 20 s long poll took " + took.toMillis() + " ms");
        }
    }

    /**
     * The race of the report, with the packaged gateway as a process (in-process, the old lazily
     * created watcher did not reproduce it): SIGTERM while an SQS message's delivery is in flight
     * to a slow sink, so stopping the pipeline lasts past the first reload check; messages sent to
     * the queue after the SIGTERM must stay there. Before the fix, that check created the watcher
     * bean, which built a fresh pipeline whose SQS source consumed them while the gateway stopped.
     */
    @Test
    void aReloadCheckFallingInsideShutdownStartsNoPipeline() throws Exception {
        Duration reloadInterval = Duration.ofSeconds(12);
        String queue = QUEUES.create("late", 30);
        String mappings = "apiVersion: tributary.dev/v1\nsources:\n" + QUEUES.source("late", queue, 20, 30) + """
                sinks:
                  store: { type: http, url: SINK/store }
                routes:
                  - name: all
                    from: [late]
                    to: [store]
                    delivery: { timeout: PT30S }
                """;
        try (RecordingSink sink = new RecordingSink()) {
            sink.script("/store", new Response(202, Map.of(), "", 16_000));
            QUEUES.client().sendMessage(m -> m.queueUrl(queue).messageBody("{\"n\":\"in flight\"}"));
            Path file =
                    Files.writeString(Path.of("target", "shutdown-reload.yaml"), mappings.replace("SINK", sink.url()));
            long started = System.nanoTime();
            try (GatewayProcess gateway = GatewayProcess.start(
                    file,
                    Map.of(
                            "AWS_ACCESS_KEY_ID", "test",
                            "AWS_SECRET_ACCESS_KEY", "test",
                            "TRIBUTARY_MAPPINGS_RELOAD_INTERVAL", reloadInterval.toSeconds() + "s"),
                    Path.of("target", "shutdown-reload.log"))) {
                sink.next("/store", 30);
                Duration sigterm = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(
                        sigterm.compareTo(reloadInterval.minusSeconds(2)) < 0,
                        "the race needs the SIGTERM before the first reload check; it came after " + sigterm.toMillis()
                                + " ms");
                CompletableFuture<Duration> stopping =
                        CompletableFuture.supplyAsync(() -> terminate(gateway, Duration.ofSeconds(40)));
                Thread.sleep(1500);
                for (int i = 0; i < 10; i++) {
                    int n = i;
                    QUEUES.client().sendMessage(m -> m.queueUrl(queue).messageBody("{\"n\":" + n + "}"));
                }
                stopping.join();
                Duration exited = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(
                        exited.compareTo(reloadInterval) > 0,
                        "stopping lasted past the first reload check (" + reloadInterval.toMillis()
                                + " ms after start): exited after " + exited.toMillis() + " ms");
            }
            assertEquals(0, sink.pending("/store"), "nothing but the in-flight message reached the sink");
            assertEquals(
                    11,
                    QUEUES.messages(queue),
                    "still on the queue: the 10 sent after the SIGTERM, and the one in flight, whose delivery the"
                            + " 10 s stop timeout cut off (nothing undelivered is acknowledged)");
        }
    }

    private static Duration terminate(GatewayProcess gateway, Duration atMost) {
        try {
            return gateway.terminate(atMost);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
