package dev.tributary.adapters.gcp.pubsub;

import dev.tributary.adapters.gcp.storage.StorageNotifications;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.NotificationDecoder;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Optional;

/**
 * Decodes one Pub/Sub message into CloudEvents, following {@code docs/cloudevents-mapping.md}:
 * <ol>
 *   <li>a message that already is a CloudEvent (binary {@code ce-*} attributes, or structured
 *       {@code content-type: application/cloudevents+json}) passes through unchanged;</li>
 *   <li>a Cloud Storage notification becomes {@code google.cloud.storage.object.v1.*}
 *       ({@link StorageNotifications});</li>
 *   <li>any other message becomes {@code google.cloud.pubsub.topic.v1.messagePublished} with
 *       {@code MessagePublishedData}, keeping data and attributes losslessly.</li>
 * </ol>
 *
 * <p>A pure function of the envelope (no I/O, clock or randomness): a redelivered message yields
 * identical events. Thread-safe.
 */
public final class PubsubMessageDecoder implements NotificationDecoder<PubsubEnvelope> {

    /**
     * Decodes a message.
     *
     * @throws DecodeException when the message can never become an event; the message names the
     *     attribute or field at fault
     */
    @Override
    public List<CloudEvent> decode(PubsubEnvelope envelope) {
        return PubsubCloudEventsBinding.read(envelope.message())
                .or(() -> StorageNotifications.toEvent(envelope.message()).map(List::of))
                .or(() -> Optional.of(List.of(MessagePublishedEvents.toEvent(envelope))))
                // the ordering key becomes partitionkey: the gateway delivers a key's events in order
                // (docs/flow-control.md)
                .map(events -> dev.tributary.core.flow.PartitionKey.apply(
                        events, envelope.message().getOrderingKey()))
                .orElseThrow();
    }
}
