package dev.tributary.gateway.tracing;

import dev.tributary.core.sink.SinkReply;
import io.cloudevents.CloudEvent;
import io.opentelemetry.context.Scope;

/**
 * The trace of one delivery attempt, from {@link Tracing#attempt}: the caller sends
 * {@link #stamp}{@code (event)} under {@link #makeCurrent()} (so an HTTP sink adds the
 * {@code traceparent} header) and calls {@link #end} once, with the sink's answer or failure.
 */
public interface DeliveryAttempt {

    /** No trace: the event is sent as it is, nothing is recorded. */
    DeliveryAttempt NONE = new DeliveryAttempt() {
        @Override
        public CloudEvent stamp(CloudEvent event) {
            return event;
        }

        @Override
        public Scope makeCurrent() {
            return Scope.noop();
        }

        @Override
        public void end(SinkReply reply, Throwable error) {}
    };

    /** {@code event} carrying this attempt's trace context in the distributed-tracing extension. */
    CloudEvent stamp(CloudEvent event);

    /** Makes this attempt's span the current one, for the sink to propagate. */
    Scope makeCurrent();

    /**
     * Ends the attempt.
     *
     * @param reply the sink's answer, or {@code null} when it gave none
     * @param error why there is no answer (a timeout, a connection or encoding failure), or {@code null}
     */
    void end(SinkReply reply, Throwable error);
}
