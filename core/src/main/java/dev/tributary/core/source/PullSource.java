package dev.tributary.core.source;

import java.util.Optional;

/**
 * A source that consumes in the background (SQS polling, Pub/Sub StreamingPull) and hands what it
 * receives to {@link SourceContext#dispatch()}. It acknowledges a message upstream only after the
 * dispatch of every event it yields reports {@link DispatchResult#isSafe()}.
 */
public interface PullSource extends Source {

    /**
     * Starts consuming; returns once consumption is under way.
     *
     * @throws Exception when the source cannot start (unreachable endpoint, missing subscription)
     */
    void start() throws Exception;

    /**
     * Why the source is not consuming now (its last poll failed, its stream died), for readiness;
     * empty while it consumes, and before {@link #start()}. Cheap and thread-safe: it is read on
     * every readiness probe. The default is for sources that cannot tell.
     */
    default Optional<String> problem() {
        return Optional.empty();
    }
}
