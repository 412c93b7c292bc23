package dev.tributary.examples.thumbnail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import java.io.IOException;

/**
 * Reads the JSON of storage events; every failure is a {@link MalformedEventException} naming the
 * field that is missing or wrong (e.g. {@code data.s3.object.key}). Stateless and thread-safe.
 */
final class EventJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {}

    /** The event's {@code data} as a JSON object. */
    static JsonNode data(CloudEvent event) {
        if (event.getData() == null) {
            throw new MalformedEventException("event " + event.getId() + " (" + event.getType() + ") has no data");
        }
        return object(event.getData().toBytes(), "data of event " + event.getId());
    }

    /** {@code bytes} parsed as a JSON object; {@code what} names them in the error. */
    static JsonNode object(byte[] bytes, String what) {
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(what + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedEventException(what + " cannot be read: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException(what + " is not a JSON object");
        }
        return node;
    }

    /**
     * The non-empty string at {@code path} below {@code root}.
     *
     * @param rootName how {@code root} is named in the error, e.g. {@code data} or {@code Records[0]}
     */
    static String text(JsonNode root, String rootName, String... path) {
        JsonNode node = root;
        for (String name : path) {
            node = node.path(name);
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new MalformedEventException(
                    rootName + "." + String.join(".", path) + " is missing or not a non-empty string");
        }
        return node.asText();
    }
}
