package dev.tributary.adapters.aws.lambda;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventRWException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Recognises a function's answer that is a CloudEvent in the structured JSON format. Pure. */
final class LambdaReplies {

    private static final JsonFormat JSON = new JsonFormat();

    private LambdaReplies() {}

    /** The CloudEvent the payload holds, or empty when it is something else (or nothing). */
    static Optional<CloudEvent> parse(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        if (!text.stripLeading().startsWith("{") || !text.contains("\"specversion\"")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.deserialize(payload));
        } catch (EventDeserializationException
                | CloudEventRWException
                | IllegalStateException
                | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
