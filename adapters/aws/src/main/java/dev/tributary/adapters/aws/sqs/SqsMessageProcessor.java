package dev.tributary.adapters.aws.sqs;

import dev.tributary.adapters.aws.MessageAttribute;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.flow.PartitionKey;
import dev.tributary.core.source.DispatchResult;
import dev.tributary.core.source.EventDispatch;
import io.cloudevents.CloudEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous end of an {@code aws-sqs} route: decodes a received message, dispatches its
 * events and deletes the message only once the dispatch is {@link DispatchResult#isSafe() safe}
 * (every event delivered or dead-lettered). Otherwise the message is left alone: it reappears after
 * the visibility timeout and the queue's redrive policy counts the attempt. A FIFO queue's
 * {@code MessageGroupId} becomes the events' ordering key ({@link PartitionKey}), so the gateway
 * delivers a group's events one at a time, in order. A message that cannot be decoded is left
 * alone too, so that the redrive policy moves it to the dead-letter queue.
 *
 * <p>The exchange completes when the message is settled, which keeps Camel extending the message's
 * visibility while a slow sink is retried. Consumer threads are not blocked by delivery, except that
 * at most {@code maxInFlight} messages are in flight: past that the polling thread waits, which is
 * the source's back-pressure. Settling runs on {@code settleExecutor}, off the threads that complete
 * deliveries, and deletes go out in batches ({@link SqsDeleteBatcher}). Thread-safe.
 */
final class SqsMessageProcessor extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SqsMessageProcessor.class);

    private final String sourceName;
    private final String queueArn;
    private final SqsMessageDecoder decoder;
    private final EventDispatch dispatch;
    private final SqsDeleteBatcher deletes;
    private final Executor settleExecutor;
    private final Semaphore inFlight;

    SqsMessageProcessor(
            SqsSourceSettings settings,
            String queueArn,
            SqsMessageDecoder decoder,
            EventDispatch dispatch,
            SqsDeleteBatcher deletes,
            Executor settleExecutor,
            int maxInFlight) {
        this.sourceName = settings.name();
        this.queueArn = queueArn;
        this.decoder = decoder;
        this.dispatch = dispatch;
        this.deletes = deletes;
        this.settleExecutor = settleExecutor;
        this.inFlight = new Semaphore(maxInFlight);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        SqsMessage message = SqsExchanges.message(exchange, queueArn);
        String receiptHandle = SqsExchanges.receiptHandle(exchange);
        List<CloudEvent> events;
        try {
            events = PartitionKey.apply(decoder.decode(message), SqsExchanges.messageGroupId(exchange));
        } catch (DecodeException e) {
            LOG.warn(
                    "source '{}': message {} cannot be decoded and stays on the queue for its redrive policy: {}",
                    sourceName,
                    message.messageId(),
                    e.getMessage());
            callback.done(true);
            return true;
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.done(true);
            return true;
        }
        dispatch(events, traceFields(message))
                .whenCompleteAsync(
                        (result, error) -> {
                            try {
                                settle(message, receiptHandle, result, error);
                            } finally {
                                inFlight.release();
                                callback.done(false);
                            }
                        },
                        settleExecutor);
        return false;
    }

    /** The dispatch, with a synchronous failure turned into a failed future so the message is still settled. */
    private CompletableFuture<DispatchResult> dispatch(List<CloudEvent> events, Map<String, String> traceFields) {
        try {
            return dispatch.dispatch(sourceName, events, traceFields);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The W3C trace context the message's attributes carry ({@code traceparent}, {@code tracestate}
     * string attributes, as OpenTelemetry's SQS instrumentation sends them), for the ingress span.
     */
    private static Map<String, String> traceFields(SqsMessage message) {
        Map<String, String> fields = Map.of();
        for (MessageAttribute attribute : message.attributes()) {
            String name = attribute.name().toLowerCase(Locale.ROOT);
            if ((name.equals("traceparent") || name.equals("tracestate")) && attribute.value() != null) {
                fields = fields.isEmpty() ? new HashMap<>(2) : fields;
                fields.put(name, attribute.value());
            }
        }
        return fields;
    }

    private void settle(SqsMessage message, String receiptHandle, DispatchResult result, Throwable error) {
        if (error != null || !result.isSafe()) {
            String why = error != null
                    ? String.valueOf(error.getMessage())
                    : result.failures().size() + " of " + result.deliveries() + " deliveries failed, first: "
                            + result.failures().get(0);
            LOG.warn(
                    "source '{}': message {} not acknowledged, it reappears after its visibility timeout: {}",
                    sourceName,
                    message.messageId(),
                    why);
            return;
        }
        deletes.delete(message.messageId(), receiptHandle);
    }
}
