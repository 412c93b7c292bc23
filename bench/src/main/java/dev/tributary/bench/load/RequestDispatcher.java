package dev.tributary.bench.load;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands each due request to an idle connection, or queues it until one frees up; records the
 * latency of every answer from the request's intended send time, so time spent waiting for a
 * connection counts (no coordinated omission).
 *
 * <p>Confined to the pool's event loop: every method must be called on it.
 */
final class RequestDispatcher {

    private final String path;
    private final HttpHeaders headers;
    private final byte[] body;
    private long measureFrom = Long.MAX_VALUE;
    private final ArrayDeque<ClientConnection> idle = new ArrayDeque<>();
    private final Set<ClientConnection> open = new HashSet<>();
    private final ArrayDeque<Long> waiting = new ArrayDeque<>();
    private final LatencyRecorder latencies;
    private long outstanding;
    private long sent;
    private long ok;
    private long failed;

    /** @param expected about how many latencies will be recorded */
    RequestDispatcher(String path, HttpHeaders headers, byte[] body, int expected) {
        this.path = path;
        this.headers = headers;
        this.body = body;
        this.latencies = new LatencyRecorder(expected);
    }

    /**
     * Sets when measuring begins: requests intended before this {@link System#nanoTime()} are warm-up,
     * sent but not recorded. Until it is set, nothing is recorded.
     */
    void measureFrom(long nanos) {
        measureFrom = nanos;
    }

    void submit(long intended) {
        outstanding++;
        if (intended >= measureFrom) {
            sent++;
        }
        ClientConnection connection = idle.poll();
        if (connection == null) {
            waiting.add(intended);
        } else {
            connection.send(request(), intended);
        }
    }

    void ready(ClientConnection connection) {
        open.add(connection);
        next(connection);
    }

    void answered(ClientConnection connection, long intended, int status) {
        outstanding--;
        if (intended >= measureFrom) {
            if (status >= 200 && status < 300) {
                ok++;
                latencies.record(System.nanoTime() - intended);
            } else {
                failed++;
            }
        }
        next(connection);
    }

    void lost(ClientConnection connection, long intended) {
        if (!open.remove(connection)) {
            return;
        }
        idle.remove(connection);
        if (intended >= 0) {
            outstanding--;
            if (intended >= measureFrom) {
                failed++;
            }
        }
    }

    /** Requests submitted and not yet answered, queued ones included. */
    long outstanding() {
        return outstanding;
    }

    /** Requests due in the measured window. */
    long sent() {
        return sent;
    }

    long ok() {
        return ok;
    }

    long failed() {
        return failed;
    }

    LatencyRecorder latencies() {
        return latencies;
    }

    private void next(ClientConnection connection) {
        Long intended = waiting.poll();
        if (intended == null) {
            idle.add(connection);
        } else {
            connection.send(request(), intended);
        }
    }

    private FullHttpRequest request() {
        FullHttpRequest request =
                new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path, Unpooled.wrappedBuffer(body));
        request.headers().set(headers);
        return request;
    }
}
