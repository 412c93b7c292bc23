package dev.tributary.adapters.azure.eventgrid;

import static dev.tributary.adapters.azure.eventgrid.JsonFields.requiredNonEmptyString;
import static dev.tributary.adapters.azure.eventgrid.JsonFields.requiredString;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.Timestamps;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Converts one event of the Event Grid schema into a CloudEvent, as docs/cloudevents-mapping.md
 * specifies: {@code id}, {@code source} = {@code topic}, {@code type} = {@code eventType},
 * {@code subject} (omitted when empty), {@code time} = {@code eventTime}, {@code data} as
 * {@code application/json}, and {@code dataschema} {@code #<dataVersion>} when
 * {@code dataVersion} is not empty. {@code metadataVersion} and unknown fields are dropped.
 *
 * <p>Required, as the Event Grid schema requires them: {@code id}, {@code eventType},
 * {@code subject}, {@code eventTime} (RFC 3339 with an offset) and {@code dataVersion}, all strings;
 * also {@code topic}, which the schema lets a publisher omit but Event Grid always fills in on
 * delivery: without it there is no {@code source}, so the event is refused. {@code data} is optional.
 *
 * <p>Pure and thread-safe.
 *
 * @see <a href="https://learn.microsoft.com/azure/event-grid/event-schema">Event Grid event schema</a>
 */
final class EventGridEventConverter {

    private final ObjectMapper json;

    /** @param json the mapper that parsed the event, reused to write {@code data} back unchanged */
    EventGridEventConverter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param event one element of the delivered array
     * @param where how error messages name the event, e.g. {@code event[3]}
     * @throws DecodeException naming the field that is missing, mistyped or invalid
     */
    CloudEvent convert(JsonNode event, String where) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(requiredNonEmptyString(event, "id", where))
                .withSource(uriReference(requiredNonEmptyString(event, "topic", where), "topic", where))
                .withType(requiredNonEmptyString(event, "eventType", where))
                .withTime(time(requiredString(event, "eventTime", where), where));
        String subject = requiredString(event, "subject", where);
        if (!subject.isEmpty()) {
            builder.withSubject(subject);
        }
        String dataVersion = requiredString(event, "dataVersion", where);
        if (!dataVersion.isEmpty()) {
            builder.withDataSchema(fragment(dataVersion, where));
        }
        JsonNode data = event.get("data");
        if (data != null && !data.isNull()) {
            builder.withDataContentType("application/json").withData(bytes(data));
        }
        return builder.build();
    }

    private static URI uriReference(String value, String field, String where) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw DecodeException.malformed(where + ": field '" + field + "' is not a URI reference: " + e.getReason());
        }
    }

    private static OffsetDateTime time(String value, String where) {
        try {
            return Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw DecodeException.malformed(
                    where + ": field 'eventTime' is not an RFC 3339 date-time with offset: '" + value + "'");
        }
    }

    /** {@code #<dataVersion>}, percent-encoding what a URI fragment cannot hold. */
    private static URI fragment(String dataVersion, String where) {
        try {
            return new URI(null, null, dataVersion);
        } catch (URISyntaxException e) {
            throw DecodeException.malformed(where + ": field 'dataVersion' cannot be a URI fragment: " + e.getReason());
        }
    }

    private byte[] bytes(JsonNode data) {
        try {
            return json.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written back", e);
        }
    }
}
