package dev.tributary.adapters.aws;

import dev.tributary.core.decode.DecodeException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.OffsetDateTime;

/** Builds the CloudEvents the AWS decoders emit. Stateless and thread-safe. */
public final class Events {

    public static final String JSON = "application/json";

    private Events() {}

    /**
     * An event with JSON data.
     *
     * @param subject the subject, or {@code null} for none
     * @param time the time, or {@code null} for none
     * @throws DecodeException when {@code source} is not a URI reference
     */
    public static CloudEvent json(
            String id, String source, String type, String subject, OffsetDateTime time, byte[] data) {
        return builder(id, source, type, subject, time).withData(JSON, data).build();
    }

    /** A builder with the context attributes set; the caller adds data. */
    public static CloudEventBuilder builder(
            String id, String source, String type, String subject, OffsetDateTime time) {
        CloudEventBuilder builder =
                CloudEventBuilder.v1().withId(id).withSource(uri(source)).withType(type);
        if (subject != null) {
            builder.withSubject(subject);
        }
        if (time != null) {
            builder.withTime(time);
        }
        return builder;
    }

    private static URI uri(String source) {
        try {
            return new URI(source);
        } catch (java.net.URISyntaxException e) {
            throw DecodeException.malformed("event source '" + source + "' is not a URI reference: " + e.getReason());
        }
    }
}
