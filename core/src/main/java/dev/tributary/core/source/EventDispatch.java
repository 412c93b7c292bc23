package dev.tributary.core.source;

import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Routes events from a source to the sinks of every matching route. The future completes when each
 * delivery has a final outcome and never completes exceptionally. Thread-safe.
 */
@FunctionalInterface
public interface EventDispatch {

    CompletableFuture<DispatchResult> dispatch(String sourceName, List<CloudEvent> events);
}
