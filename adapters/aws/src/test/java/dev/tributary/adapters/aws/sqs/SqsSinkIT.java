package dev.tributary.adapters.aws.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.adapters.aws.MessageAttribute;
import dev.tributary.adapters.aws.envelope.InnerDocuments;
import dev.tributary.adapters.aws.sink.AwsCalls;
import dev.tributary.adapters.aws.sink.AwsSink;
import dev.tributary.core.delivery.SinkResponse;
import dev.tributary.core.flow.PartitionKey;
import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
import dev.tributary.core.testing.RoundTripEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The {@code aws-sqs} sink against ElasticMQ: what it sends, structured or binary, is read back
 * through the {@code aws-sqs} source's decoder as the same event; FIFO queues get a group and a
 * deduplication id; a queue that does not exist is a rejected (dead-lettered) delivery.
 */
class SqsSinkIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static ElasticMq sqs;

    @BeforeAll
    static void start() {
        // read by the SDK's default credentials chain, which the sink uses
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        sqs = new ElasticMq();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void anEventSentIsReadBackByTheSqsSourceUnchanged() throws Exception {
        String queue = sqs.createQueue("roundtrip", Map.of());
        CloudEvent sent = RoundTripEvents.sample("order-42");
        try (EventSink sink = new SqsSinkProvider().create(config(queue), GatewayServices.of())) {
            assertEquals(
                    SinkResponse.ACCEPTED,
                    SinkResponse.classify(send(sink, sent).status()));
            assertEquals(queue, sink.destination());
        }

        Message message = receiveOne(queue);
        assertTrue(message.body().contains("\"specversion\":\"1.0\""), "a structured CloudEvent: " + message.body());
        List<CloudEvent> decoded = new SqsMessageDecoder(new InnerDocuments(false))
                .decode(new SqsMessage(
                        message.messageId(), message.body(), List.of(), Instant.now(), sqs.queueArn(queue)));
        assertEquals(1, decoded.size());
        RoundTripEvents.assertSameEvent(sent, decoded.get(0));
    }

    @Test
    void aBinaryModeEventIsReadBackByTheSqsSourceUnchanged() throws Exception {
        String queue = sqs.createQueue("binary", Map.of());
        CloudEvent sent = RoundTripEvents.sample("order-2");
        try (EventSink sink =
                new SqsSinkProvider().create(config(queue, Map.of("mode", "binary")), GatewayServices.of())) {
            assertEquals(200, send(sink, sent).status());
        }

        Message message = receiveOne(queue);
        assertEquals("order-2", message.messageAttributes().get("ce-id").stringValue());
        assertEquals(
                "application/json",
                message.messageAttributes().get("content-type").stringValue());
        List<MessageAttribute> attributes = message.messageAttributes().entrySet().stream()
                .map(entry -> new MessageAttribute(
                        entry.getKey(),
                        entry.getValue().dataType(),
                        entry.getValue().stringValue()))
                .toList();
        List<CloudEvent> decoded = new SqsMessageDecoder(new InnerDocuments(false))
                .decode(new SqsMessage(
                        message.messageId(), message.body(), attributes, Instant.now(), sqs.queueArn(queue)));
        assertEquals(1, decoded.size());
        RoundTripEvents.assertSameEvent(sent, decoded.get(0));
    }

    @Test
    void anEventBinaryModeCannotCarryIsRefusedBeforeAnythingIsSent() throws Exception {
        String queue = sqs.createQueue("refused", Map.of());
        CloudEventBuilder crowded = CloudEventBuilder.v1(RoundTripEvents.sample("order-3"));
        // specversion, id, source, type, content-type, subject, time, tenant, region: 9, and 2 more
        crowded.withExtension("ext0", "value").withExtension("ext1", "value");
        try (EventSink sink =
                new SqsSinkProvider().create(config(queue, Map.of("mode", "binary")), GatewayServices.of())) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> sink.send(crowded.build(), TIMEOUT))
                    .getMessage()
                    .startsWith("binary mode needs 11 message attributes"));
        }
        assertEquals(0, sqs.messagesIn(queue));
    }

    @Test
    void aFifoQueueGetsTheSourceAsGroupAndDropsARedeliveredEvent() throws Exception {
        String queue = sqs.createQueue("orders", Map.of()) + ".fifo";
        sqs.client.createQueue(r -> r.queueName(queue.substring(queue.lastIndexOf('/') + 1))
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")));
        CloudEvent event = RoundTripEvents.sample("order-43");
        try (EventSink sink = new SqsSinkProvider().create(config(queue), GatewayServices.of())) {
            assertEquals(200, send(sink, event).status());
            assertEquals(200, send(sink, event).status(), "a redelivery is accepted...");
        }
        Message message = receiveOne(queue);
        assertEquals(
                event.getSource().toString(), message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
        String deduplication = message.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID);
        assertEquals(64, deduplication.length(), deduplication);
        assertEquals(0, sqs.messagesIn(queue) - 1, "...and stored once");
    }

    @Test
    void theEventsKeyIsTheGroupWhenItHasOne() throws Exception {
        String queue = sqs.createQueue("keyed", Map.of()) + ".fifo";
        sqs.client.createQueue(r -> r.queueName(queue.substring(queue.lastIndexOf('/') + 1))
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")));
        SqsSinkSettings settings = SqsSinkSettings.of(config(queue));
        SqsClient client = settings.client().build(SqsClient.builder());
        try (EventSink sink = new AwsSink(queue, client, new AwsCalls("sqs-test"), new SqsSink(client, settings))) {
            assertEquals(
                    200,
                    send(sink, PartitionKey.with(RoundTripEvents.sample("order-44"), "tenant-acme"))
                            .status());
        }
        assertEquals("tenant-acme", receiveOne(queue).attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
    }

    @Test
    void aMissingQueueIsRejectedAtOnce() throws Exception {
        String missing = sqs.endpoint + "/" + ElasticMq.ACCOUNT + "/no-such-queue";
        try (EventSink sink = new SqsSinkProvider().create(config(missing), GatewayServices.of())) {
            SinkReply reply = send(sink, RoundTripEvents.sample("lost-1"));
            assertEquals(SinkResponse.REJECTED, SinkResponse.classify(reply.status()), "status " + reply.status());
            assertTrue(
                    new String(reply.body(), StandardCharsets.UTF_8).contains("NonExistentQueue")
                            || new String(reply.body(), StandardCharsets.UTF_8).contains("QueueDoesNotExist"),
                    new String(reply.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anUnreachableEndpointFailsTheAttempt() throws Exception {
        Map<String, Object> options = new HashMap<>(Map.of(
                "queueUrl",
                "http://127.0.0.1:1/000000000000/q",
                "region",
                "us-east-1",
                "endpoint",
                "http://127.0.0.1:1"));
        try (EventSink sink = new SqsSinkProvider()
                .create(new SinkConfig("queue", "aws-sqs", Options.of(options)), GatewayServices.of())) {
            var attempt = sink.send(RoundTripEvents.sample("lost-2"), TIMEOUT).toCompletableFuture();
            assertNotEquals(
                    null,
                    assertThrows(java.util.concurrent.ExecutionException.class, () -> attempt.get(20, TimeUnit.SECONDS))
                            .getCause());
        }
    }

    private static SinkReply send(EventSink sink, CloudEvent event) throws Exception {
        return sink.send(event, TIMEOUT).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static Message receiveOne(String queue) {
        List<Message> messages = sqs.client
                .receiveMessage(r -> r.queueUrl(queue)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(2)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All"))
                .messages();
        assertEquals(1, messages.size(), "messages on the queue");
        return messages.get(0);
    }

    private static SinkConfig config(String queueUrl) {
        return config(queueUrl, Map.of());
    }

    private static SinkConfig config(String queueUrl, Map<String, Object> extra) {
        Map<String, Object> options = new HashMap<>(extra);
        options.putAll(Map.of("queueUrl", queueUrl, "region", "us-east-1", "endpoint", sqs.endpoint.toString()));
        return new SinkConfig("queue", "aws-sqs", Options.of(options));
    }
}
