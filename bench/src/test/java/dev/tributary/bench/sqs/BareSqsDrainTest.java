package dev.tributary.bench.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.bench.sink.CountingSink;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class BareSqsDrainTest {

    private static ElasticMq elasticMq;
    private static SqsClient client;

    @BeforeAll
    static void startEmulator() {
        elasticMq = ElasticMq.start(0);
        client = LocalSqs.client(elasticMq.endpoint());
    }

    @AfterAll
    static void stopEmulator() {
        client.close();
        elasticMq.close();
    }

    @Test
    void loaderFillsTheQueueAndTheLoopDrainsItToTheSink() throws Exception {
        String queueUrl = SqsLoader.load(client, "drain-test", 25, 2);
        assertEquals(25, LocalSqs.depth(client, queueUrl));
        try (CountingSink sink = CountingSink.start(0, 1)) {
            BareSqsDrain.Result result = BareSqsDrain.run(new BareSqsDrain.Settings(
                    elasticMq.endpoint(),
                    queueUrl,
                    URI.create("http://127.0.0.1:" + sink.port() + "/"),
                    2,
                    25,
                    1,
                    Duration.ofSeconds(30)));
            assertEquals(25, result.delivered());
            assertEquals(25, sink.count());
            assertTrue(result.seconds() > 0 && result.cpuMillis() >= 0);
        }
        assertEquals(0, LocalSqs.depth(client, queueUrl), "every delivered message is deleted");
    }

    @Test
    void theLoopStopsAtTheDeadlineWhenTheQueueHoldsTooFew() throws Exception {
        String queueUrl = SqsLoader.load(client, "short-queue", 3, 1);
        try (CountingSink sink = CountingSink.start(0, 1)) {
            BareSqsDrain.Result result = BareSqsDrain.run(new BareSqsDrain.Settings(
                    elasticMq.endpoint(),
                    queueUrl,
                    URI.create("http://127.0.0.1:" + sink.port() + "/"),
                    1,
                    10,
                    1,
                    Duration.ofSeconds(2)));
            assertEquals(3, result.delivered());
            assertEquals(0, result.seconds(), "the target was not reached: no rate");
        }
    }
}
