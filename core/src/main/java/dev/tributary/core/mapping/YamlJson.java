package dev.tributary.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML value as JSON, keeping the YAML core schema's types: {@code 5} and {@code 1.5} are
 * numbers, {@code true} a boolean, {@code null} null, anything else (quoted or not) a string.
 * No environment substitution: the value is data, not configuration. Stateless.
 */
final class YamlJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private YamlJson() {}

    /** @throws IllegalArgumentException for a value JSON cannot hold (a non-scalar key, a number out of range) */
    static JsonNode of(Node node) {
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JSON.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new IllegalArgumentException("keys must be plain names");
                }
                object.set(key.getValue(), of(tuple.getValueNode()));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            sequence.getValue().forEach(item -> array.add(of(item)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            try {
                return JSON.numberNode(new BigDecimal(text.replace("_", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a number JSON can hold");
            }
        }
        if (Tag.BOOL.equals(tag)) {
            return JSON.booleanNode(Boolean.parseBoolean(text));
        }
        if (Tag.NULL.equals(tag)) {
            return JSON.nullNode();
        }
        return JSON.textNode(text);
    }
}
