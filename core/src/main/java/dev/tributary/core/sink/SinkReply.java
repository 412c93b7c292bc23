package dev.tributary.core.sink;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.Optional;

/**
 * What a sink answered to one delivery attempt.
 *
 * @param status the HTTP status (for a Lambda function error, the status of the Invoke call)
 * @param body the response body, truncated to {@link #MAX_BODY} bytes
 * @param retryAfter the wait the sink asked for, if any
 * @param functionError true when the call succeeded but the function itself failed
 * @param event the CloudEvent the sink answered with (Knative reply semantics), if any
 */
public record SinkReply(
        int status, byte[] body, Optional<Duration> retryAfter, boolean functionError, Optional<CloudEvent> event) {

    /** How much of a response body is kept (and put in {@code knativeerrordata}): {@value} bytes. */
    public static final int MAX_BODY = 1024;

    public static SinkReply of(int status) {
        return new SinkReply(status, new byte[0], Optional.empty(), false, Optional.empty());
    }
}
