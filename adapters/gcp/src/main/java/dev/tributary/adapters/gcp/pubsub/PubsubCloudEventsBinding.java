package dev.tributary.adapters.gcp.pubsub;

import com.google.pubsub.v1.PubsubMessage;
import dev.tributary.core.decode.CloudEventsHttpDecoder;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.InboundPayload;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.core.message.impl.BaseGenericBinaryMessageReaderImpl;
import io.cloudevents.rw.CloudEventRWException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Reads Pub/Sub messages that already are CloudEvents, per the CloudEvents Google Cloud Pub/Sub
 * protocol binding, so they pass through unchanged.
 *
 * <p>Structured mode: the {@code content-type} attribute (name matched ignoring case) is
 * {@code application/cloudevents+json} (or the batch format); the message data is the event in the
 * JSON format. Binary mode: a {@code ce-specversion} attribute is present; every {@code ce-*}
 * attribute is a context attribute or extension (values are the canonical strings, not
 * percent-encoded as in HTTP), {@code content-type} maps to {@code datacontenttype}, and the
 * message data is the event data. Attributes outside the binding are not part of the event and are
 * not carried over. A message with another CloudEvents media type and no {@code ce-specversion} is
 * not treated as an event (the binding lets a receiver handle it as an ordinary message).
 * Stateless and thread-safe.
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/main/cloudevents/bindings/pubsub-protocol-binding.md">Pub/Sub protocol binding</a>
 */
final class PubsubCloudEventsBinding {

    private static final String CE_PREFIX = "ce-";
    private static final String CONTENT_TYPE = "content-type";
    private static final List<String> STRUCTURED_TYPES =
            List.of("application/cloudevents+json", "application/cloudevents-batch+json");
    private static final CloudEventsHttpDecoder STRUCTURED = new CloudEventsHttpDecoder();

    private PubsubCloudEventsBinding() {
    }

    /** The events the message carries, or empty when it is not a CloudEvent. */
    static Optional<List<CloudEvent>> read(PubsubMessage message) {
        String contentType = PubsubMessages.attributeIgnoringCase(message, CONTENT_TYPE);
        if (contentType != null) {
            InboundPayload structured =
                    new InboundPayload(Map.of(CONTENT_TYPE, contentType), message.getData().toByteArray());
            if (STRUCTURED_TYPES.contains(structured.mediaType())) {
                return Optional.of(STRUCTURED.decode(structured));
            }
        }
        String specVersion = PubsubMessages.attributeIgnoringCase(message, CE_PREFIX + "specversion");
        if (specVersion == null) {
            return Optional.empty();
        }
        return Optional.of(List.of(readBinary(specVersion, message)));
    }

    private static CloudEvent readBinary(String specVersion, PubsubMessage message) {
        try {
            CloudEvent event = new BinaryReader(SpecVersion.parse(specVersion), message).toEvent();
            requireNonEmpty("id", event.getId());
            requireNonEmpty("type", event.getType());
            requireNonEmpty("source", event.getSource().toString());
            return event;
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw DecodeException.malformed("invalid binary-mode CloudEvent in Pub/Sub attributes: " + e.getMessage());
        }
    }

    private static void requireNonEmpty(String attribute, String value) {
        if (value.isEmpty()) {
            throw DecodeException.malformed("binary-mode CloudEvent: attribute ce-" + attribute + " is empty");
        }
    }

    /** Message attributes as a binary-mode message; visits them sorted by name so the result is deterministic. */
    private static final class BinaryReader extends BaseGenericBinaryMessageReaderImpl<String, String> {

        private final Map<String, String> attributes;

        BinaryReader(SpecVersion version, PubsubMessage message) {
            super(version, message.getData().isEmpty() ? null : BytesCloudEventData.wrap(message.getData().toByteArray()));
            this.attributes = new TreeMap<>(message.getAttributesMap());
        }

        @Override
        protected boolean isContentTypeHeader(String key) {
            return key.equalsIgnoreCase(CONTENT_TYPE);
        }

        @Override
        protected boolean isCloudEventsHeader(String key) {
            return key.length() > CE_PREFIX.length() && key.regionMatches(true, 0, CE_PREFIX, 0, CE_PREFIX.length());
        }

        @Override
        protected String toCloudEventsKey(String key) {
            return key.substring(CE_PREFIX.length()).toLowerCase(Locale.ROOT);
        }

        @Override
        protected void forEachHeader(BiConsumer<String, String> fn) {
            attributes.forEach(fn);
        }

        @Override
        protected String toCloudEventsValue(String value) {
            return value;
        }
    }
}
