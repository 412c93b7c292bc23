package dev.tributary.core.sink;

import io.cloudevents.CloudEvent;
import java.util.Optional;

/**
 * The ordering key of an event, for sinks whose destination orders by key (Pub/Sub ordering keys,
 * SQS and SNS FIFO message groups). Routes do not define keys yet: every sink built from the
 * mapping file uses {@link #NONE}, and a sink falls back to what its destination needs without one
 * (documented per sink). Implementations are pure and thread-safe.
 */
@FunctionalInterface
public interface EventKey {

    /** No event has a key. */
    EventKey NONE = event -> Optional.empty();

    /** The event's key, or empty when it has none. */
    Optional<String> of(CloudEvent event);
}
