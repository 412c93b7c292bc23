package dev.tributary.adapters.gcp.pubsub;

import com.google.pubsub.v1.PubsubMessage;
import dev.tributary.core.binding.AttributeBinding;
import dev.tributary.core.decode.CloudEventsHttpDecoder;
import dev.tributary.core.decode.InboundPayload;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Pub/Sub messages that already are CloudEvents, per the CloudEvents Google Cloud Pub/Sub
 * protocol binding, so they pass through unchanged.
 *
 * <p>Structured mode: the {@code content-type} attribute (name matched ignoring case) is
 * {@code application/cloudevents+json} (or the batch format); the message data is the event in the
 * JSON format. Binary mode: a {@code ce-specversion} attribute is present, read by
 * {@link AttributeBinding} (every {@code ce-*} attribute a context attribute or extension,
 * {@code content-type} the {@code datacontenttype}, the message data the event data; attributes
 * outside the binding are not carried over). A message with another CloudEvents media type and
 * no {@code ce-specversion} is not treated as an event (the binding lets a receiver handle it as
 * an ordinary message).
 * Stateless and thread-safe.
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/main/cloudevents/bindings/pubsub-protocol-binding.md">Pub/Sub protocol binding</a>
 */
final class PubsubCloudEventsBinding {

    private static final List<String> STRUCTURED_TYPES =
            List.of("application/cloudevents+json", "application/cloudevents-batch+json");
    private static final CloudEventsHttpDecoder STRUCTURED = new CloudEventsHttpDecoder();

    private PubsubCloudEventsBinding() {}

    /** The events the message carries, or empty when it is not a CloudEvent. */
    static Optional<List<CloudEvent>> read(PubsubMessage message) {
        String contentType = PubsubMessages.attributeIgnoringCase(message, AttributeBinding.CONTENT_TYPE);
        if (contentType != null) {
            InboundPayload structured = new InboundPayload(
                    Map.of(AttributeBinding.CONTENT_TYPE, contentType),
                    message.getData().toByteArray());
            if (STRUCTURED_TYPES.contains(structured.mediaType())) {
                return Optional.of(STRUCTURED.decode(structured));
            }
        }
        return AttributeBinding.read(
                        message.getAttributesMap(), message.getData().toByteArray())
                .map(List::of);
    }
}
