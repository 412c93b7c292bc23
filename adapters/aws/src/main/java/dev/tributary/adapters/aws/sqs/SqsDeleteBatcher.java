package dev.tributary.adapters.aws.sqs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;

/**
 * Deletes settled messages with {@code DeleteMessageBatch}, up to {@value #MAX_BATCH} at a time,
 * from one background thread: deletes queue up while a batch call is in flight, so under load each
 * call carries a full batch, and an idle queue waits for nothing. A failed delete is logged; the
 * message then reappears after its visibility timeout and is delivered again (at least once).
 * Thread-safe.
 */
final class SqsDeleteBatcher implements AutoCloseable {

    /** SQS's limit of entries per batch call: {@value}. */
    static final int MAX_BATCH = 10;

    private static final Logger LOG = LoggerFactory.getLogger(SqsDeleteBatcher.class);
    private static final long CLOSE_WAIT_SECONDS = 10;

    private record Pending(String messageId, String receiptHandle) {}

    private final SqsClient client;
    private final String queueUrl;
    private final String sourceName;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Thread flusher;
    private volatile boolean open = true;

    SqsDeleteBatcher(SqsClient client, String queueUrl, String sourceName) {
        this.client = client;
        this.queueUrl = queueUrl;
        this.sourceName = sourceName;
        this.flusher = new Thread(this::run, "sqs-delete-" + sourceName);
        flusher.setDaemon(true);
        flusher.start();
    }

    /** Queues a delivered message for deletion. */
    void delete(String messageId, String receiptHandle) {
        pending.add(new Pending(messageId, receiptHandle));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (open || !pending.isEmpty()) {
            try {
                Pending first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, MAX_BATCH - 1);
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void send(List<Pending> batch) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .receiptHandle(batch.get(i).receiptHandle())
                    .build());
        }
        try {
            DeleteMessageBatchResponse response =
                    client.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            response.failed()
                    .forEach(failure -> LOG.warn(
                            "source '{}': deleting delivered message {} failed ({}); it will be delivered again",
                            sourceName,
                            batch.get(Integer.parseInt(failure.id())).messageId(),
                            failure.code()));
        } catch (SdkException e) {
            LOG.warn(
                    "source '{}': deleting {} delivered messages failed; they will be delivered again: {}",
                    sourceName,
                    batch.size(),
                    e.getMessage());
        }
    }

    /** Deletes what is queued, then stops (waiting at most {@value #CLOSE_WAIT_SECONDS} s). */
    @Override
    public void close() {
        open = false;
        try {
            flusher.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
