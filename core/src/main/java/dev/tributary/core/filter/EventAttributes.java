package dev.tributary.core.filter;

import io.cloudevents.CloudEvent;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Reads a context attribute or extension of an event as the string a filter compares against,
 * using the canonical string forms of the CloudEvents type system (RFC 3339 timestamps, base64
 * binary). Stateless.
 */
public final class EventAttributes {

    private EventAttributes() {}

    /** The attribute's canonical string value, or {@code null} when the event does not have it. */
    public static String get(CloudEvent event, String name) {
        switch (name) {
            case "specversion":
                return event.getSpecVersion().toString();
            case "id":
                return event.getId();
            case "source":
                return event.getSource().toString();
            case "type":
                return event.getType();
            case "subject":
                return event.getSubject();
            case "datacontenttype":
                return event.getDataContentType();
            case "dataschema":
                return event.getDataSchema() == null
                        ? null
                        : event.getDataSchema().toString();
            case "time":
                return event.getTime() == null ? null : format(event.getTime());
            default:
                return extension(event.getExtension(name));
        }
    }

    private static String extension(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof OffsetDateTime time) {
            return format(time);
        }
        return value.toString();
    }

    private static String format(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
