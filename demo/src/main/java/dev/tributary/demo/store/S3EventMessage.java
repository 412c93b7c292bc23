package dev.tributary.demo.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds the S3 event notification message (version 2.1) that S3 puts on a queue when an object
 * is created — the same JSON shape, so the gateway's S3 decoder sees exactly what AWS would send.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html">Event message structure</a>
 */
final class S3EventMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private S3EventMessage() {}

    /**
     * @param eventName {@code ObjectCreated:Put} or {@code ObjectCreated:CompleteMultipartUpload}
     * @param requestId a unique id for the PUT (becomes {@code x-amz-request-id} and, with {@code hostId}, the event id)
     */
    static String objectCreated(
            String region,
            String eventName,
            String bucket,
            String key,
            long size,
            String etag,
            String requestId,
            String hostId,
            Instant at,
            long sequence) {
        ObjectNode record = JSON.createObjectNode()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", region)
                .put("eventTime", at.toString())
                .put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", "tributary-demo");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        record.putObject("responseElements").put("x-amz-request-id", requestId).put("x-amz-id-2", hostId);
        ObjectNode s3 = record.putObject("s3").put("s3SchemaVersion", "1.0").put("configurationId", "tributary-demo");
        s3.putObject("bucket")
                .put("name", bucket)
                .put("arn", "arn:aws:s3:::" + bucket)
                .putObject("ownerIdentity")
                .put("principalId", "tributary-demo");
        s3.putObject("object")
                .put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"))
                .put("size", size)
                .put("eTag", etag)
                .put("sequencer", String.format("%016X", sequence));
        ObjectNode message = JSON.createObjectNode();
        message.putArray("Records").add(record);
        return message.toString();
    }
}
