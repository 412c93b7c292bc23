package dev.tributary.gateway.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP sink that answers every POST 200 after {@code delayMillis} and counts what it
 * got: how often each {@code ce-id} arrived, and how many events each {@code ce-replica} (the
 * extension a gateway process sets through {@code K_CE_OVERRIDES}) sent. Thread-safe.
 */
public final class CountingSink implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final Map<String, AtomicInteger> byId = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> byReplica = new ConcurrentHashMap<>();
    private final AtomicInteger received = new AtomicInteger();

    public CountingSink(long delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("ce-id");
            String replica = String.valueOf(exchange.getRequestHeaders().getFirst("ce-replica"));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byId.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            byReplica.computeIfAbsent(replica, key -> new AtomicInteger()).incrementAndGet();
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** How many times each id arrived. */
    public Map<String, Integer> countsById() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        byId.forEach((id, count) -> counts.put(id, count.get()));
        return counts;
    }

    /** Events received from each replica. */
    public int fromReplica(String replica) {
        AtomicInteger count = byReplica.get(replica);
        return count == null ? 0 : count.get();
    }

    public int received() {
        return received.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
