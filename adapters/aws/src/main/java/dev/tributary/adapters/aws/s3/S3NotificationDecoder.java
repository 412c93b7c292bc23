package dev.tributary.adapters.aws.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.adapters.aws.AwsJson;
import dev.tributary.adapters.aws.Events;
import dev.tributary.core.decode.DecodeException;
import io.cloudevents.CloudEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.eventnotifications.s3.model.S3;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;

/**
 * Decodes an S3 event notification (the {@code {"Records":[...]}} body S3 sends to SQS, SNS and
 * Lambda) into one CloudEvent per record, per the CloudEvents AWS S3 adapter spec: type
 * {@code com.amazonaws.s3.<eventName>}, source {@code <eventSource>.<awsRegion>.<bucket>}, subject
 * the URL-decoded object key ({@code +} is a space), time {@code eventTime}, data the record as
 * S3 wrote it.
 *
 * <p>The id is {@code x-amz-request-id.x-amz-id-2}. When several records of one notification share
 * that pair, each of them gets the suffix {@code .<index>} (its position in {@code Records}), so ids
 * stay unique and a redelivered notification yields the same ids.
 *
 * <p>Records are read with the AWS SDK's {@code S3EventNotification} model. Pure and thread-safe.
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/main/cloudevents/adapters/aws-s3.md">AWS S3 adapter</a>
 */
public final class S3NotificationDecoder {

    /** The prefix of every S3 event type. */
    public static final String TYPE_PREFIX = "com.amazonaws.s3.";

    /** Whether a document is an S3 event notification: a non-empty {@code Records} array of objects with {@code s3}. */
    public static boolean isNotification(JsonNode document) {
        JsonNode records = document.get("Records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            return false;
        }
        for (JsonNode record : records) {
            if (!record.isObject() || !record.has("s3")) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws DecodeException naming the record and field that is missing or invalid
     */
    public List<CloudEvent> decode(JsonNode notification) {
        if (!isNotification(notification)) {
            throw DecodeException.malformed("not an S3 event notification: expected a non-empty 'Records' array of S3 records");
        }
        List<S3EventNotificationRecord> records = read(notification).getRecords();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ids.add(baseId(records.get(i), i));
        }
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        List<CloudEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            String id = counts.get(ids.get(i)) > 1 ? ids.get(i) + "." + i : ids.get(i);
            events.add(event(records.get(i), i, id, notification.get("Records").get(i)));
        }
        return List.copyOf(events);
    }

    private static S3EventNotification read(JsonNode notification) {
        try {
            return S3EventNotification.fromJson(AwsJson.bytes(notification));
        } catch (RuntimeException e) {
            throw DecodeException.malformed("invalid S3 event notification: " + e.getMessage());
        }
    }

    private static String baseId(S3EventNotificationRecord record, int index) {
        var response = required(record.getResponseElements(), index, "responseElements");
        return required(response.getXAmzRequestId(), index, "responseElements.x-amz-request-id")
                + "." + required(response.getXAmzId2(), index, "responseElements.x-amz-id-2");
    }

    private static CloudEvent event(S3EventNotificationRecord record, int index, String id, JsonNode raw) {
        S3 s3 = required(record.getS3(), index, "s3");
        String bucket = required(s3.getBucket() == null ? null : s3.getBucket().getName(), index, "s3.bucket.name");
        required(s3.getObject() == null ? null : s3.getObject().getKey(), index, "s3.object.key");
        String source = required(record.getEventSource(), index, "eventSource")
                + "." + required(record.getAwsRegion(), index, "awsRegion") + "." + bucket;
        String type = TYPE_PREFIX + required(record.getEventName(), index, "eventName");
        OffsetDateTime time = required(record.getEventTime(), index, "eventTime").atOffset(ZoneOffset.UTC);
        return Events.json(id, source, type, decodedKey(s3, index), time, AwsJson.bytes(raw));
    }

    private static String decodedKey(S3 s3, int index) {
        try {
            return s3.getObject().getUrlDecodedKey();
        } catch (IllegalArgumentException e) {
            throw DecodeException.malformed("S3 event notification: " + field(index, "s3.object.key")
                    + " is not URL-encoded correctly: " + e.getMessage());
        }
    }

    private static <T> T required(T value, int index, String field) {
        if (value == null || value instanceof String text && text.isEmpty()) {
            throw DecodeException.malformed("S3 event notification: missing " + field(index, field));
        }
        return value;
    }

    private static String field(int index, String field) {
        return "Records[" + index + "]." + field;
    }
}
