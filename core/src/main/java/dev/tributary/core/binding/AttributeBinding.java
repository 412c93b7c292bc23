package dev.tributary.core.binding;

import dev.tributary.core.decode.DecodeException;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.CloudEventUtils;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.core.message.impl.BaseGenericBinaryMessageReaderImpl;
import io.cloudevents.rw.CloudEventContextWriter;
import io.cloudevents.rw.CloudEventRWException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Binary-mode CloudEvents over string message attributes, as the CloudEvents Pub/Sub binding
 * defines them and the {@code aws-sqs}/{@code aws-sns} sinks use them: {@code ce-specversion} and
 * a {@code ce-<name>} attribute per context attribute and extension, in canonical string form
 * (RFC 3339 times, base64 binary values, not percent-encoded as in HTTP); {@code datacontenttype}
 * is the {@code content-type} attribute; the message body is the event data. Attribute names are
 * matched ignoring case when read; attributes outside the binding are not part of the event.
 * Stateless and thread-safe.
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/main/cloudevents/bindings/pubsub-protocol-binding.md">Pub/Sub protocol binding</a>
 */
public final class AttributeBinding {

    public static final String CE_PREFIX = "ce-";
    public static final String CONTENT_TYPE = "content-type";
    private static final String SPEC_VERSION = CE_PREFIX + "specversion";

    private AttributeBinding() {}

    /** The attributes of an event, in the order its context is read (specversion first). */
    public static Map<String, String> write(CloudEvent event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(SPEC_VERSION, event.getSpecVersion().toString());
        CloudEventUtils.toContextReader(event).readContext(new CloudEventContextWriter() {
            @Override
            public CloudEventContextWriter withContextAttribute(String name, String value) {
                attributes.put(name.equals("datacontenttype") ? CONTENT_TYPE : CE_PREFIX + name, value);
                return this;
            }
        });
        return attributes;
    }

    /**
     * The event the attributes carry, or empty when there is no {@code ce-specversion} attribute.
     *
     * @param data the message body, the event data ({@code null} or empty for none)
     * @throws DecodeException when the attributes do not form a valid event
     */
    public static Optional<CloudEvent> read(Map<String, String> attributes, byte[] data) {
        String specVersion = null;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (attribute.getKey().equalsIgnoreCase(SPEC_VERSION)) {
                specVersion = attribute.getValue();
            }
        }
        if (specVersion == null) {
            return Optional.empty();
        }
        try {
            CloudEvent event = new Reader(SpecVersion.parse(specVersion), attributes, data).toEvent();
            requireNonEmpty("id", event.getId());
            requireNonEmpty("type", event.getType());
            requireNonEmpty("source", event.getSource().toString());
            return Optional.of(event);
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw DecodeException.malformed("invalid binary-mode CloudEvent in message attributes: " + e.getMessage());
        }
    }

    private static void requireNonEmpty(String attribute, String value) {
        if (value.isEmpty()) {
            throw DecodeException.malformed("binary-mode CloudEvent: attribute ce-" + attribute + " is empty");
        }
    }

    /** Attributes as a binary-mode message; visits them sorted by name so the result is deterministic. */
    private static final class Reader extends BaseGenericBinaryMessageReaderImpl<String, String> {

        private final Map<String, String> attributes;

        Reader(SpecVersion version, Map<String, String> attributes, byte[] data) {
            super(version, data == null || data.length == 0 ? null : BytesCloudEventData.wrap(data));
            this.attributes = new TreeMap<>(attributes);
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
