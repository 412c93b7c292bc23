package dev.tributary.gateway.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
import dev.tributary.gateway.delivery.SinkDelivery;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.gateway.tracing.Tracing;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The outcome {@link CamelDelivery} reports, from what the attempts recorded. */
class CamelDeliveryTest {

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              in: { type: cloudevents, auth: none }
            sinks:
              primary: { type: log }
              dead: { type: log }
            routes:
              - name: orders
                from: [in]
                to: [primary]
                delivery: { retry: 1, backoffDelay: PT0.01S, deadLetterSink: dead }
            """;

    private final CloudEvent event = CloudEventBuilder.v1()
            .withId("e1")
            .withSource(URI.create("/t"))
            .withType("t")
            .build();

    @Test
    void aDeadLetteredEventReportsThePrimarySinksFailureNotTheDeadLetterSinksRetries() throws Exception {
        Mappings mappings = new MappingLoader().load("test.yaml", MAPPINGS);
        GatewayMetrics metrics = new GatewayMetrics(new SimpleMeterRegistry());
        List<SinkDelivery> deliveries = SinkDelivery.of(mappings, metrics);
        Map<String, EventSink> sinks = Map.of("primary", new Scripted(500, 500), "dead", new Scripted(503, 202));
        try (CamelDelivery delivery =
                new CamelDelivery(deliveries, sinks, CeOverrides.parse(""), metrics, Tracing.OFF)) {
            DeliveryOutcome outcome = delivery.deliver(deliveries.get(0), event).get(10, TimeUnit.SECONDS);

            assertEquals(DeliveryOutcome.Status.DEAD_LETTERED, outcome.status());
            assertTrue(outcome.failure().endsWith("answered 500"), outcome.failure());
            assertTrue(outcome.failure().startsWith("sink 'primary'"), outcome.failure());
        }
    }

    /** Answers with the given statuses in turn, then 202. */
    private static final class Scripted implements EventSink {

        private final Deque<Integer> statuses = new ArrayDeque<>();

        Scripted(Integer... statuses) {
            this.statuses.addAll(List.of(statuses));
        }

        @Override
        public synchronized CompletionStage<SinkReply> send(CloudEvent event, Duration timeout) {
            Integer status = statuses.poll();
            return CompletableFuture.completedFuture(SinkReply.of(status == null ? 202 : status));
        }

        @Override
        public String destination() {
            return "scripted";
        }
    }
}
