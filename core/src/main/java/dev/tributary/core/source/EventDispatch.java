package dev.tributary.core.source;

import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Routes events from a source to the sinks of every matching route. The future completes when each
 * delivery has a final outcome and never completes exceptionally. Thread-safe.
 */
@FunctionalInterface
public interface EventDispatch {

    CompletableFuture<DispatchResult> dispatch(String sourceName, List<CloudEvent> events);

    /**
     * As {@link #dispatch(String, List)}, for events that came in one transport message (a push
     * request, a queue message) whose headers or attributes may carry a W3C trace context:
     * {@code transportFields} maps lower-case names to values, of which a traced dispatch reads
     * {@code traceparent} and {@code tracestate} to continue the caller's trace. By default they
     * are ignored.
     */
    default CompletableFuture<DispatchResult> dispatch(
            String sourceName, List<CloudEvent> events, Map<String, String> transportFields) {
        return dispatch(sourceName, events);
    }
}
