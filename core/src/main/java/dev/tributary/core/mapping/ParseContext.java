package dev.tributary.core.mapping;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Shared state of one load: the file name, the environment, and the error list that every
 * parser appends to. Readers return {@code null} after recording an error, so parsing goes on
 * and one run reports every problem. Not thread-safe; one instance per load.
 */
final class ParseContext {

    /** A key of a YAML mapping with its value node; the key node locates errors about the key. */
    record Field(String name, Node key, Node value) {}

    private final String file;
    private final EnvSubstitution env;
    private final List<MappingError> errors = new ArrayList<>();

    ParseContext(String file, EnvSubstitution env) {
        this.file = file;
        this.env = env;
    }

    List<MappingError> errors() {
        return errors;
    }

    void error(Node at, String context, String field, String message) {
        error(at, 0, context, field, message);
    }

    /** An error {@code linesBelow} lines below where {@code at} starts (inside a multi-line value). */
    void error(Node at, int linesBelow, String context, String field, String message) {
        errors.add(new MappingError(file, at.getStartMark().getLine() + 1 + linesBelow, context, field, message));
    }

    /** The keys of a mapping node in file order; records an error and returns null for anything else. */
    Map<String, Field> mapping(Node node, String context, String field) {
        if (!(node instanceof MappingNode map)) {
            error(node, context, field, "expected a mapping of names to values");
            return null;
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                error(tuple.getKeyNode(), context, field, "keys must be plain names");
                continue;
            }
            String name = key.getValue();
            if (fields.containsKey(name)) {
                error(key, context, join(field, name), "duplicate key");
                continue;
            }
            fields.put(name, new Field(name, key, tuple.getValueNode()));
        }
        return fields;
    }

    List<Node> sequence(Node node, String context, String field) {
        if (!(node instanceof SequenceNode list)) {
            error(node, context, field, "expected a list");
            return null;
        }
        return list.getValue();
    }

    /** A scalar as a string, environment variables substituted. */
    String string(Node node, String context, String field) {
        if (!(node instanceof ScalarNode scalar)) {
            error(node, context, field, "expected a single value, not a " + describe(node));
            return null;
        }
        try {
            return env.apply(scalar.getValue());
        } catch (IllegalArgumentException e) {
            error(node, context, field, e.getMessage());
            return null;
        }
    }

    /** A non-empty string. */
    String requiredString(Node node, String context, String field) {
        String value = string(node, context, field);
        if (value != null && value.isEmpty()) {
            error(node, context, field, "must not be empty");
            return null;
        }
        return value;
    }

    /** A positive ISO-8601 duration such as {@code PT0.5S}. */
    Duration positiveDuration(Node node, String context, String field) {
        String text = string(node, context, field);
        if (text == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(text);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        error(node, context, field, "expected a positive ISO-8601 duration such as PT0.5S or PT1M, got '" + text + "'");
        return null;
    }

    /** Reports every key that is not in {@code known}, with a suggestion. */
    void rejectUnknown(Map<String, Field> fields, Collection<String> known, String context, String prefix) {
        for (Field f : fields.values()) {
            if (!known.contains(f.name())) {
                error(f.key(), context, join(prefix, f.name()), "unknown field" + DidYouMean.hint(f.name(), known));
            }
        }
    }

    static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static String describe(Node node) {
        return node instanceof MappingNode ? "mapping" : node instanceof SequenceNode ? "list" : "value";
    }
}
