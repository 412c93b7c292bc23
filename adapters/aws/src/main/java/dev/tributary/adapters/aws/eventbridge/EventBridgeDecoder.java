package dev.tributary.adapters.aws.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.adapters.aws.AwsJson;
import dev.tributary.adapters.aws.Events;
import dev.tributary.adapters.aws.StructuredCloudEvents;
import dev.tributary.core.decode.NotificationDecoder;
import io.cloudevents.CloudEvent;
import java.util.List;

/**
 * Decodes an EventBridge event (as a rule target such as SQS or SNS receives it) per
 * docs/cloudevents-mapping.md: type {@code com.amazonaws.<service>.<DetailType>} for {@code aws.*}
 * sources and {@code <source>.<DetailType>} for custom ones (detail-type without whitespace), source
 * {@code <source>.<region>}, id and time from the event, subject {@code detail.object.key} for
 * {@code aws.s3} (EventBridge does not URL-encode keys), data the whole event.
 *
 * <p>An event whose {@code detail} is a structured CloudEvent (what the {@code aws-eventbridge}
 * sink puts: see {@code EventBridgeEntries}) decodes to that CloudEvent unchanged; the envelope's
 * own id, account, region and time are EventBridge's and are dropped. Pure and thread-safe.
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html">EventBridge event structure</a>
 */
public final class EventBridgeDecoder implements NotificationDecoder<JsonNode> {

    private static final String WHERE = "EventBridge event: ";
    private static final String AWS_SOURCE_PREFIX = "aws.";

    /** Whether a document is an EventBridge event: it has {@code detail-type}, {@code source} and {@code detail}. */
    public static boolean isEvent(JsonNode document) {
        return document.has("detail-type") && document.has("source") && document.has("detail");
    }

    /**
     * @return the one event an EventBridge event is
     * @throws dev.tributary.core.decode.DecodeException naming the missing or invalid field
     */
    @Override
    public List<CloudEvent> decode(JsonNode event) {
        if (StructuredCloudEvents.isEvent(event.path("detail"))) {
            return List.of(StructuredCloudEvents.decode(event.path("detail")));
        }
        String source = AwsJson.text(event, "source", WHERE);
        String detailType = AwsJson.text(event, "detail-type", WHERE).replaceAll("\\s", "");
        String type = source.startsWith(AWS_SOURCE_PREFIX)
                ? "com.amazonaws." + source.substring(AWS_SOURCE_PREFIX.length()) + "." + detailType
                : source + "." + detailType;
        String subject = source.equals("aws.s3")
                ? AwsJson.optionalText(event.path("detail").path("object"), "key")
                        .orElse(null)
                : null;
        return List.of(Events.json(
                AwsJson.text(event, "id", WHERE),
                source + "." + AwsJson.text(event, "region", WHERE),
                type,
                subject,
                AwsJson.time(AwsJson.text(event, "time", WHERE), "time", WHERE),
                AwsJson.bytes(event)));
    }
}
