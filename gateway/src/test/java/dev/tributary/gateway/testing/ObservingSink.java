package dev.tributary.gateway.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP sink on loopback that measures what flow control promises: how many requests it
 * serves at once (the maximum is kept), when each arrived, and in which order. Each request is
 * held for {@code holdMillis} and answered with the status {@code answer} gives for it (by
 * {@code ce-id}). Thread-safe.
 */
public final class ObservingSink implements AutoCloseable {

    /** One request as it arrived: its {@code ce-id}, {@code ce-partitionkey}, status answered and arrival time. */
    public record Arrival(String id, String partitionKey, int status, long nanos) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final long holdMillis;
    private final Function<String, Integer> answer;
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();
    private final List<Arrival> arrivals = new ArrayList<>();

    public ObservingSink(long holdMillis, Function<String, Integer> answer) throws IOException {
        this.holdMillis = holdMillis;
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A sink answering 202 to everything after {@code holdMillis}. */
    public ObservingSink(long holdMillis) throws IOException {
        this(holdMillis, id -> 202);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The most requests served at once so far. */
    public int maxConcurrent() {
        return max.get();
    }

    /** Every request so far, in arrival order. */
    public synchronized List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Requests answered 2xx so far. */
    public synchronized long accepted() {
        return arrivals.stream().filter(arrival -> arrival.status() < 300).count();
    }

    /** Waits up to {@code seconds} for {@code count} accepted requests. */
    public void awaitAccepted(long count, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (accepted() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("accepted " + accepted() + " of " + count + " within " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("ce-id");
            int status = answer.apply(id);
            int now = current.incrementAndGet();
            max.accumulateAndGet(now, Math::max);
            synchronized (this) {
                arrivals.add(new Arrival(
                        id, exchange.getRequestHeaders().getFirst("ce-partitionkey"), status, System.nanoTime()));
            }
            try {
                Thread.sleep(holdMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                current.decrementAndGet();
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
