package dev.tributary.adapters.gcp.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import dev.tributary.core.flow.PartitionKey;
import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.source.DispatchResult;
import dev.tributary.core.source.EventDispatch;
import dev.tributary.core.source.PullSource;
import dev.tributary.core.testing.RoundTripEvents;
import io.cloudevents.CloudEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code gcp-pubsub} source against the real Pub/Sub emulator, delivering to an HTTP sink; and
 * the {@code gcp-pubsub} sink, whose events the source reads back unchanged.
 */
class PubsubEmulatorIT {

    private static final String PROJECT = "tributary-it";

    private static PubsubEmulator emulator;
    private static EmulatorTopics pubsub;

    @BeforeAll
    static void startEmulator() throws Exception {
        Files.createDirectories(Path.of("target"));
        emulator = PubsubEmulator.start(Path.of("target", "pubsub-emulator.log"));
        pubsub = new EmulatorTopics(emulator, PROJECT);
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        if (pubsub != null) {
            pubsub.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void deliversEveryMessageAndRedeliversTheNackedOnes() throws Exception {
        String subscription = subscribe("orders", 10);
        try (FlakySink sink = new FlakySink(3)) {
            HttpSinkDispatch dispatch = new HttpSinkDispatch(sink.url(), Duration.ZERO);
            List<String> published;
            try (PullSource source = start(subscription, dispatch, Map.of("maxOutstandingMessages", 2))) {
                published = publish("orders", 6);
                await(Duration.ofSeconds(60), () -> ids(sink.accepted()).containsAll(published));
            }
            List<FlakySink.Received> rejected =
                    sink.received().stream().filter(r -> r.status() == 503).toList();
            assertEquals(3, rejected.size());
            assertTrue(
                    ids(sink.accepted()).containsAll(ids(rejected)),
                    "every nacked message came back and was delivered");
            assertEquals(
                    Set.of("//pubsub.googleapis.com/projects/" + PROJECT + "/topics/orders"),
                    sink.received().stream().map(FlakySink.Received::source).collect(Collectors.toSet()),
                    "the topic is looked up from the subscription");
            assertTrue(
                    dispatch.maxInFlight() <= 2,
                    "flow control allows 2 outstanding messages, saw " + dispatch.maxInFlight());

            HttpSinkDispatch afterwards = new HttpSinkDispatch(sink.url(), Duration.ZERO);
            try (PullSource again = start(subscription, afterwards, Map.of())) {
                Thread.sleep(3_000);
            }
            assertEquals(0, afterwards.calls(), "acked messages are not delivered again");
        }
    }

    @Test
    void aDeliverySlowerThanTheAckDeadlineIsNotRedelivered() throws Exception {
        String subscription = subscribe("slow", 10);
        try (FlakySink sink = new FlakySink(0)) {
            HttpSinkDispatch dispatch = new HttpSinkDispatch(sink.url(), Duration.ofSeconds(15));
            try (PullSource source = start(subscription, dispatch, Map.of("topic", topic("slow")))) {
                List<String> published = publish("slow", 1);
                await(Duration.ofSeconds(40), () -> ids(sink.accepted()).containsAll(published));
                Thread.sleep(2_000);
            }
            assertEquals(1, dispatch.calls(), "the ack deadline was extended while the sink was slow");
            assertEquals(1, sink.received().size());
        }
    }

    @Test
    void theOrderingKeyBecomesTheEventsPartitionKey() throws Exception {
        pubsub.topics().createTopic(topic("ordered-in"));
        String subscription = pubsub.subscription("ordered-in-pull");
        pubsub.subscriptions()
                .createSubscription(Subscription.newBuilder()
                        .setName(subscription)
                        .setTopic(topic("ordered-in"))
                        .setPushConfig(PushConfig.getDefaultInstance())
                        .setAckDeadlineSeconds(10)
                        .setEnableMessageOrdering(true)
                        .build());
        List<CloudEvent> dispatched = new CopyOnWriteArrayList<>();
        EventDispatch dispatch = (source, events) -> {
            dispatched.addAll(events);
            return CompletableFuture.completedFuture(
                    new DispatchResult(events.size(), events.size(), List.of(), Optional.empty()));
        };
        Publisher publisher = Publisher.newBuilder(TopicName.parse(topic("ordered-in")))
                .setChannelProvider(pubsub.channelProvider())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .setEnableMessageOrdering(true)
                .build();
        try (PullSource source = start(subscription, dispatch, Map.of())) {
            for (int n = 0; n < 3; n++) {
                publisher
                        .publish(PubsubMessage.newBuilder()
                                .setData(ByteString.copyFromUtf8("{\"n\":" + n + "}"))
                                .setOrderingKey("customer-42")
                                .build())
                        .get(10, TimeUnit.SECONDS);
            }
            await(Duration.ofSeconds(30), () -> dispatched.size() == 3);
        } finally {
            publisher.shutdown();
            publisher.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertEquals(
                List.of("customer-42", "customer-42", "customer-42"),
                dispatched.stream()
                        .map(event -> PartitionKey.of(event).orElse(null))
                        .toList());
    }

    @Test
    void refusesToStartWhenTheSubscriptionCannotBeFound() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> start("projects/" + PROJECT + "/subscriptions/missing", null, Map.of()));
        assertTrue(
                refused.getMessage()
                        .startsWith("source 'uploads': cannot read the topic of projects/" + PROJECT
                                + "/subscriptions/missing"),
                refused.getMessage());
    }

    @Test
    void aBinaryEventPublishedByTheSinkIsReadBackByTheSourceUnchanged() throws Exception {
        assertRoundTrip("roundtrip-binary", Map.of(), "order-1");
    }

    @Test
    void aStructuredEventPublishedByTheSinkIsReadBackByTheSourceUnchanged() throws Exception {
        assertRoundTrip("roundtrip-structured", Map.of("mode", "structured"), "order-2");
    }

    @Test
    void theWireFormatIsTheBindingsAndTheEventsKeyIsTheOrderingKey() throws Exception {
        String subscription = subscribe("keyed", 10);
        PubsubSinkSettings settings = PubsubSinkSettings.of(sinkConfig("keyed", Map.of()));
        PubsubTransport transport = PubsubTransport.of(settings.emulator());
        Publisher publisher = transport
                .configure(Publisher.newBuilder(settings.topic()))
                .setEnableMessageOrdering(true)
                .build();
        try (EventSink sink = new PubsubSink(publisher, transport, settings)) {
            assertEquals(
                    200,
                    sink.send(
                                    PartitionKey.with(RoundTripEvents.sample("order-3"), "tenant-acme"),
                                    Duration.ofSeconds(10))
                            .toCompletableFuture()
                            .get(20, TimeUnit.SECONDS)
                            .status());
        }
        PubsubMessage message = pubsub.subscriptions()
                .pull(subscription, 10)
                .getReceivedMessages(0)
                .getMessage();
        assertEquals("tenant-acme", message.getOrderingKey());
        assertEquals("order-3", message.getAttributesOrThrow("ce-id"));
        assertEquals("1.0", message.getAttributesOrThrow("ce-specversion"));
        assertEquals("2026-12-04T23:30:15.123Z", message.getAttributesOrThrow("ce-time"));
        assertEquals("acme", message.getAttributesOrThrow("ce-tenant"));
        assertEquals("application/json", message.getAttributesOrThrow("content-type"));
        assertTrue(
                message.getData().toStringUtf8().startsWith("{\"order\":42"),
                message.getData().toStringUtf8());
    }

    @Test
    void aMissingTopicAnswersNotFound() throws Exception {
        try (EventSink sink =
                new PubsubSinkProvider().create(sinkConfig("never-created", Map.of()), GatewayServices.of())) {
            assertEquals(
                    404,
                    sink.send(RoundTripEvents.sample("lost-1"), Duration.ofSeconds(10))
                            .toCompletableFuture()
                            .get(20, TimeUnit.SECONDS)
                            .status());
        }
    }

    private static void assertRoundTrip(String topicId, Map<String, Object> sinkOptions, String id) throws Exception {
        String subscription = subscribe(topicId, 10);
        CloudEvent sent = RoundTripEvents.sample(id);
        try (EventSink sink = new PubsubSinkProvider().create(sinkConfig(topicId, sinkOptions), GatewayServices.of())) {
            assertEquals(
                    200,
                    sink.send(sent, Duration.ofSeconds(10))
                            .toCompletableFuture()
                            .get(20, TimeUnit.SECONDS)
                            .status());
        }
        List<CloudEvent> received = new CopyOnWriteArrayList<>();
        EventDispatch recording = (source, events) -> {
            received.addAll(events);
            return CompletableFuture.completedFuture(
                    new DispatchResult(events.size(), events.size(), List.of(), Optional.empty()));
        };
        try (PullSource source = start(subscription, recording, Map.of())) {
            await(Duration.ofSeconds(20), () -> !received.isEmpty());
        }
        assertEquals(1, received.size());
        RoundTripEvents.assertSameEvent(sent, received.get(0));
    }

    private static SinkConfig sinkConfig(String topicId, Map<String, Object> extra) {
        Map<String, Object> options = new HashMap<>(extra);
        options.put("topic", topic(topicId));
        options.put("endpoint", emulator.endpoint());
        return new SinkConfig("out", "gcp-pubsub", Options.of(options));
    }

    private static PullSource start(String subscription, EventDispatch dispatch, Map<String, Object> extra)
            throws Exception {
        Map<String, Object> options = new HashMap<>(extra);
        options.put("subscription", subscription);
        options.put("endpoint", emulator.endpoint());
        PullSource source = (PullSource) new PubsubPullSourceProvider()
                .create(TestSources.config("gcp-pubsub", options), TestSources.context(dispatch));
        source.start();
        return source;
    }

    private static String subscribe(String topicId, int ackDeadlineSeconds) {
        return pubsub.subscribe(topicId, ackDeadlineSeconds, true);
    }

    private static List<String> publish(String topicId, int count) throws Exception {
        List<PubsubMessage> messages = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            messages.add(PubsubMessage.newBuilder()
                    .setData(ByteString.copyFromUtf8("{\"order\": " + n + "}"))
                    .putAttributes("n", Integer.toString(n))
                    .build());
        }
        return pubsub.publish(topicId, messages);
    }

    private static String topic(String topicId) {
        return pubsub.topic(topicId);
    }

    private static Set<String> ids(List<FlakySink.Received> received) {
        return received.stream().map(FlakySink.Received::id).collect(Collectors.toCollection(HashSet::new));
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "condition not met within " + timeout);
            Thread.sleep(100);
        }
    }
}
