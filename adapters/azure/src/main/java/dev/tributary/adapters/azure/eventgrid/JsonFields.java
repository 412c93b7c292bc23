package dev.tributary.adapters.azure.eventgrid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.decode.DecodeException;
import java.util.Locale;

/**
 * Typed reads of JSON object fields that fail with a {@link DecodeException} naming the event
 * and the field, e.g. {@code event[2]: field 'eventTime' must be a string, not a number}.
 */
final class JsonFields {

    private JsonFields() {}

    /** A string field that must be present; it may be empty. */
    static String requiredString(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null) {
            throw DecodeException.malformed(where + ": required field '" + field + "' is missing");
        }
        if (!value.isTextual()) {
            throw DecodeException.malformed(where + ": field '" + field + "' must be a string, not " + typeName(value));
        }
        return value.textValue();
    }

    /** A string field that must be present and not empty. */
    static String requiredNonEmptyString(JsonNode object, String field, String where) {
        String value = requiredString(object, field, where);
        if (value.isEmpty()) {
            throw DecodeException.malformed(where + ": field '" + field + "' must not be empty");
        }
        return value;
    }

    /** The JSON type of a node as a reader would say it: {@code object}, {@code number}, {@code null}, ... */
    static String typeName(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
