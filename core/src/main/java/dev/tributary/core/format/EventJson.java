package dev.tributary.core.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An event in the CloudEvents JSON format (structured mode). As a tree ({@link #tree}): the
 * context attributes and extensions as top-level members, JSON data inline as {@code data}, text
 * data ({@code text/*}) as a string and other data as {@code data_base64} — the shape Knative's
 * EventTransform gives to JSONata and EventBridge-style patterns match against. As a line
 * ({@link #line}): what the SDK writes, one line of a {@code file} sink (text data there is
 * {@code data_base64}); {@link #read} takes either. Stateless.
 */
public final class EventJson {

    /** The SDK's own test for inline JSON data (cloudevents-json-jackson's {@code JsonFormat}). */
    private static final Pattern JSON_CONTENT_TYPE = Pattern.compile("^(application|text)/([a-zA-Z]+\\+)?json(;.*)*$");

    private static final ObjectMapper MAPPER =
            new ObjectMapper().registerModule(JsonFormat.getCloudEventJacksonModule());

    private EventJson() {}

    /**
     * The event as a JSON tree, built directly: patterns and transforms read it for every event,
     * so it skips a serialize-and-parse round trip.
     *
     * @throws IllegalArgumentException when JSON data does not parse
     */
    public static ObjectNode tree(CloudEvent event) {
        ObjectNode tree = MAPPER.createObjectNode();
        for (String name : event.getAttributeNames()) {
            put(tree, name, event.getAttribute(name));
        }
        for (String name : event.getExtensionNames()) {
            put(tree, name, event.getExtension(name));
        }
        CloudEventData data = event.getData();
        if (data != null) {
            byte[] bytes = data.toBytes();
            String type = event.getDataContentType();
            if (isJson(type)) {
                try {
                    tree.set("data", MAPPER.readTree(bytes));
                } catch (IOException e) {
                    throw new IllegalArgumentException(
                            "event " + event.getId() + " has data that is not the JSON its datacontenttype says: "
                                    + firstLine(e.getMessage()),
                            e);
                }
            } else if (type.startsWith("text/")) {
                tree.put("data", new String(bytes, StandardCharsets.UTF_8));
            } else {
                tree.put("data_base64", Base64.getEncoder().encodeToString(bytes));
            }
        }
        return tree;
    }

    private static void put(ObjectNode tree, String name, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Integer number) {
            tree.put(name, number);
        } else if (value instanceof Boolean bool) {
            tree.put(name, bool);
        } else if (value instanceof OffsetDateTime time) {
            tree.put(name, time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } else if (value instanceof byte[] bytes) {
            tree.put(name, Base64.getEncoder().encodeToString(bytes));
        } else {
            tree.put(name, value.toString());
        }
    }

    /** As the SDK's JSON format decides: no content type, or {@code (application|text)/[name+]json[;...]}. */
    private static boolean isJson(String contentType) {
        return contentType == null || JSON_CONTENT_TYPE.matcher(contentType).matches();
    }

    /** The event as one line of JSON (no line breaks). */
    public static String line(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "event " + event.getId() + " cannot be written as JSON: " + e.getMessage(), e);
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
            throw new IllegalArgumentException("not a CloudEvent: expected a JSON object, got "
                    + tree.getNodeType().toString().toLowerCase(Locale.ROOT));
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
