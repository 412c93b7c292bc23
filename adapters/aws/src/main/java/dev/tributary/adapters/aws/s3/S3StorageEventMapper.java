package dev.tributary.adapters.aws.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tributary.adapters.aws.AwsJson;
import dev.tributary.core.storage.StorageEventMapper;
import dev.tributary.core.storage.StorageObject;
import dev.tributary.core.storage.StorageObject.Change;
import io.cloudevents.CloudEvent;
import java.util.Optional;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.eventnotifications.s3.model.S3Object;

/**
 * Describes S3 object events neutrally, whichever way they arrived: records of S3 event
 * notifications ({@code com.amazonaws.s3.ObjectCreated:*} and {@code ObjectRemoved:*}, data the
 * record, read with the SDK's model) and EventBridge events ({@code com.amazonaws.s3.ObjectCreated}
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
            return AwsJson.tryParse(event.getData().toBytes()).flatMap(detail -> fromEventBridge(change, detail.path("detail")));
        }
        return Optional.empty();
    }

    private static Optional<StorageObject> fromRecord(Change change, JsonNode record) {
        JsonNode notification = JsonNodeFactory.instance.objectNode().set("Records",
                JsonNodeFactory.instance.arrayNode().add(record));
        try {
            var s3 = S3EventNotification.fromJson(AwsJson.bytes(notification)).getRecords().get(0).getS3();
            S3Object object = s3.getObject();
            if (s3.getBucket() == null || s3.getBucket().getName() == null || object == null || object.getKey() == null) {
                return Optional.empty();
            }
            String contentType = AwsJson.optionalText(record.path("s3").path("object"), "contentType").orElse(null);
            return Optional.of(object(change, s3.getBucket().getName(), object.getUrlDecodedKey(),
                    object.getSizeAsLong(), contentType, object.getETag()));
        } catch (RuntimeException e) {
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
        return Optional.of(object(change, bucket.get(), key.get(), size,
                AwsJson.optionalText(object, "content-type").orElse(null),
                AwsJson.optionalText(object, "etag").orElse(null)));
    }

    private static StorageObject object(Change change, String bucket, String key, Long size, String contentType,
            String etag) {
        return new StorageObject(change, "aws", "s3://" + bucket, bucket, key, size, contentType, etag, null);
    }
}
