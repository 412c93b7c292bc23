package dev.tributary.adapters.azure.eventgrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tributary.core.delivery.SinkResponse;
import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushSource;
import dev.tributary.core.testing.RoundTripEvents;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code azure-eventgrid} sink against a loopback topic that checks what Event Grid checks of a
 * publisher (the {@code aeg-sas-key} against the topic's key, the CloudEvents batch content type,
 * an {@code api-version}); what the topic accepted is handed to the {@code azure-eventgrid} source
 * as Event Grid delivers it to a webhook subscription, and comes out as the same event.
 */
class EventGridSinkIT {

    private static final String TOPIC_KEY = "topic-key-1+2/3=";
    private static final String WEBHOOK_SECRET = "webhook-s3cret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpServer topic;
    private static final BlockingQueue<byte[]> ACCEPTED = new LinkedBlockingQueue<>();
    private static final AtomicInteger STATUS_OVERRIDE = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        topic = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        topic.createContext("/api/events", EventGridSinkIT::publish);
        topic.start();
    }

    @AfterAll
    static void stop() {
        topic.stop(0);
    }

    @BeforeEach
    void reset() {
        ACCEPTED.clear();
        STATUS_OVERRIDE.set(0);
    }

    @Test
    void aPublishedEventReachesAWebhookSubscriptionAsTheSameEvent() throws Exception {
        CloudEvent sent = RoundTripEvents.sample("order-1");
        try (EventSink sink = sink(TOPIC_KEY)) {
            assertEquals(
                    SinkResponse.ACCEPTED,
                    SinkResponse.classify(send(sink, sent).status()));
        }
        JsonNode batch = JSON.readTree(ACCEPTED.poll(5, TimeUnit.SECONDS));
        assertEquals(1, batch.size());

        // Event Grid delivers each CloudEvents-schema event to a webhook as application/cloudevents+json
        PushSource source = TestRequests.source(Map.of("secret", WEBHOOK_SECRET));
        PushDecision decision = source.accept(TestRequests.post(
                JSON.writeValueAsBytes(batch.get(0)),
                Map.of("content-type", "application/cloudevents+json; charset=utf-8", "aeg-event-type", "Notification"),
                Map.of("code", WEBHOOK_SECRET)));
        PushDecision.Route route = (PushDecision.Route) decision;
        assertEquals(1, route.events().size());
        RoundTripEvents.assertSameEvent(sent, route.events().get(0));
    }

    @Test
    void aWrongKeyIsRejectedAtOnceAndTheKeyIsNeverInTheReply() throws Exception {
        try (EventSink sink = sink("wrong-key")) {
            SinkReply reply = send(sink, RoundTripEvents.sample("denied-1"));
            assertEquals(401, reply.status());
            assertEquals(SinkResponse.REJECTED, SinkResponse.classify(reply.status()));
            assertFalse(new String(reply.body(), StandardCharsets.UTF_8).contains("wrong-key"));
            assertFalse(sink.destination().contains("wrong-key"));
        }
        assertTrue(ACCEPTED.isEmpty());
    }

    @Test
    void throttlingIsRetriedAfterTheWaitEventGridAsksFor() throws Exception {
        STATUS_OVERRIDE.set(429);
        try (EventSink sink = sink(TOPIC_KEY)) {
            SinkReply reply = send(sink, RoundTripEvents.sample("busy-1"));
            assertEquals(SinkResponse.RETRIABLE, SinkResponse.classify(reply.status()));
            assertEquals(Duration.ofSeconds(2), reply.retryAfter().orElseThrow());
        }
    }

    private static void publish(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            String answer = "";
            if (!TOPIC_KEY.equals(exchange.getRequestHeaders().getFirst("aeg-sas-key"))) {
                status = 401;
                answer =
                        "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"The request authorization key is not authorized for "
                                + exchange.getLocalAddress().getHostString() + ".\"}}";
            } else if (!"application/cloudevents-batch+json; charset=utf-8"
                            .equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                    || !"api-version=2018-01-01".equals(exchange.getRequestURI().getRawQuery())
                    || !"POST".equals(exchange.getRequestMethod())) {
                status = 400;
            } else if (STATUS_OVERRIDE.get() != 0) {
                status = STATUS_OVERRIDE.get();
                exchange.getResponseHeaders().add("Retry-After", "2");
            } else {
                status = 200;
                ACCEPTED.add(body);
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private static EventSink sink(String key) {
        String endpoint = "http://127.0.0.1:" + topic.getAddress().getPort() + "/api/events";
        return new EventGridSinkProvider()
                .create(
                        new SinkConfig("grid", "azure-eventgrid", Options.of(Map.of("endpoint", endpoint, "key", key))),
                        GatewayServices.of());
    }

    private static SinkReply send(EventSink sink, CloudEvent event) throws Exception {
        return sink.send(event, Duration.ofSeconds(10)).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
