package dev.tributary.core.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;

/**
 * An event in the CloudEvents JSON format (structured mode), as a tree: the context attributes and
 * extensions as top-level members, JSON data inline as {@code data}, text data as a string and
 * other data as {@code data_base64}. This is the shape Knative's EventTransform gives to JSONata,
 * what EventBridge-style patterns match against, and one line of a {@code file} sink. Stateless.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(JsonFormat.getCloudEventJacksonModule());

    private EventJson() {
    }

    /** The event as a JSON tree. */
    public static ObjectNode tree(CloudEvent event) {
        try {
            // through text: the format writes JSON data as a raw value, which a tree would keep opaque
            return (ObjectNode) MAPPER.readTree(line(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.getId() + " has data that is not the JSON its datacontenttype says: "
                    + firstLine(e.getOriginalMessage()), e);
        }
    }

    /** The event as one line of JSON (no line breaks). */
    public static String line(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.getId() + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an event back from its JSON form.
     *
     * @throws IllegalArgumentException naming what is missing or malformed (a required attribute,
     *     an unknown {@code specversion}, an invalid extension name, a non-object)
     */
    public static CloudEvent read(JsonNode tree) {
        if (!tree.isObject()) {
            throw new IllegalArgumentException("not a CloudEvent: expected a JSON object, got " + tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        try {
            return MAPPER.treeToValue(tree, CloudEvent.class);
        } catch (JsonProcessingException | RuntimeException e) {
            Throwable cause = e.getCause() != null && e instanceof JsonProcessingException ? e.getCause() : e;
            throw new IllegalArgumentException("not a valid CloudEvent: " + firstLine(cause.getMessage()), e);
        }
    }

    /** Reads an event from one line of JSON. */
    public static CloudEvent read(String line) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + firstLine(e.getOriginalMessage()), e);
        }
        return read(tree);
    }

    /** A Java value (maps, lists, strings, numbers, booleans, null) as a JSON tree. */
    public static JsonNode treeOf(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A JSON tree as plain Java values (maps, lists, strings, numbers, booleans, null). */
    public static Object plain(JsonNode tree) {
        return MAPPER.convertValue(tree, Object.class);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
