package dev.tributary.bench.sqs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Pre-loads a queue with numbered S3 notifications ({@link S3Notifications}) in batches of
 * {@value #BATCH}, from several threads. Fails when SQS refuses any entry, so a scenario never
 * runs on a queue holding fewer messages than it expects.
 */
public final class SqsLoader {

    /** SQS's largest batch: {@value}. */
    public static final int BATCH = 10;

    private SqsLoader() {}

    /**
     * Creates the queue when missing and sends {@code count} messages numbered {@code 0..count-1}.
     *
     * @return the queue URL
     * @throws IllegalStateException when SQS refused some entries
     * @throws Exception when a send failed
     */
    public static String load(SqsClient client, String queueName, long count, int threads) throws Exception {
        String queueUrl =
                client.createQueue(request -> request.queueName(queueName)).queueUrl();
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                senders.add(pool.submit(() -> send(client, queueUrl, next, count)));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return queueUrl;
    }

    private static Void send(SqsClient client, String queueUrl, AtomicLong next, long count) {
        for (long first = next.getAndAdd(BATCH); first < count; first = next.getAndAdd(BATCH)) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(BATCH);
            for (long index = first; index < Math.min(first + BATCH, count); index++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Long.toString(index))
                        .messageBody(S3Notifications.body(index))
                        .build());
            }
            SendMessageBatchResponse response = client.sendMessageBatch(
                    request -> request.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException(
                        "SQS refused " + response.failed().size() + " messages, first: "
                                + response.failed().get(0).message());
            }
        }
        return null;
    }
}
