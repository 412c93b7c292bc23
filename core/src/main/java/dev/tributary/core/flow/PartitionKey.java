package dev.tributary.core.flow;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ordering key of an event: the CloudEvents Partitioning extension {@value #EXTENSION}.
 * Sources that have one set it (SQS FIFO {@code MessageGroupId}, Pub/Sub ordering key); a route
 * with {@code orderBy} sets it from that attribute before delivery. The gateway delivers the events
 * of one key one at a time, in arrival order; sinks that preserve order downstream (a Pub/Sub
 * ordering key, an SQS FIFO message group) read it with {@link #of(CloudEvent)}. Stateless.
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/main/cloudevents/extensions/partitioning.md">Partitioning extension</a>
 */
public final class PartitionKey {

    /** The extension name: {@value}. */
    public static final String EXTENSION = "partitionkey";

    private PartitionKey() {}

    /** The event's ordering key, if it has a non-empty one. */
    public static Optional<String> of(CloudEvent event) {
        Object value = event.getExtension(EXTENSION);
        return value == null || value.toString().isEmpty() ? Optional.empty() : Optional.of(value.toString());
    }

    /** The events with {@code key} as their ordering key; the same list when {@code key} is null or empty. */
    public static List<CloudEvent> apply(List<CloudEvent> events, String key) {
        if (key == null || key.isEmpty()) {
            return events;
        }
        List<CloudEvent> keyed = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            keyed.add(with(event, key));
        }
        return List.copyOf(keyed);
    }

    /** The event with {@code key} as its ordering key. */
    public static CloudEvent with(CloudEvent event, String key) {
        return CloudEventBuilder.from(event).withExtension(EXTENSION, key).build();
    }
}
