package dev.tributary.bench.sqs;

import dev.tributary.bench.OwnCpu;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The SQS drain baseline: the loop a user would write with the bare AWS SDK. Each of
 * {@code pollers} threads receives up to 10 messages, POSTs each body to the sink (JDK
 * {@link HttpClient}, HTTP/1.1) and deletes the ones the sink accepted in one batch. No decoding
 * into CloudEvents, no retries, no visibility extension: the least work that drains the queue.
 *
 * <p>Stops once {@code target} messages were delivered and deleted, or at the deadline. Time and
 * CPU are measured from the first message received to the delete that reached the target, so JVM
 * start-up and the last idle long polls are left out.
 */
public final class BareSqsDrain {

    /**
     * @param pollers receive loops running at once
     * @param target how many messages to deliver before stopping
     * @param waitSeconds long-poll wait of each receive
     * @param timeout the latest the loops stop, done or not
     */
    public record Settings(
            URI endpoint, String queueUrl, URI sink, int pollers, long target, int waitSeconds, Duration timeout) {}

    /**
     * @param delivered messages posted, accepted and deleted
     * @param seconds from the first message received to the delete that reached the target
     * @param cpuMillis CPU time of this process over those seconds
     */
    public record Result(long delivered, double seconds, double cpuMillis) {}

    private BareSqsDrain() {}

    /** When the first message came and the target was reached, in wall and CPU time; shared by the loops. */
    private static final class Span {
        private long startNanos;
        private long startCpu;
        private long endNanos;
        private long endCpu;

        synchronized void received() {
            if (startNanos == 0) {
                startNanos = System.nanoTime();
                startCpu = OwnCpu.nanos();
            }
        }

        synchronized void reached() {
            if (endNanos == 0) {
                endNanos = System.nanoTime();
                endCpu = OwnCpu.nanos();
            }
        }

        synchronized Result result(long delivered) {
            return endNanos == 0
                    ? new Result(delivered, 0, 0)
                    : new Result(delivered, (endNanos - startNanos) / 1e9, (endCpu - startCpu) / 1e6);
        }
    }

    /**
     * @return what was delivered; all zero seconds when the target was not reached before the deadline
     * @throws Exception when a loop failed (SQS or sink unreachable)
     */
    public static Result run(Settings settings) throws Exception {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        AtomicLong delivered = new AtomicLong();
        Span span = new Span();
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(settings.pollers());
        try (SqsClient sqs = LocalSqs.client(settings.endpoint())) {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < settings.pollers(); i++) {
                loops.add(pool.submit(() -> poll(sqs, http, settings, delivered, span, deadline)));
            }
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return span.result(delivered.get());
    }

    private static Void poll(
            SqsClient sqs, HttpClient http, Settings settings, AtomicLong delivered, Span span, long deadline)
            throws Exception {
        while (delivered.get() < settings.target() && System.nanoTime() < deadline) {
            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(settings.queueUrl())
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(settings.waitSeconds()))
                    .messages();
            if (!messages.isEmpty()) {
                span.received();
            }
            List<DeleteMessageBatchRequestEntry> done = new ArrayList<>(messages.size());
            for (Message message : messages) {
                if (post(http, settings.sink(), message.body())) {
                    done.add(DeleteMessageBatchRequestEntry.builder()
                            .id(Integer.toString(done.size()))
                            .receiptHandle(message.receiptHandle())
                            .build());
                }
            }
            if (!done.isEmpty()) {
                sqs.deleteMessageBatch(
                        request -> request.queueUrl(settings.queueUrl()).entries(done));
                if (delivered.addAndGet(done.size()) >= settings.target()) {
                    span.reached();
                }
            }
        }
        return null;
    }

    private static boolean post(HttpClient http, URI sink, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(sink)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        return status >= 200 && status < 300;
    }
}
