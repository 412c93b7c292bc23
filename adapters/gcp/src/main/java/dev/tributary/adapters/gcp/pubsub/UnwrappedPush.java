package dev.tributary.adapters.gcp.pubsub;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.tributary.core.decode.InboundPayload;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an unwrapped Pub/Sub push ("no wrapper" with write metadata): the body is the message
 * data, the metadata comes in {@code x-goog-pubsub-message-id}, {@code x-goog-pubsub-publish-time},
 * {@code x-goog-pubsub-ordering-key} and {@code x-goog-pubsub-subscription-name}, and each message
 * attribute is a header of its own name.
 *
 * <p>Because attributes and transport headers share one namespace, every header is taken as an
 * attribute except the transport ones listed here (HTTP and proxy headers, {@code Authorization},
 * tracing, and anything under {@code x-goog-}). {@code Content-Type} is kept only when it names a
 * CloudEvents format, where it is the structured-mode attribute of the CloudEvents Pub/Sub binding;
 * otherwise it describes the HTTP body. Attribute names are lower-cased, since HTTP does not
 * preserve their case. Stateless and thread-safe.
 *
 * @see <a href="https://cloud.google.com/pubsub/docs/payload-unwrapping">Payload unwrapping</a>
 */
final class UnwrappedPush {

    static final String MESSAGE_ID = "x-goog-pubsub-message-id";
    private static final String PUBLISH_TIME = "x-goog-pubsub-publish-time";
    private static final String ORDERING_KEY = "x-goog-pubsub-ordering-key";
    private static final String SUBSCRIPTION = "x-goog-pubsub-subscription-name";
    private static final String CONTENT_TYPE = "content-type";
    private static final Set<String> TRANSPORT_HEADERS = Set.of(
            "accept",
            "accept-charset",
            "accept-encoding",
            "accept-language",
            "authorization",
            "cache-control",
            "connection",
            "content-encoding",
            "content-length",
            "cookie",
            "expect",
            "forwarded",
            "from",
            "host",
            "keep-alive",
            "pragma",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "user-agent",
            "via",
            "traceparent",
            "tracestate",
            "x-cloud-trace-context",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-port",
            "x-forwarded-proto",
            "x-real-ip",
            "x-request-id");

    private UnwrappedPush() {}

    static PubsubEnvelope read(String topic, InboundPayload payload) {
        PubsubMessage.Builder message = PubsubMessage.newBuilder()
                .setData(ByteString.copyFrom(payload.body()))
                .setMessageId(payload.header(MESSAGE_ID))
                .putAllAttributes(attributes(payload));
        Optional.ofNullable(payload.header(PUBLISH_TIME))
                .ifPresent(time -> message.setPublishTime(PushTimestamps.parse(time, "header " + PUBLISH_TIME)));
        Optional.ofNullable(payload.header(ORDERING_KEY)).ifPresent(message::setOrderingKey);
        return new PubsubEnvelope(topic, payload.header(SUBSCRIPTION), message.build());
    }

    private static Map<String, String> attributes(InboundPayload payload) {
        Map<String, String> attributes = new TreeMap<>();
        payload.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (isAttribute(lower, value)) {
                attributes.put(lower, value);
            }
        });
        return attributes;
    }

    private static boolean isAttribute(String name, String value) {
        if (name.equals(CONTENT_TYPE)) {
            return new InboundPayload(Map.of(CONTENT_TYPE, value), null)
                    .mediaType()
                    .startsWith("application/cloudevents");
        }
        return !name.startsWith("x-goog-") && !TRANSPORT_HEADERS.contains(name);
    }
}
