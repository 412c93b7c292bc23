package dev.tributary.adapters.aws.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.adapters.aws.AwsJson;
import dev.tributary.adapters.aws.Events;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.NotificationDecoder;
import io.cloudevents.CloudEvent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * <p>Records are read from the JSON tree the caller parsed ({@link S3Record}); the record's JSON is
 * written once, as the event's data. Pure and thread-safe.
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/main/cloudevents/adapters/aws-s3.md">AWS S3 adapter</a>
 */
public final class S3NotificationDecoder implements NotificationDecoder<JsonNode> {

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
    @Override
    public List<CloudEvent> decode(JsonNode notification) {
        if (!isNotification(notification)) {
            throw DecodeException.malformed(
                    "not an S3 event notification: expected a non-empty 'Records' array of S3 records");
        }
        List<S3Record> records = new ArrayList<>();
        notification.get("Records").forEach(record -> records.add(new S3Record(record)));
        List<String> ids = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ids.add(required(records.get(i), i, "responseElements.x-amz-request-id") + "."
                    + required(records.get(i), i, "responseElements.x-amz-id-2"));
        }
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        List<CloudEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            String id = counts.get(ids.get(i)) > 1 ? ids.get(i) + "." + i : ids.get(i);
            events.add(event(records.get(i), i, id));
        }
        return List.copyOf(events);
    }

    private static CloudEvent event(S3Record record, int index, String id) {
        String source = required(record, index, "eventSource") + "." + required(record, index, "awsRegion") + "."
                + required(record, index, "s3.bucket.name");
        String type = TYPE_PREFIX + required(record, index, "eventName");
        String key = decodedKey(required(record, index, "s3.object.key"), index);
        OffsetDateTime time = AwsJson.time(
                required(record, index, "eventTime"), field(index, "eventTime"), "S3 event notification: ");
        return Events.json(id, source, type, key, time, AwsJson.bytes(record.json()));
    }

    private static String decodedKey(String key, int index) {
        try {
            return S3Record.decodeKey(key);
        } catch (IllegalArgumentException e) {
            throw DecodeException.malformed("S3 event notification: " + field(index, "s3.object.key")
                    + " is not URL-encoded correctly: " + e.getMessage());
        }
    }

    private static String required(S3Record record, int index, String field) {
        return record.text(field)
                .orElseThrow(() -> DecodeException.malformed("S3 event notification: missing " + field(index, field)));
    }

    private static String field(int index, String field) {
        return "Records[" + index + "]." + field;
    }
}
