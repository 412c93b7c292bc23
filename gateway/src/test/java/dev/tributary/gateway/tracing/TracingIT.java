package dev.tributary.gateway.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayProcess;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * OpenTelemetry tracing end to end: the packaged gateway as a process configured by real
 * {@code OTEL_*} variables, exporting over OTLP/HTTP to a loopback receiver that decodes the
 * protobuf it gets, with real HTTP sinks on loopback. A second gateway without an endpoint shows
 * that tracing off exports nothing (a receiver listens where the SDK's default endpoint would
 * send, 127.0.0.1:4318) and adds no trace header. An {@code aws-sqs} source on ElasticMQ shows
 * the trace context taken from message attributes.
 */
class TracingIT {

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              orders: { type: cloudevents, auth: none }
              refunds: { type: cloudevents, auth: none }
              uploads: { type: aws-sqs, queueUrl: QUEUES/PREFIX-uploads, endpoint: SQS, region: us-east-1, waitTimeSeconds: 1 }
            sinks:
              uploaded: { type: http, url: SINK/PREFIX-uploaded }
              flaky: { type: http, url: SINK/PREFIX-flaky }
              rejecting: { type: http, url: SINK/PREFIX-rejecting }
              dead: { type: http, url: SINK/PREFIX-dead }
            routes:
              - name: orders
                from: [orders]
                to: [flaky]
                delivery: { retry: 3, backoffPolicy: linear, backoffDelay: PT0.05S }
              - name: refunds
                from: [refunds]
                to: [rejecting]
                delivery: { retry: 3, backoffDelay: PT0.05S, deadLetterSink: dead }
              - name: uploads
                from: [uploads]
                to: [uploaded]
            """;

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static SQSRestServer elasticMq;
    private static String sqsEndpoint;
    private static SqsClient sqs;
    private static RecordingSink sink;
    private static OtlpReceiver receiver;
    private static OtlpReceiver defaultEndpoint;
    private static Gateway traced;
    private static Gateway untraced;

    private record Gateway(GatewayProcess process, int port) {}

    @BeforeAll
    static void start() throws Exception {
        elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .start();
        sqsEndpoint = "http://127.0.0.1:"
                + elasticMq.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder()
                .endpointOverride(URI.create(sqsEndpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        sink = new RecordingSink();
        receiver = new OtlpReceiver(0);
        defaultEndpoint = new OtlpReceiver(4318);
        traced = gateway(
                "traced",
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "test",
                        "AWS_SECRET_ACCESS_KEY",
                        "test",
                        "OTEL_EXPORTER_OTLP_ENDPOINT",
                        receiver.endpoint(),
                        "OTEL_EXPORTER_OTLP_PROTOCOL",
                        "http/protobuf",
                        "OTEL_SERVICE_NAME",
                        "tributary-it",
                        "OTEL_BSP_SCHEDULE_DELAY",
                        "50"));
        untraced = gateway(
                "untraced",
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "test",
                        "AWS_SECRET_ACCESS_KEY",
                        "test",
                        "OTEL_EXPORTER_OTLP_PROTOCOL",
                        "http/protobuf",
                        "OTEL_BSP_SCHEDULE_DELAY",
                        "50"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Gateway gateway : new Gateway[] {traced, untraced}) {
            if (gateway != null) {
                gateway.process().close();
            }
        }
        for (AutoCloseable closeable : new AutoCloseable[] {receiver, defaultEndpoint, sink, sqs}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (elasticMq != null) {
            elasticMq.stopAndWait();
        }
    }

    @Test
    void aPushWithTraceparentYieldsIngressAndNumberedAttemptSpansInItsTraceAndTheSinkContinuesIt() throws Exception {
        sink.script("/traced-flaky", Response.status(503), Response.status(503));

        HttpResponse<String> response = push(
                traced,
                "orders",
                "evt-traced",
                "traceparent",
                "00-" + TRACE + "-" + CALLER_SPAN + "-01",
                "tracestate",
                "vendor=opaque");

        assertEquals(202, response.statusCode(), response.body());
        List<OtlpReceiver.Received> ingress =
                receiver.await(TRACE, span -> span.name().equals("ingress orders"), 1, WAIT);
        assertEquals(1, ingress.size(), "one ingress span in the caller's trace");
        assertEquals(CALLER_SPAN, ingress.get(0).parentSpanId(), "child of the caller's span");
        assertEquals("orders", ingress.get(0).attribute("tributary.source"));
        assertEquals("1", ingress.get(0).attribute("tributary.events"));
        assertEquals("tributary-it", ingress.get(0).resourceAttribute("service.name"));
        List<OtlpReceiver.Received> attempts =
                receiver.await(TRACE, span -> span.name().equals("deliver flaky"), 3, WAIT);
        assertEquals(3, attempts.size());
        attempts = attempts.stream()
                .sorted((a, b) -> a.attribute("tributary.retry").compareTo(b.attribute("tributary.retry")))
                .toList();
        String[] outcomes = {"retriable", "retriable", "accepted"};
        String[] statuses = {"503", "503", "202"};
        for (int retry = 0; retry < 3; retry++) {
            OtlpReceiver.Received attempt = attempts.get(retry);
            assertEquals(Integer.toString(retry), attempt.attribute("tributary.retry"));
            assertEquals(
                    ingress.get(0).spanId(), attempt.parentSpanId(), "every attempt is a child of the ingress span");
            assertEquals("orders", attempt.attribute("tributary.route"));
            assertEquals("flaky", attempt.attribute("tributary.sink"));
            assertEquals(outcomes[retry], attempt.attribute("tributary.outcome"));
            assertEquals(statuses[retry], attempt.attribute("http.response.status_code"));
            assertEquals("evt-traced", attempt.attribute("cloudevents.event_id"));

            RecordingSink.Request request = sink.next("/traced-flaky", 10);
            String traceparent = "00-" + TRACE + "-" + attempt.spanId() + "-01";
            assertEquals(traceparent, request.header("traceparent"), "attempt " + retry + " continues the trace");
            assertEquals("vendor=opaque", request.header("tracestate"));
            assertEquals(traceparent, request.header("ce-traceparent"), "the event's extension says the same");
        }
    }

    @Test
    void theDistributedTracingExtensionIsAParentAndDeadLetteringIsASpan() throws Exception {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        String eventSpan = "b7ad6b7169203331";
        sink.script("/traced-rejecting", new Response(400, Map.of(), "no such order", 0));

        HttpResponse<String> response =
                push(traced, "refunds", "evt-refund", "ce-traceparent", "00-" + trace + "-" + eventSpan + "-01");

        assertEquals(202, response.statusCode(), "dead-lettered is safe: " + response.body());
        OtlpReceiver.Received ingress = single(trace, "ingress refunds");
        assertEquals(eventSpan, ingress.parentSpanId(), "the event's traceparent extension is the parent");
        OtlpReceiver.Received rejected = single(trace, "deliver rejecting");
        assertEquals("rejected", rejected.attribute("tributary.outcome"));
        assertEquals("400", rejected.attribute("http.response.status_code"));
        OtlpReceiver.Received deadLetter = single(trace, "dead-letter rejecting");
        assertEquals(ingress.spanId(), deadLetter.parentSpanId());
        assertEquals("dead", deadLetter.attribute("tributary.dead_letter_sink"));
        assertTrue(
                deadLetter.attribute("tributary.reason").contains("answered 400"),
                deadLetter.attribute("tributary.reason"));
        OtlpReceiver.Received dead = single(trace, "deliver dead");
        assertEquals(
                deadLetter.spanId(), dead.parentSpanId(), "the dead-letter attempt is a child of the dead-lettering");
        assertEquals("accepted", dead.attribute("tributary.outcome"));

        assertEquals(
                "00-" + trace + "-" + rejected.spanId() + "-01",
                sink.next("/traced-rejecting", 10).header("traceparent"));
        RecordingSink.Request deadLettered = sink.next("/traced-dead", 10);
        assertEquals("00-" + trace + "-" + dead.spanId() + "-01", deadLettered.header("traceparent"));
        assertEquals(deadLettered.header("traceparent"), deadLettered.header("ce-traceparent"));
    }

    @Test
    void anSqsMessageWithATraceparentAttributeIsContinued() throws Exception {
        String trace = "5bf92f3577b34da6a3ce929d0e0e4737";
        String producerSpan = "10f067aa0ba902b8";
        sqs.sendMessage(message -> message.queueUrl(queue("traced"))
                .messageBody("{\"n\": 1}")
                .messageAttributes(Map.of(
                        "traceparent",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("00-" + trace + "-" + producerSpan + "-01")
                                .build())));

        OtlpReceiver.Received ingress = single(trace, "ingress uploads");
        assertEquals(producerSpan, ingress.parentSpanId(), "the message attribute is the parent");
        OtlpReceiver.Received attempt = single(trace, "deliver uploaded");
        assertEquals(ingress.spanId(), attempt.parentSpanId());
        assertEquals(
                "00-" + trace + "-" + attempt.spanId() + "-01",
                sink.next("/traced-uploaded", 10).header("traceparent"));
    }

    @Test
    void withNoEndpointNothingIsExportedAndNoTraceHeaderIsAdded() throws Exception {
        String extension = "00-" + TRACE + "-" + CALLER_SPAN + "-01";
        HttpResponse<String> withHeader =
                push(untraced, "orders", "evt-untraced", "traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-01");
        HttpResponse<String> withExtension =
                push(untraced, "orders", "evt-untraced-extension", "ce-traceparent", extension);

        assertEquals(202, withHeader.statusCode(), withHeader.body());
        assertEquals(202, withExtension.statusCode(), withExtension.body());
        RecordingSink.Request first = sink.next("/untraced-flaky", 10);
        assertEquals("evt-untraced", first.header("ce-id"));
        assertNull(first.header("traceparent"), "the caller's header is not passed on");
        assertNull(first.header("ce-traceparent"), "no extension is added");
        RecordingSink.Request second = sink.next("/untraced-flaky", 10);
        assertEquals(extension, second.header("ce-traceparent"), "the event's own extension travels unchanged");
        assertNull(second.header("traceparent"));
        Thread.sleep(1000);
        assertEquals(List.of(), defaultEndpoint.requests(), "nothing sent to the default OTLP endpoint");
        assertTrue(Files.readString(untraced.process().log()).contains("Startup completed"), "the gateway ran");
    }

    private static OtlpReceiver.Received single(String trace, String name) throws InterruptedException {
        List<OtlpReceiver.Received> spans =
                receiver.await(trace, span -> span.name().equals(name), 1, WAIT);
        assertEquals(1, spans.size(), name + " in trace " + trace);
        assertNotNull(spans.get(0));
        return spans.get(0);
    }

    /** POSTs a binary-mode CloudEvent to the gateway with extra headers (name, value, …). */
    private static HttpResponse<String> push(Gateway gateway, String source, String id, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.port() + "/sources/" + source))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-source", "/tests")
                .header("ce-type", "com.example.test")
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}"));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Gateway gateway(String name, Map<String, String> environment) throws Exception {
        Path mappings = Files.createTempFile("tracing-" + name, ".yaml");
        mappings.toFile().deleteOnExit();
        String queue = sqs.createQueue(q -> q.queueName(name + "-uploads")).queueUrl();
        Files.writeString(
                mappings,
                MAPPINGS.replace("SINK", sink.url())
                        .replace("QUEUES/PREFIX-uploads", queue)
                        .replace("SQS", sqsEndpoint)
                        .replace("PREFIX", name));
        int port = freePort();
        GatewayProcess process =
                GatewayProcess.start(mappings, environment, Path.of("target", "tracing-" + name + ".log"), port);
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            assertTrue(process.isAlive(), "gateway " + name + " died:\n" + Files.readString(process.log()));
            assertTrue(
                    Instant.now().isBefore(deadline),
                    "gateway " + name + " not ready:\n" + Files.readString(process.log()));
            try {
                HttpResponse<String> health = CLIENT.send(
                        HttpRequest.newBuilder(process.managementUri("/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return new Gateway(process, port);
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
    }

    private static String queue(String gateway) {
        return sqs.getQueueUrl(q -> q.queueName(gateway + "-uploads")).queueUrl();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
