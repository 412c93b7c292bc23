package dev.tributary.adapters.aws.sink;

import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * An AWS sink: one SDK call per delivery attempt, prepared on the calling thread (so an event that
 * cannot be encoded fails at once) and made on the sink's {@link AwsCalls} pool, which classifies
 * service errors. Owns the client and the pool. Thread-safe when the call is.
 */
public final class AwsSink implements EventSink {

    /** Turns an event into the blocking call that delivers it; pure, thread-safe. */
    @FunctionalInterface
    public interface Call {
        /**
         * @param timeout the attempt's timeout, for the SDK's {@code apiCallTimeout}
         * @return the call, answering the delivery's reply
         */
        Supplier<SinkReply> prepare(CloudEvent event, Duration timeout);
    }

    private final String destination;
    private final SdkAutoCloseable client;
    private final AwsCalls calls;
    private final Call call;

    /** @param destination the queue URL, topic ARN, bus or function, as dead letters name it */
    public AwsSink(String destination, SdkAutoCloseable client, AwsCalls calls, Call call) {
        this.destination = destination;
        this.client = client;
        this.calls = calls;
        this.call = call;
    }

    @Override
    public CompletionStage<SinkReply> send(CloudEvent event, Duration timeout) {
        return calls.run(call.prepare(event, timeout));
    }

    @Override
    public String destination() {
        return destination;
    }

    @Override
    public void close() {
        calls.close();
        client.close();
    }
}
