package dev.tributary.core.sink;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Sends one event to one destination, once: retries, backoff and dead-lettering are the Camel
 * route's job. Implementations are thread-safe and never block the calling thread.
 */
public interface EventSink extends AutoCloseable {

    /**
     * Starts one delivery attempt.
     *
     * @param timeout how long the attempt may take; past it the stage fails with a timeout
     * @return the sink's answer, or a failed stage for a transport error (connection refused, timeout)
     */
    CompletionStage<SinkReply> send(CloudEvent event, Duration timeout);

    /** The destination as dead-letter extensions name it ({@code knativeerrordest}): URL or function. */
    String destination();

    /** Releases clients and connections; called once at shutdown. */
    @Override
    default void close() {}
}
