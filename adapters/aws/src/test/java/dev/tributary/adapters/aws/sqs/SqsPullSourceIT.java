package dev.tributary.adapters.aws.sqs;

import static dev.tributary.adapters.aws.sqs.ElasticMq.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.EventDispatch;
import dev.tributary.core.source.SourceContext;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** The {@code aws-sqs} source against a real SQS-compatible server (embedded ElasticMQ) and a fake dispatch. */
class SqsPullSourceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static ElasticMq sqs;
    private CamelContext camel;
    private SqsPullSource source;

    @BeforeAll
    static void startServer() {
        sqs = new ElasticMq();
    }

    @AfterAll
    static void stopServer() {
        sqs.close();
    }

    @BeforeEach
    void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        camel.stop();
    }

    @Test
    void messagesBecomeEventsWithTheirAttributesAndAreDeletedOnceDelivered() throws Exception {
        String queue = sqs.createQueue("deliver", Map.of());
        RecordingDispatch dispatch = RecordingDispatch.delivering();
        source = start(queue, dispatch, Map.of("concurrency", 2));
        for (int i = 0; i < 25; i++) {
            int n = i;
            sqs.client.sendMessage(request -> request.queueUrl(queue)
                    .messageBody("job " + n)
                    .messageAttributes(Map.of(
                            "Job-Number",
                                    MessageAttributeValue.builder()
                                            .dataType("Number")
                                            .stringValue(Integer.toString(n))
                                            .build(),
                            "digest",
                                    MessageAttributeValue.builder()
                                            .dataType("Binary")
                                            .binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2, 3}))
                                            .build())));
        }
        await(PATIENCE, "25 events delivered", () -> dispatch.deliveredEvents().size() == 25);
        await(PATIENCE, "queue empty", () -> sqs.messagesIn(queue) == 0);

        String arn = "arn:aws:sqs:us-east-1:" + ElasticMq.ACCOUNT + ":" + queue.substring(queue.lastIndexOf('/') + 1);
        Set<String> bodies = dispatch.deliveredEvents().stream()
                .map(event -> {
                    assertEquals("com.amazonaws.sqs.message", event.getType());
                    assertEquals(arn, event.getSource().toString());
                    assertEquals("AQID", event.getExtension("digest"));
                    assertTrue(event.getTime() != null, "time from SentTimestamp");
                    String body = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
                    assertEquals(body, "job " + event.getExtension("jobnumber"));
                    return body;
                })
                .collect(Collectors.toSet());
        assertEquals(25, bodies.size());
        assertTrue(dispatch.calls.stream().allMatch(call -> call.source().equals("uploads")));
    }

    @Test
    void aSinkFailingForAWhileLosesNothingAndMessagesAreRedelivered() throws Exception {
        String queue = sqs.createQueue("flaky", Map.of());
        AtomicInteger failuresLeft = new AtomicInteger(6);
        RecordingDispatch dispatch =
                new RecordingDispatch(events -> CompletableFuture.completedFuture(failuresLeft.getAndDecrement() <= 0));
        source = start(queue, dispatch, Map.of("visibilityTimeout", 1));
        for (int i = 0; i < 4; i++) {
            int n = i;
            sqs.client.sendMessage(request -> request.queueUrl(queue).messageBody("{\"n\":" + n + "}"));
        }
        await(
                PATIENCE,
                "every message delivered once the sink recovers",
                () -> dispatch.deliveredEvents().stream()
                                .map(CloudEvent::getId)
                                .distinct()
                                .count()
                        == 4);
        await(PATIENCE, "queue empty", () -> sqs.messagesIn(queue) == 0);

        List<RecordingDispatch.Call> failed =
                dispatch.calls.stream().filter(call -> !call.safe()).toList();
        assertEquals(6, failed.size());
        Set<String> delivered =
                dispatch.deliveredEvents().stream().map(CloudEvent::getId).collect(Collectors.toSet());
        assertTrue(
                failed.stream()
                        .allMatch(
                                call -> delivered.contains(call.events().get(0).getId())),
                "every message that failed came back and was delivered");
    }

    @Test
    void visibilityIsExtendedWhileASlowSinkIsStillBeingRetried() throws Exception {
        String queue = sqs.createQueue("slow", Map.of());
        RecordingDispatch dispatch = new RecordingDispatch(events ->
                CompletableFuture.supplyAsync(() -> true, CompletableFuture.delayedExecutor(6, TimeUnit.SECONDS)));
        source = start(queue, dispatch, Map.of("visibilityTimeout", 2));
        sqs.client.sendMessage(request -> request.queueUrl(queue).messageBody("slow one"));
        await(PATIENCE, "the slow delivery finished", () -> dispatch.calls.size() == 1);
        await(PATIENCE, "queue empty", () -> sqs.messagesIn(queue) == 0);
        Thread.sleep(3_000);
        assertEquals(
                1, dispatch.calls.size(), "the message never reappeared while in flight, 3x its visibility timeout");
    }

    @Test
    void anUndecodableMessageIsLeftToTheQueuesRedrivePolicy() throws Exception {
        String deadLetters = sqs.createQueue("dlq", Map.of());
        String queue = sqs.createQueue(
                "poison",
                Map.of(
                        QueueAttributeName.REDRIVE_POLICY,
                        "{\"maxReceiveCount\":\"2\",\"deadLetterTargetArn\":\"" + sqs.queueArn(deadLetters) + "\"}"));
        RecordingDispatch dispatch = RecordingDispatch.delivering();
        source = start(queue, dispatch, Map.of("visibilityTimeout", 1));
        sqs.client.sendMessage(request -> request.queueUrl(queue).messageBody("{\"Records\":[{\"s3\":{}}]}"));
        await(PATIENCE, "the message reached the dead-letter queue", () -> sqs.messagesIn(deadLetters) == 1);
        assertEquals(List.of(), dispatch.calls);
    }

    @Test
    void anS3TestEventIsCountedAndDeletedWithoutAnyEvent() throws Exception {
        String queue = sqs.createQueue("test-event", Map.of());
        RecordingDispatch dispatch = RecordingDispatch.delivering();
        source = start(queue, dispatch, Map.of());
        sqs.client.sendMessage(
                request -> request.queueUrl(queue)
                        .messageBody(
                                "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\","
                                        + "\"Time\":\"2026-03-14T09:20:00.000Z\",\"Bucket\":\"photos\",\"RequestId\":\"R\",\"HostId\":\"H\"}"));
        await(PATIENCE, "test event skipped", () -> source.skippedTestEvents() == 1);
        await(PATIENCE, "queue empty", () -> sqs.messagesIn(queue) == 0);
        assertEquals(List.of(), dispatch.deliveredEvents());
    }

    @Test
    void startFailsWhenTheQueueDoesNotExist() {
        StoppablePolls polls = polls();
        source = new SqsPullSource(
                settings(sqs.endpoint + "/" + ElasticMq.ACCOUNT + "/missing", Map.of()),
                client(polls),
                polls,
                context(RecordingDispatch.delivering()));
        assertThrows(QueueDoesNotExistException.class, source::start);
    }

    private SqsPullSource start(String queueUrl, EventDispatch dispatch, Map<String, Object> options) throws Exception {
        StoppablePolls polls = polls();
        SqsPullSource started = new SqsPullSource(settings(queueUrl, options), client(polls), polls, context(dispatch));
        started.start();
        return started;
    }

    private static SqsSourceSettings settings(String queueUrl, Map<String, Object> overrides) {
        Map<String, Object> options = new HashMap<>(Map.of(
                "queueUrl",
                queueUrl,
                "endpoint",
                sqs.endpoint.toString(),
                "region",
                "us-east-1",
                "waitTimeSeconds",
                1));
        options.putAll(overrides);
        return SqsSourceSettings.from(new SourceConfig("uploads", "aws-sqs", Options.of(options)));
    }

    private static StoppablePolls polls() {
        return new StoppablePolls(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create());
    }

    private static software.amazon.awssdk.services.sqs.SqsClient client(StoppablePolls polls) {
        return SqsClients.build(
                settings(sqs.endpoint + "/" + ElasticMq.ACCOUNT + "/any", Map.of()), ElasticMq.CREDENTIALS, polls);
    }

    private SourceContext context(EventDispatch dispatch) {
        return SourceContext.of(dispatch, camel);
    }
}
