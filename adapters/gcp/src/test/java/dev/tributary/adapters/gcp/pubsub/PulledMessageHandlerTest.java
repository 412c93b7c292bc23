package dev.tributary.adapters.gcp.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.Timestamps;
import com.google.pubsub.v1.PubsubMessage;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.source.DispatchResult;
import dev.tributary.core.source.EventDispatch;
import dev.tributary.core.testing.GoldenFiles;
import io.cloudevents.CloudEvent;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Pulled messages: decoded like pushed ones, acked only once their events are safe. */
class PulledMessageHandlerTest {

    private static final String TOPIC = "projects/demo-project/topics/orders";
    private static final String SUBSCRIPTION = "projects/demo-project/subscriptions/orders-push";

    private final List<List<CloudEvent>> dispatched = new ArrayList<>();
    private final Reply reply = new Reply();

    @Test
    void aPulledMessageYieldsTheSameEventsAsItsPush() throws ParseException {
        PubsubMessage pulled = PubsubMessage.newBuilder()
                .setData(ByteString.copyFromUtf8("{\"order\": 1042, \"status\": \"paid\"}"))
                .putAttributes("origin", "checkout")
                .setMessageId("2070443601311540")
                .setPublishTime(Timestamps.parse("2026-03-14T09:26:55.123Z"))
                .build();
        handler(settled(List.of())).receiveMessage(pulled, reply);

        GoldenFiles.assertMatches("golden/gcp", "pubsub-push", dispatched.get(0));
        List<CloudEvent> pushed = new PushDecoder(TOPIC)
                .decode(new InboundPayload(Map.of(), GoldenFiles.input("golden/gcp", "pubsub-push")));
        assertEquals(pushed, dispatched.get(0));
    }

    @Test
    void acksOnlyWhenEveryEventIsSafe() {
        handler(settled(List.of())).receiveMessage(message("1"), reply);
        assertEquals(List.of("ack"), reply.calls);
    }

    @Test
    void nacksWhenADeliveryFailed() {
        handler(settled(List.of("sink thumbnailer: 503"))).receiveMessage(message("2"), reply);
        assertEquals(List.of("nack"), reply.calls);
    }

    @Test
    void waitsForTheDispatchBeforeSettling() {
        CompletableFuture<DispatchResult> pending = new CompletableFuture<>();
        handler((source, events) -> pending).receiveMessage(message("3"), reply);
        assertTrue(reply.calls.isEmpty());
        pending.complete(new DispatchResult(1, 1, List.of(), Optional.empty()));
        assertEquals(List.of("ack"), reply.calls);
    }

    @Test
    void nacksAMessageThatCanNeverBeDecodedWithoutDispatchingIt() {
        PubsubMessage poison = message("4").toBuilder()
                .putAttributes("eventType", "OBJECT_FINALIZE")
                .putAttributes("payloadFormat", "JSON_API_V1")
                .build();
        handler(settled(List.of())).receiveMessage(poison, reply);
        assertEquals(List.of("nack"), reply.calls);
        assertTrue(dispatched.isEmpty());
    }

    @Test
    void nacksWhenTheDispatchFailsOutright() {
        handler((source, events) -> CompletableFuture.failedFuture(new IllegalStateException("gateway stopping")))
                .receiveMessage(message("5"), reply);
        handler((source, events) -> {
                    throw new IllegalStateException("no route");
                })
                .receiveMessage(message("6"), reply);
        assertEquals(List.of("nack", "nack"), reply.calls);
    }

    private PulledMessageHandler handler(EventDispatch dispatch) {
        return new PulledMessageHandler("orders", SUBSCRIPTION, TOPIC, dispatch);
    }

    private EventDispatch settled(List<String> failures) {
        return (source, events) -> {
            assertEquals("orders", source);
            dispatched.add(events);
            return CompletableFuture.completedFuture(
                    new DispatchResult(events.size(), events.size(), failures, Optional.empty()));
        };
    }

    private static PubsubMessage message(String id) {
        return PubsubMessage.newBuilder()
                .setData(ByteString.copyFromUtf8("x"))
                .setMessageId(id)
                .setPublishTime(Timestamps.fromMillis(1_773_480_415_123L))
                .build();
    }

    /** Records acks and nacks in order. */
    private static final class Reply implements AckReplyConsumer {
        final List<String> calls = new ArrayList<>();

        @Override
        public void ack() {
            calls.add("ack");
        }

        @Override
        public void nack() {
            calls.add("nack");
        }
    }
}
