package dev.tributary.bench.sqs;

/**
 * S3 event notifications as S3 puts them on a queue (one {@code ObjectCreated:Put} record each),
 * numbered so that every message has its own key, request id and sequencer.
 */
public final class S3Notifications {

    private static final String TEMPLATE = """
            {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1",\
            "eventTime":"2026-03-14T09:26:53.589Z","eventName":"ObjectCreated:Put",\
            "userIdentity":{"principalId":"AWS:AIDAEXAMPLE7"},"requestParameters":{"sourceIPAddress":"203.0.113.15"},\
            "responseElements":{"x-amz-request-id":"BENCH%011X","x-amz-id-2":"FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S"},\
            "s3":{"s3SchemaVersion":"1.0","configurationId":"thumbnails","bucket":{"name":"photos",\
            "ownerIdentity":{"principalId":"A3NL1KOZZKExample"},"arn":"arn:aws:s3:::photos"},\
            "object":{"key":"uploads/bench-%d.jpg","size":48213,"eTag":"d41d8cd98f00b204e9800998ecf8427e",\
            "sequencer":"%018X"}}}]}""";

    private S3Notifications() {}

    /** The body of notification number {@code index} (0 or more). */
    public static String body(long index) {
        return String.format(TEMPLATE, index, index, index);
    }
}
