package dev.tributary.adapters.aws.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.adapters.aws.AwsJson;
import dev.tributary.core.storage.StorageEventMapper;
import dev.tributary.core.storage.StorageObject;
import dev.tributary.core.storage.StorageObject.Change;
import io.cloudevents.CloudEvent;
import java.util.Optional;

/**
 * Describes S3 object events neutrally, whichever way they arrived: records of S3 event
 * notifications ({@code com.amazonaws.s3.ObjectCreated:*} and {@code ObjectRemoved:*}, data the
 * record) and EventBridge events ({@code com.amazonaws.s3.ObjectCreated}
 * and {@code ObjectDeleted}, data the event). Source {@code s3://<bucket>}, provider {@code aws},
 * the key decoded, size, etag and content type when present; no URL (a bucket's endpoint depends on
 * its region and addressing style). Pure and thread-safe.
 */
public final class S3StorageEventMapper implements StorageEventMapper {

    private static final String NOTIFICATION_CREATED = S3NotificationDecoder.TYPE_PREFIX + "ObjectCreated:";
    private static final String NOTIFICATION_REMOVED = S3NotificationDecoder.TYPE_PREFIX + "ObjectRemoved:";
    private static final String EVENTBRIDGE_CREATED = S3NotificationDecoder.TYPE_PREFIX + "ObjectCreated";
    private static final String EVENTBRIDGE_DELETED = S3NotificationDecoder.TYPE_PREFIX + "ObjectDeleted";

    @Override
    public Optional<StorageObject> describe(CloudEvent event) {
        String type = event.getType();
        if (event.getData() == null) {
            return Optional.empty();
        }
        if (type.startsWith(NOTIFICATION_CREATED) || type.startsWith(NOTIFICATION_REMOVED)) {
            Change change = type.startsWith(NOTIFICATION_CREATED) ? Change.CREATED : Change.DELETED;
            return AwsJson.tryParse(event.getData().toBytes()).flatMap(record -> fromRecord(change, record));
        }
        if (type.equals(EVENTBRIDGE_CREATED) || type.equals(EVENTBRIDGE_DELETED)) {
            Change change = type.equals(EVENTBRIDGE_CREATED) ? Change.CREATED : Change.DELETED;
            return AwsJson.tryParse(event.getData().toBytes())
                    .flatMap(detail -> fromEventBridge(change, detail.path("detail")));
        }
        return Optional.empty();
    }

    private static Optional<StorageObject> fromRecord(Change change, JsonNode raw) {
        S3Record record = new S3Record(raw);
        Optional<String> bucket = record.text("s3.bucket.name");
        Optional<String> key = record.text("s3.object.key");
        if (bucket.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(object(
                    change,
                    bucket.get(),
                    S3Record.decodeKey(key.get()),
                    record.number("s3.object.size").orElse(null),
                    record.text("s3.object.contentType").orElse(null),
                    record.text("s3.object.eTag").orElse(null)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<StorageObject> fromEventBridge(Change change, JsonNode detail) {
        Optional<String> bucket = AwsJson.optionalText(detail.path("bucket"), "name");
        JsonNode object = detail.path("object");
        Optional<String> key = AwsJson.optionalText(object, "key");
        if (bucket.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        Long size = object.path("size").canConvertToLong() ? object.path("size").asLong() : null;
        return Optional.of(object(
                change,
                bucket.get(),
                key.get(),
                size,
                AwsJson.optionalText(object, "content-type").orElse(null),
                AwsJson.optionalText(object, "etag").orElse(null)));
    }

    private static StorageObject object(
            Change change, String bucket, String key, Long size, String contentType, String etag) {
        return new StorageObject(change, "aws", "s3://" + bucket, bucket, key, size, contentType, etag, null);
    }
}
