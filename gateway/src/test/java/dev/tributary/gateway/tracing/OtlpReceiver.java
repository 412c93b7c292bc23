package dev.tributary.gateway.tracing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver on loopback for tests: decodes every {@code POST /v1/traces} body
 * as an {@code ExportTraceServiceRequest} (protobuf, gzip or not) with the OTLP protobuf classes
 * and keeps its spans; answers an empty {@code ExportTraceServiceResponse}.
 */
final class OtlpReceiver implements AutoCloseable {

    /** A received span with the resource it came with. */
    record Received(Resource resource, Span span) {

        String traceId() {
            return HexFormat.of().formatHex(span.getTraceId().toByteArray());
        }

        String spanId() {
            return HexFormat.of().formatHex(span.getSpanId().toByteArray());
        }

        String parentSpanId() {
            return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
        }

        String name() {
            return span.getName();
        }

        /** The span attribute's value as a string ({@code null} when absent). */
        String attribute(String key) {
            return value(span.getAttributesList(), key);
        }

        String resourceAttribute(String key) {
            return value(resource.getAttributesList(), key);
        }

        private static String value(List<KeyValue> attributes, String key) {
            for (KeyValue attribute : attributes) {
                if (attribute.getKey().equals(key)) {
                    AnyValue value = attribute.getValue();
                    return switch (value.getValueCase()) {
                        case STRING_VALUE -> value.getStringValue();
                        case INT_VALUE -> Long.toString(value.getIntValue());
                        case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
                        case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
                        default -> value.toString();
                    };
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final List<Received> spans = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    /** Listens on 127.0.0.1:{@code port} (0: a free one). */
    OtlpReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request received, as {@code METHOD PATH}, whatever its path. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** Waits until {@code count} spans of {@code trace} matching {@code which} arrived; returns them in arrival order. */
    List<Received> await(String trace, Predicate<Received> which, int count, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Received> found = new ArrayList<>();
            for (Received span : spans) {
                if (span.traceId().equals(trace) && which.test(span)) {
                    found.add(span);
                }
            }
            if (found.size() >= count || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(20);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/v1/traces")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    for (Span span : scopeSpans.getSpansList()) {
                        spans.add(new Received(resourceSpans.getResource(), span));
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
