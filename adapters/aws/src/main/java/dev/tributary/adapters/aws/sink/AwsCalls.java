package dev.tributary.adapters.aws.sink;

import dev.tributary.core.sink.SinkReply;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Runs the blocking SDK calls of one AWS sink on the sink's own bounded pool of
 * {@value #THREADS} daemon threads (never on the gateway's event loop or Camel threads), and turns
 * a service error into the {@link SinkReply} the delivery rules classify:
 * <ul>
 *   <li>throttling (the SDK's {@link AwsServiceException#isThrottlingException()}: 429, or an error
 *       code such as {@code ThrottlingException}, {@code Throttling}, {@code RequestThrottled},
 *       whatever its HTTP status) → 429, retried with the route's backoff;</li>
 *   <li>any other service error keeps its HTTP status: 5xx retried, 403 and other 4xx (permission,
 *       validation, missing queue/topic) dead-lettered at once.</li>
 * </ul>
 * The reply body is the service's error code and message (never a credential). A transport error
 * (connection refused, timeout) fails the stage. Thread-safe.
 */
public final class AwsCalls implements AutoCloseable {

    /** Concurrent calls per sink. */
    public static final int THREADS = 32;

    private final ThreadPoolExecutor pool;

    /** @param name names the pool's threads, e.g. {@code sqs-orders} */
    public AwsCalls(String name) {
        AtomicInteger threads = new AtomicInteger();
        pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs one call on the pool; a service error becomes a reply, anything else fails the stage. */
    public CompletionStage<SinkReply> run(Supplier<SinkReply> call) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return call.get();
                    } catch (AwsServiceException e) {
                        return reply(e);
                    }
                },
                pool);
    }

    /** The reply for a service error, per the class contract. */
    static SinkReply reply(AwsServiceException e) {
        int status = e.isThrottlingException() ? 429 : e.statusCode();
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null
                ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
        return failure(status, (code == null ? "" : code + ": ") + message);
    }

    /** A failed reply with a text body, truncated to {@link SinkReply#MAX_BODY} bytes. */
    public static SinkReply failure(int status, String text) {
        return new SinkReply(
                status,
                truncated(String.valueOf(text).getBytes(StandardCharsets.UTF_8)),
                Optional.empty(),
                false,
                Optional.empty());
    }

    /** The body cut to {@link SinkReply#MAX_BODY} bytes. */
    public static byte[] truncated(byte[] body) {
        return body.length > SinkReply.MAX_BODY ? Arrays.copyOf(body, SinkReply.MAX_BODY) : body;
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
