package dev.tributary.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tributary.bench.BenchEvent;
import dev.tributary.bench.sink.CountingSink;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class OpenLoopClientTest {

    @Test
    void sendsAtTheRateAskedAndRecordsOnlyTheMeasuredWindow() throws Exception {
        try (CountingSink sink = CountingSink.start(0, 1)) {
            LoadResult result = OpenLoopClient.run(settings(
                    URI.create("http://127.0.0.1:" + sink.port() + "/"),
                    200,
                    Duration.ofMillis(250),
                    Duration.ofSeconds(1),
                    4));
            assertEquals(200, result.sent(), 1);
            assertEquals(result.sent(), result.ok());
            assertEquals(0, result.failed() + result.unanswered());
            assertEquals(250, sink.count(), 2, "warm-up requests are sent too");
            assertTrue(result.p50() > 0 && result.p50() <= result.p99() && result.p99() <= result.max());
        }
    }

    @Test
    void countsQueueingBehindASlowServerAsLatency() throws Exception {
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.setExecutor(Executors.newSingleThreadExecutor());
        slow.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            sleep(50);
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        slow.start();
        try {
            // 20 requests in 0.5 s, one connection, 50 ms each: the last waits about half a second
            LoadResult result = OpenLoopClient.run(settings(
                    URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + "/"),
                    40,
                    Duration.ZERO,
                    Duration.ofMillis(500),
                    1));
            assertEquals(20, result.ok(), 1);
            assertTrue(result.max() > 400, "a closed-loop measurement would see 50 ms; saw max " + result.max());
            assertTrue(result.p50() > 100, "p50 " + result.p50());
        } finally {
            slow.stop(0);
        }
    }

    @Test
    void reportsAnswersOtherThan2xxAsFailed() throws Exception {
        HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        refusing.start();
        try {
            LoadResult result = OpenLoopClient.run(settings(
                    URI.create("http://127.0.0.1:" + refusing.getAddress().getPort() + "/"),
                    50,
                    Duration.ZERO,
                    Duration.ofMillis(200),
                    2));
            assertEquals(0, result.ok());
            assertEquals(result.sent(), result.failed());
        } finally {
            refusing.stop(0);
        }
    }

    private static OpenLoopClient.Settings settings(
            URI target, double rate, Duration warmup, Duration duration, int connections) {
        return new OpenLoopClient.Settings(
                target,
                BenchEvent.headers(),
                BenchEvent.body(),
                rate,
                warmup,
                duration,
                connections,
                Duration.ofSeconds(10));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
