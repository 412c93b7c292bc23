package dev.tributary.examples.thumbnail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP CloudEvents binding in front of {@link ThumbnailService} (Knative-style: {@code POST /}
 * with one CloudEvent, binary or structured mode). Answers:
 *
 * <ul>
 *   <li>200 with the {@link Outcome} as JSON (a thumbnail written, or skipped for good);</li>
 *   <li>400 naming what is wrong when the request is not a CloudEvent or lacks bucket or key;</li>
 *   <li>413 for a body over {@value #MAX_BODY_BYTES} bytes (a notification is a few KiB);</li>
 *   <li>503 when the object store failed, so the sender retries;</li>
 *   <li>{@code GET /health}: 200 once the server listens; 404 and 405 for other paths and methods.</li>
 * </ul>
 *
 * The answer is plain JSON without {@code ce-} headers, so Knative does not take it for a reply
 * event. Thread-safe.
 */
final class CloudEventHttpHandler implements HttpHandler {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CloudEventHttpHandler.class);

    private final ThumbnailService service;

    CloudEventHttpHandler(ThumbnailService service) {
        this.service = service;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("/health".equals(path) && "GET".equals(method)) {
                respond(exchange, 200, JsonNodeFactory.instance.objectNode().put("status", "up"));
            } else if (!"/".equals(path)) {
                respond(exchange, 404, error("not-found", "events are posted to /"));
            } else if (!"POST".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, error("method-not-allowed", "use POST with a CloudEvent"));
            } else {
                handleEvent(exchange);
            }
        }
    }

    private void handleEvent(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            respond(exchange, 413, error("body-too-large", "the body exceeds " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        CloudEvent event;
        try {
            event = read(exchange, body);
        } catch (MalformedEventException e) {
            LOG.warn("rejected a request that is not a CloudEvent: {}", e.getMessage());
            respond(exchange, 400, error("malformed-event", e.getMessage()));
            return;
        }
        try { // the service logs the event's line, whatever the outcome
            respond(exchange, 200, service.handle(event).toJson(event.getId()));
        } catch (MalformedEventException e) {
            respond(exchange, 400, error("malformed-event", e.getMessage()));
        } catch (StorageUnavailableException e) {
            respond(exchange, 503, error("storage-unavailable", e.getMessage()));
        } catch (RuntimeException e) { // a bug: answer rather than reset the connection
            LOG.error("event {} failed unexpectedly", event.getId(), e);
            respond(exchange, 500, error("internal-error", e.toString()));
        }
    }

    private static CloudEvent read(HttpExchange exchange, byte[] body) {
        try {
            return HttpMessageFactory.createReaderFromMultimap(exchange.getRequestHeaders(), body)
                    .toEvent();
        } catch (RuntimeException e) { // the SDK reports bad input with several unchecked types
            throw new MalformedEventException(
                    "not a CloudEvent (binary mode needs ce-specversion, ce-id, ce-source and"
                            + " ce-type headers; structured mode content type application/cloudevents+json): "
                            + e.getMessage(),
                    e);
        }
    }

    private static ObjectNode error(String error, String detail) {
        return JsonNodeFactory.instance.objectNode().put("error", error).put("detail", detail);
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
