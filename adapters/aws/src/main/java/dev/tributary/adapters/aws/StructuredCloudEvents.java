package dev.tributary.adapters.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.decode.DecodeException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventRWException;

/**
 * A CloudEvent in the structured JSON format carried as a document: an SQS body or SNS
 * {@code Message} sent by the {@code aws-sqs} or {@code aws-sns} sink, or the {@code detail} of an
 * event the {@code aws-eventbridge} sink put. It passes through unchanged (id, source, type,
 * subject, time, extensions, data). Stateless and thread-safe.
 */
public final class StructuredCloudEvents {

    private static final JsonFormat JSON = new JsonFormat();

    private StructuredCloudEvents() {}

    /** Whether a document is a structured CloudEvent: an object with a string {@code specversion}, and {@code id}, {@code source}, {@code type}. */
    public static boolean isEvent(JsonNode document) {
        return document.isObject()
                && document.path("specversion").isTextual()
                && document.has("id")
                && document.has("source")
                && document.has("type");
    }

    /** @throws DecodeException when the document is not a valid CloudEvent */
    public static CloudEvent decode(JsonNode document) {
        try {
            return JSON.deserialize(AwsJson.bytes(document));
        } catch (EventDeserializationException
                | CloudEventRWException
                | IllegalStateException
                | IllegalArgumentException e) {
            throw DecodeException.malformed("invalid structured CloudEvent: " + e.getMessage());
        }
    }
}
