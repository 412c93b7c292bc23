package dev.tributary.examples.thumbnail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The AWS Lambda face ({@code dev.tributary.examples.thumbnail.LambdaHandler::handleRequest}).
 * Accepts either a structured-mode CloudEvent (JSON with {@code specversion}, as Tributary's
 * {@code aws-lambda} sink sends with {@code payload: cloudevent}) or an S3 event notification
 * ({@code {"Records":[...]}}, as S3 invokes a function directly), whose records become the same
 * CloudEvents the gateway would produce.
 *
 * <p>Returns a JSON array with one {@link Outcome} per event. Skips succeed; a malformed input or an
 * unavailable store fails the invocation, so Lambda's own retry (then its dead-letter queue or
 * on-failure destination) takes over: bounded, never a loop. The service is built once per
 * execution environment. Thread-safe.
 */
public final class LambdaHandler implements RequestStreamHandler {

    private static final JsonFormat CLOUDEVENTS_JSON = new JsonFormat();

    private final ThumbnailService service;

    /** Used by the Lambda runtime: configuration from the function's environment variables. */
    public LambdaHandler() {
        this(ThumbnailService.create(Settings.fromEnvironment(System.getenv())));
    }

    public LambdaHandler(ThumbnailService service) {
        this.service = service;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ArrayNode outcomes = EventJson.JSON.createArrayNode();
        for (CloudEvent event : events(input.readAllBytes())) {
            outcomes.add(service.handle(event).toJson(event.getId()));
        }
        EventJson.JSON.writeValue(output, outcomes);
    }

    private static List<CloudEvent> events(byte[] input) {
        JsonNode json = EventJson.object(input, "the invocation payload");
        if (json.has("specversion")) {
            try {
                return List.of(CLOUDEVENTS_JSON.deserialize(input));
            } catch (RuntimeException e) { // the SDK reports bad input with several unchecked types
                throw new MalformedEventException(
                        "the invocation payload is not a valid CloudEvent: " + e.getMessage(), e);
            }
        }
        if (json.has("Records")) {
            return S3Records.toCloudEvents(json);
        }
        throw new MalformedEventException("the invocation payload is neither a CloudEvent (no specversion)"
                + " nor an S3 notification (no Records)");
    }
}
