package dev.tributary.adapters.aws.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.adapters.aws.AwsJson;
import dev.tributary.adapters.aws.Events;
import dev.tributary.core.decode.NotificationDecoder;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code s3:TestEvent} message S3 sends once when a notification destination is configured.
 * It is not an object event: by default it yields no event and is counted and logged at INFO;
 * with {@code forwardTestEvents} it becomes {@code com.amazonaws.s3.TestEvent} with id
 * {@code RequestId.HostId}, source the bucket ARN {@code arn:aws:s3:::<Bucket>} (the message has
 * no region), time {@code Time} and the message as data.
 *
 * <p>Output depends only on the input; the counter and the log line are side channels. Thread-safe.
 */
public final class S3TestEventDecoder implements NotificationDecoder<JsonNode> {

    /** The type of a forwarded test event. */
    public static final String TYPE = S3NotificationDecoder.TYPE_PREFIX + "TestEvent";

    private static final Logger LOG = LoggerFactory.getLogger(S3TestEventDecoder.class);
    private static final String WHERE = "s3:TestEvent: ";

    private final boolean forward;
    private final LongAdder skipped = new LongAdder();

    public S3TestEventDecoder(boolean forward) {
        this.forward = forward;
    }

    /** Whether a document is S3's test message. */
    public static boolean isTestEvent(JsonNode document) {
        return "s3:TestEvent".equals(document.path("Event").asText());
    }

    @Override
    public List<CloudEvent> decode(JsonNode message) {
        String bucket = AwsJson.text(message, "Bucket", WHERE);
        if (!forward) {
            skipped.increment();
            LOG.info("s3:TestEvent for bucket '{}' not forwarded (forwardTestEvents is off)", bucket);
            return List.of();
        }
        String id = AwsJson.text(message, "RequestId", WHERE) + "." + AwsJson.text(message, "HostId", WHERE);
        return List.of(Events.json(
                id,
                "arn:aws:s3:::" + bucket,
                TYPE,
                null,
                AwsJson.time(AwsJson.text(message, "Time", WHERE), "Time", WHERE),
                AwsJson.bytes(message)));
    }

    /** How many test events this decoder has dropped. */
    public long skipped() {
        return skipped.sum();
    }
}
