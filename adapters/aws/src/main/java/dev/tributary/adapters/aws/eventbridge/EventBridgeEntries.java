package dev.tributary.adapters.aws.eventbridge;

import dev.tributary.adapters.aws.sink.StructuredJson;
import io.cloudevents.CloudEvent;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Maps a CloudEvent onto a {@code PutEvents} entry, the {@code aws-eventbridge} sink's half of the
 * mapping in docs/cloud-sinks.md:
 * <ul>
 *   <li>{@code Source} ← the event's {@code source} (EventBridge refuses sources starting with
 *       {@code aws.}: such an entry fails as not authorized and is dead-lettered);</li>
 *   <li>{@code DetailType} ← {@code type};</li>
 *   <li>{@code Detail} ← the whole event in the structured JSON format, so rules can match
 *       {@code detail.subject}, {@code detail.data.*} and extensions;</li>
 *   <li>{@code Time} ← {@code time}, when set (EventBridge keeps whole seconds); else EventBridge's clock;</li>
 *   <li>{@code EventBusName} ← the sink's {@code bus} (name or ARN).</li>
 * </ul>
 * The other half is {@link EventBridgeDecoder}: an EventBridge event whose {@code detail} is a
 * structured CloudEvent decodes to that event, so id, source, type, subject, time, extensions and
 * data survive the trip. Pure and thread-safe.
 */
final class EventBridgeEntries {

    private EventBridgeEntries() {}

    static PutEventsRequestEntry entry(CloudEvent event, String bus) {
        PutEventsRequestEntry.Builder entry = PutEventsRequestEntry.builder()
                .eventBusName(bus)
                .source(event.getSource().toString())
                .detailType(event.getType())
                .detail(StructuredJson.of(event));
        if (event.getTime() != null) {
            entry.time(event.getTime().toInstant());
        }
        return entry.build();
    }
}
