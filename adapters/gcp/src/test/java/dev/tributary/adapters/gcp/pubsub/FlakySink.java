package dev.tributary.adapters.gcp.pubsub;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP sink on 127.0.0.1 receiving binary-mode CloudEvents: it answers 503 to its first
 * {@code failures} requests, then 200, and records the {@code ce-id} and {@code ce-source} of each.
 */
final class FlakySink implements AutoCloseable {

    /** One request as the sink saw it. */
    record Received(String id, String source, int status) {}

    private final HttpServer server;
    private final AtomicInteger remainingFailures;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FlakySink(int failures) throws IOException {
        remainingFailures = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = remainingFailures.getAndDecrement() > 0 ? 503 : 200;
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("ce-id"),
                    exchange.getRequestHeaders().getFirst("ce-source"),
                    status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> accepted() {
        return received.stream().filter(request -> request.status() == 200).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
