package dev.tributary.gateway.reliability;

/** S3 event notifications as S3 writes them to SQS, one object per notification. */
final class S3Notifications {

    private S3Notifications() {}

    /** An {@code ObjectCreated:Put} of {@code key} (ASCII, no spaces) in bucket {@code photos}. */
    static String created(String key) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                  "eventTime":"2026-11-26T10:00:00Z","eventName":"ObjectCreated:Put",
                  "userIdentity":{"principalId":"test"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},
                  "responseElements":{"x-amz-request-id":"REQ-%1$s","x-amz-id-2":"HOST"},
                  "s3":{"s3SchemaVersion":"1.0","configurationId":"c","bucket":{"name":"photos",
                    "ownerIdentity":{"principalId":"test"},"arn":"arn:aws:s3:::photos"},
                    "object":{"key":"%1$s","size":100,"eTag":"e","sequencer":"0A"}}}]}
                """.formatted(key);
    }
}
