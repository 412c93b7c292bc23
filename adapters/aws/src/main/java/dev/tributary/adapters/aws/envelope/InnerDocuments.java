package dev.tributary.adapters.aws.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.adapters.aws.StructuredCloudEvents;
import dev.tributary.adapters.aws.eventbridge.EventBridgeDecoder;
import dev.tributary.adapters.aws.s3.S3NotificationDecoder;
import dev.tributary.adapters.aws.s3.S3TestEventDecoder;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Optional;

/**
 * The innermost shapes an envelope (an SQS body, an SNS {@code Message}) can carry: a structured
 * CloudEvent ({@link StructuredCloudEvents}), an S3 event notification, the {@code s3:TestEvent}
 * message, or an EventBridge event. Recognition looks at
 * the fields that define each shape; a document that has them but is otherwise invalid is refused
 * rather than passed on as something else. Pure and thread-safe.
 */
public final class InnerDocuments {

    private final S3NotificationDecoder s3 = new S3NotificationDecoder();
    private final S3TestEventDecoder s3Test;
    private final EventBridgeDecoder eventBridge = new EventBridgeDecoder();

    /** @param forwardTestEvents whether {@code s3:TestEvent} becomes an event (otherwise it is counted and logged) */
    public InnerDocuments(boolean forwardTestEvents) {
        this.s3Test = new S3TestEventDecoder(forwardTestEvents);
    }

    /**
     * The events of a known shape, or empty when the document is none of them.
     *
     * @throws dev.tributary.core.decode.DecodeException when it has a known shape but is invalid
     */
    public Optional<List<CloudEvent>> decode(JsonNode document) {
        if (StructuredCloudEvents.isEvent(document)) {
            return Optional.of(List.of(StructuredCloudEvents.decode(document)));
        }
        if (S3NotificationDecoder.isNotification(document)) {
            return Optional.of(s3.decode(document));
        }
        if (S3TestEventDecoder.isTestEvent(document)) {
            return Optional.of(s3Test.decode(document));
        }
        if (EventBridgeDecoder.isEvent(document)) {
            return Optional.of(eventBridge.decode(document));
        }
        return Optional.empty();
    }

    /** How many {@code s3:TestEvent} messages were dropped. */
    public long skippedTestEvents() {
        return s3Test.skipped();
    }
}
