package dev.tributary.gateway.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP sink on loopback for tests: records every request per path and answers from a
 * per-path script of responses (then 202 once the script is used up).
 */
public final class RecordingSink implements AutoCloseable {

    /** One recorded request: lower-cased header names, first values. */
    public record Request(String path, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** One scripted answer: a status, extra headers, a body, and a delay before answering. */
    public record Response(int status, Map<String, String> headers, String body, long delayMillis) {
        public static Response status(int status) {
            return new Response(status, Map.of(), "", 0);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Response>> scripts = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<Request>> received = new ConcurrentHashMap<>();

    public RecordingSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, without trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues answers for a path, used in order before the default 202. */
    public RecordingSink script(String path, Response... responses) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(responses));
        return this;
    }

    /** Waits up to {@code seconds} for the next request to a path. */
    public Request next(String path, long seconds) throws InterruptedException {
        Request request = queue(path).poll(seconds, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request to " + path + " within " + seconds + " s");
        }
        return request;
    }

    /** Requests to a path received so far and not yet taken by {@link #next}. */
    public int pending(String path) {
        return queue(path).size();
    }

    private BlockingQueue<Request> queue(String path) {
        return received.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
    }

    private synchronized Response nextResponse(String path) {
        Deque<Response> script = scripts.get(path);
        return script == null || script.isEmpty() ? Response.status(202) : script.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            Response response = nextResponse(path);
            queue(path).add(new Request(path, headers, body));
            if (response.delayMillis() > 0) {
                Thread.sleep(response.delayMillis());
            }
            response.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] answer = response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the gateway gave up on this request (timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
