package dev.tributary.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.models.CloudEvent;
import com.azure.core.models.CloudEventDataFormat;
import com.azure.core.util.BinaryData;
import com.azure.messaging.eventgrid.EventGridPublisherClient;
import com.azure.messaging.eventgrid.EventGridPublisherClientBuilder;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.tributary.gateway.testing.ElasticMqQueues;
import dev.tributary.gateway.testing.EmulatedPubsub;
import dev.tributary.gateway.testing.FaultySink;
import dev.tributary.gateway.testing.FaultySink.Fault;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.LossOracle;
import dev.tributary.gateway.testing.RecordingSink;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Faulty sinks fed by four sources at once, with a loss/duplicate oracle: each sink path
 * misbehaves for its first {@value #FAULT_MILLIS} ms (503, slower than the route's timeout,
 * connection resets, 429 + Retry-After), then recovers. The {@code cloudevents} and
 * {@code azure-eventgrid} sources are fed by senders that retry like a cloud does (until a 2xx,
 * honouring Retry-After); the {@code aws-sqs} source by ElasticMQ, whose unacknowledged messages
 * come back after their visibility timeout; the {@code gcp-pubsub} source by the Pub/Sub emulator
 * (one for the whole test), which redelivers what the gateway nacked (binary-mode CloudEvents, so
 * each message's {@code ce-subject} numbers it). Nothing may be missing; duplicates are counted.
 */
class FaultInjectionIT {

    static final int EVENTS = 40;
    static final long FAULT_MILLIS = 2000;
    static final long SLOW_MILLIS = 1000;
    private static final String SECRET = "fault-secret";
    private static final Map<String, Fault> FAULTS = Map.of(
            "503-then-recovers",
            Fault.UNAVAILABLE,
            "slower-than-timeout",
            Fault.SLOW,
            "connection-resets",
            Fault.RESET,
            "429-retry-after",
            Fault.THROTTLED);
    private static final List<String> SOURCES = List.of("push", "sqs", "grid", "sub");

    private final LossOracle oracle = new LossOracle();

    @Test
    void noFaultLosesAnEvent() throws Exception {
        Map<String, Fault> paths = new HashMap<>();
        FAULTS.forEach((name, fault) -> SOURCES.forEach(source -> paths.put("/" + source + "/" + name, fault)));
        try (ElasticMqQueues queues = new ElasticMqQueues();
                EmulatedPubsub pubsub = new EmulatedPubsub(Path.of("target", "fault-injection-pubsub-emulator.log"));
                RecordingSink unused = new RecordingSink();
                FaultySink sink = new FaultySink(paths, FAULT_MILLIS, SLOW_MILLIS, this::delivered)) {
            StringBuilder sources = new StringBuilder();
            StringBuilder sinks = new StringBuilder();
            StringBuilder routes = new StringBuilder();
            Map<String, String> queueUrls = new HashMap<>();
            for (String fault : FAULTS.keySet()) {
                sources.append("  push-").append(fault).append(": { type: cloudevents, auth: none }\n");
                sources.append("  grid-")
                        .append(fault)
                        .append(": { type: azure-eventgrid, secret: ")
                        .append(SECRET)
                        .append(" }\n");
                String queue = queues.create("q-" + fault, 2);
                queueUrls.put(fault, queue);
                sources.append(queues.source("sqs-" + fault, queue, 1, 2));
                sources.append(
                        pubsub.source("sub-" + fault, pubsub.topics().subscribe("t-" + fault, 10, false), 10, 10));
                for (String source : SOURCES) {
                    String name = source + "-" + fault;
                    sinks.append("  ")
                            .append(name)
                            .append(": { type: http, url: ")
                            .append(sink.url())
                            .append('/')
                            .append(source)
                            .append('/')
                            .append(fault)
                            .append(" }\n");
                    routes.append("  - { name: ")
                            .append(name)
                            .append(", from: [")
                            .append(name)
                            .append("], to: [")
                            .append(name)
                            .append("], delivery: { retry: 2, backoffDelay: PT0.1S, timeout: PT0.5S } }\n");
                }
            }
            String mappings =
                    "apiVersion: tributary.dev/v1\nsources:\n" + sources + "sinks:\n" + sinks + "routes:\n" + routes;
            long started = System.nanoTime();
            try (GatewayUnderTest gateway = new GatewayUnderTest(mappings, unused)) {
                ExecutorService senders = Executors.newFixedThreadPool(8);
                for (String fault : FAULTS.keySet()) {
                    EventGridPublisherClient<CloudEvent> grid = new EventGridPublisherClientBuilder()
                            .endpoint(gateway.uri("/sources/grid-" + fault + "?code=" + SECRET)
                                    .toString())
                            .pipeline(new HttpPipelineBuilder()
                                    .httpClient(new JdkHttpClientBuilder().build())
                                    .build())
                            .buildCloudEventPublisherClient();
                    for (int n = 0; n < EVENTS; n++) {
                        int number = n;
                        oracle.sent("push " + fault, n);
                        senders.execute(() -> CloudSender.untilAccepted(() -> pushStatus(gateway, fault, number)));
                        oracle.sent("grid " + fault, n);
                        CloudEvent event = new CloudEvent(
                                        "/fault",
                                        "com.example.fault",
                                        BinaryData.fromString("{}"),
                                        CloudEventDataFormat.JSON,
                                        "application/json")
                                .setSubject("n-" + n);
                        senders.execute(() -> CloudSender.untilAccepted(() -> {
                            grid.sendEvents(List.of(event));
                            return 200;
                        }));
                        oracle.sent("sqs " + fault, n);
                        queues.client()
                                .sendMessage(m -> m.queueUrl(queueUrls.get(fault))
                                        .messageBody(S3Notifications.created("n-" + number)));
                        oracle.sent("sub " + fault, n);
                    }
                    pubsub.topics().publish("t-" + fault, numberedEvents());
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (System.nanoTime() < deadline
                        && !oracle.tallies().values().stream().allMatch(t -> t.missing() == 0)) {
                    Thread.sleep(200);
                }
                senders.shutdownNow();
            }
            List<String> report = new ArrayList<>();
            oracle.tallies().values().forEach(tally -> report.add(tally.toString()));
            System.out.println(
                    "Fault injection (" + EVENTS + " numbered events per scenario, faults last " + FAULT_MILLIS
                            + " ms, all scenarios at once, " + (System.nanoTime() - started) / 1_000_000 + " ms):\n  "
                            + String.join("\n  ", report));
            oracle.tallies().values().forEach(tally -> assertEquals(0, tally.missing(), tally.toString()));
            assertEquals(SOURCES.size() * FAULTS.size(), oracle.tallies().size());
        }
    }

    private void delivered(String path, String subject) {
        String[] parts = path.substring(1).split("/");
        oracle.delivered(parts[0] + " " + parts[1], Integer.parseInt(subject.substring(subject.indexOf('-') + 1)));
    }

    /** {@value #EVENTS} CloudEvents in Pub/Sub's binary mode, subjects {@code n-0}, {@code n-1}, ... */
    private static List<PubsubMessage> numberedEvents() {
        List<PubsubMessage> messages = new ArrayList<>();
        for (int n = 0; n < EVENTS; n++) {
            messages.add(PubsubMessage.newBuilder()
                    .setData(ByteString.copyFromUtf8("{}"))
                    .putAttributes("ce-specversion", "1.0")
                    .putAttributes("ce-id", "sub-" + n)
                    .putAttributes("ce-source", "/fault")
                    .putAttributes("ce-type", "com.example.fault")
                    .putAttributes("ce-subject", "n-" + n)
                    .putAttributes("content-type", "application/json")
                    .build());
        }
        return messages;
    }

    private static int pushStatus(GatewayUnderTest gateway, String fault, int n) throws Exception {
        HttpResponse<String> response = gateway.post(
                "/sources/push-" + fault,
                "{}",
                "Content-Type",
                "application/json",
                "ce-specversion",
                "1.0",
                "ce-id",
                "push-" + n,
                "ce-source",
                "/fault",
                "ce-type",
                "com.example.fault",
                "ce-subject",
                "n-" + n);
        if (response.statusCode() == 429) {
            response.headers()
                    .firstValue("Retry-After")
                    .ifPresent(seconds -> CloudSender.pause(Long.parseLong(seconds) * 1000));
        }
        return response.statusCode();
    }
}
