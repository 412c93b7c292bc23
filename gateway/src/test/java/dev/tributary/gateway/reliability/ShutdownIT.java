package dev.tributary.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.ElasticMqQueues;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shutdown contract: a stopping gateway starts nothing, and an idle pull source does not hold it up. */
class ShutdownIT {

    private static ElasticMqQueues queues;

    @BeforeAll
    static void startQueues() {
        queues = new ElasticMqQueues();
    }

    @AfterAll
    static void stopQueues() {
        queues.close();
    }

    @Test
    void anIdleSqsSourceDoesNotHoldShutdownForItsLongPoll() throws Exception {
        String queue = queues.create("idle", 30);
        String mappings = "apiVersion: tributary.dev/v1\nsources:\n" + queues.source("idle", queue, 20, 30) + """
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

    @Test
    void aReloadCheckFallingInsideShutdownStartsNoPipeline() throws Exception {
        String queue = queues.create("late", 30);
        String mappings = "apiVersion: tributary.dev/v1\nsources:\n" + queues.source("late", queue, 20, 30) + """
                sinks:
                  store: { type: http, url: SINK/store }
                routes:
                  - name: all
                    from: [late]
                    to: [store]
                """;
        try (RecordingSink sink = new RecordingSink()) {
            // the first reload check comes 1 s after start, while the gateway is stopping
            // (stopping took 10 s here while the source's long poll lasted)
            GatewayUnderTest gateway =
                    new GatewayUnderTest(mappings, sink, Map.of("tributary.mappings-reload-interval", "1s"));
            Thread.sleep(500);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(gateway::close);
            Thread.sleep(1500);
            stopping.join();

            for (int i = 0; i < 10; i++) {
                int n = i;
                queues.client().sendMessage(m -> m.queueUrl(queue).messageBody("{\"n\":" + n + "}"));
            }
            Thread.sleep(3000);
            assertEquals(0, sink.pending("/store"), "nothing consumed the queue after shutdown");
            assertEquals(10, queues.messages(queue), "every message is still on the queue, none received");
        }
    }
}
