package dev.tributary.gateway.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.ElasticMqQueues;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.ObservingSink;
import dev.tributary.gateway.testing.RecordingSink;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Flow control with a real SQS-compatible server (ElasticMQ): a rate-limited sink keeps the backlog
 * in the queue rather than in the gateway, and a FIFO queue's message groups are delivered in order
 * while the sink fails and retries.
 */
class SqsFlowIT {

    @RegisterExtension
    static final ElasticMqQueues QUEUES = new ElasticMqQueues();

    @Test
    void aRateLimitedSinkLeavesTheBacklogInTheQueue() throws Exception {
        String queueUrl =
                QUEUES.client().createQueue(q -> q.queueName("backlog")).queueUrl();
        int messages = 120;
        for (int batch = 0; batch < messages / 10; batch++) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id("m" + i)
                        .messageBody("{\"n\":" + (batch * 10 + i) + "}")
                        .build());
            }
            QUEUES.client().sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        }
        try (ObservingSink sink = new ObservingSink(0);
                RecordingSink unused = new RecordingSink();
                GatewayUnderTest gateway =
                        new GatewayUnderTest(sqsMappings(queueUrl, sink.url(), "rateLimit: 40", "standard"), unused)) {
            MeterRegistry registry = gateway.context().getBean(MeterRegistry.class);
            int mostInGateway = 0;
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < deadline) {
                mostInGateway = Math.max(mostInGateway, (int)
                        (gauge(registry, "tributary.sink.waiting") + gauge(registry, "tributary.sink.inflight")));
                Thread.sleep(20);
            }
            int visible = Integer.parseInt(QUEUES.client()
                    .getQueueAttributes(
                            a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            long delivered = sink.accepted();
            // 1 poller: at most 10 messages in flight, plus the rest of the batch that poll received
            assertTrue(mostInGateway <= 20, "the gateway held " + mostInGateway + " deliveries");
            assertTrue(delivered < messages / 2, "still a backlog after 2 s at 40/s: " + delivered + " delivered");
            // neither delivered nor visible: at most those 20, and deletes not yet sent (half a second's worth)
            assertTrue(
                    visible >= messages - delivered - 20 - 20,
                    "the backlog stays in the queue: " + visible + " visible, " + delivered + " delivered of "
                            + messages);

            sink.awaitAccepted(messages, 20);
            assertEquals(
                    messages,
                    sink.arrivals().stream()
                            .map(ObservingSink.Arrival::id)
                            .distinct()
                            .count());
        }
    }

    @Test
    void aFifoQueuesGroupsAreDeliveredInOrderUnderRetries() throws Exception {
        String queueUrl = QUEUES.client()
                .createQueue(q -> q.queueName("ordered.fifo")
                        .attributes(Map.of(
                                QueueAttributeName.FIFO_QUEUE,
                                "true",
                                QueueAttributeName.CONTENT_BASED_DEDUPLICATION,
                                "true")))
                .queueUrl();
        List<String> groups = List.of("a", "b", "c");
        int perGroup = 8;
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (int i = 0; i < perGroup; i++) {
            for (String group : groups) {
                String body = "{\"group\":\"" + group + "\",\"n\":" + i + "}";
                sent.computeIfAbsent(group, g -> new ArrayList<>())
                        .add(QUEUES.client()
                                .sendMessage(m -> m.queueUrl(queueUrl)
                                        .messageGroupId(group)
                                        .messageBody(body))
                                .messageId());
            }
        }
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        // every third event fails its first attempt, so each group retries while later events wait
        AtomicInteger seen = new AtomicInteger();
        try (ObservingSink sink =
                        new ObservingSink(20, id -> seen.incrementAndGet() % 3 == 0 && failedOnce.add(id) ? 503 : 202);
                RecordingSink unused = new RecordingSink();
                GatewayUnderTest gateway =
                        new GatewayUnderTest(sqsMappings(queueUrl, sink.url(), "maxConcurrency: 10", "fifo"), unused)) {
            sink.awaitAccepted(groups.size() * perGroup, 30);
            assertTrue(!failedOnce.isEmpty());
            Map<String, List<Long>> acceptedByGroup = new LinkedHashMap<>();
            Map<String, List<String>> idsByGroup = new LinkedHashMap<>();
            for (ObservingSink.Arrival arrival : sink.arrivals()) {
                idsByGroup
                        .computeIfAbsent(arrival.partitionKey(), g -> new ArrayList<>())
                        .add(arrival.id());
                if (arrival.status() < 300) {
                    acceptedByGroup
                            .computeIfAbsent(arrival.partitionKey(), g -> new ArrayList<>())
                            .add(arrival.nanos());
                }
            }
            assertEquals(Set.copyOf(groups), acceptedByGroup.keySet(), "partitionkey is the MessageGroupId");
            for (String group : groups) {
                List<String> ids = idsByGroup.get(group);
                assertEquals(sent.get(group), ids.stream().distinct().toList(), "group " + group + " in send order");
                for (int i = 1; i < ids.size(); i++) {
                    int step = sent.get(group).indexOf(ids.get(i))
                            - sent.get(group).indexOf(ids.get(i - 1));
                    assertTrue(step == 0 || step == 1, "group " + group + ": an event overtook a retried one: " + ids);
                }
            }
            assertTrue(sink.maxConcurrent() > 1, "different groups are delivered in parallel");
            assertTrue(sink.maxConcurrent() <= groups.size(), "one event per group at a time: " + sink.maxConcurrent());
            QUEUES.awaitEmpty(queueUrl);
        }
    }

    private static double gauge(MeterRegistry registry, String name) {
        var gauge = registry.find(name).tag("sink", "fn").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private static String sqsMappings(String queueUrl, String sinkUrl, String limits, String kind) {
        return "apiVersion: tributary.dev/v1\nsources:\n" + QUEUES.source("queue", queueUrl, 1, 30)
                + """
                sinks:
                  fn: { type: http, url: %s/fn, %s }
                routes:
                  - name: %s
                    from: [queue]
                    to: [fn]
                    delivery: { retry: 5, backoffDelay: PT0.05S }
                """.formatted(sinkUrl, limits, kind);
    }
}
