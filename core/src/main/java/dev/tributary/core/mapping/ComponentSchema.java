package dev.tributary.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Generates the source and sink parts of the mapping file's JSON Schema (draft 2020-12) from a
 * {@link ComponentCatalog}: {@code /properties/sources/additionalProperties} and
 * {@code /properties/sinks/additionalProperties}. The rest of the schema (routes, filters) is
 * written by hand. Options that take a number or a boolean also accept a {@code ${VAR}} string,
 * which the loader substitutes before checking. Stateless.
 */
public final class ComponentSchema {

    /** What a {@code ${VAR}} reference looks like in the schema: {@value}. */
    static final String VARIABLE_PATTERN = "^\\$\\{.+\\}$";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ComponentSchema() {}

    /**
     * A copy of {@code schema} whose source and sink parts are generated from {@code catalog}.
     *
     * @throws IllegalArgumentException when {@code schema} has no {@code sources} or {@code sinks} property
     */
    public static ObjectNode withComponents(JsonNode schema, ComponentCatalog catalog) {
        ObjectNode copy = schema.deepCopy();
        section(copy, "sources").set("additionalProperties", components(catalog.sources(), "The source type."));
        section(copy, "sinks").set("additionalProperties", components(catalog.sinks(), "The sink type."));
        return copy;
    }

    private static ObjectNode section(ObjectNode schema, String name) {
        JsonNode section = schema.path("properties").path(name);
        if (!section.isObject()) {
            throw new IllegalArgumentException("the schema has no /properties/" + name);
        }
        return (ObjectNode) section;
    }

    private static ObjectNode components(Map<String, ComponentType> types, String typeDescription) {
        ObjectNode node = JSON.objectNode().put("type", "object");
        node.putArray("required").add("type");
        ArrayNode names = node.putObject("properties").putObject("type").putArray("enum");
        types.keySet().forEach(names::add);
        ((ObjectNode) node.at("/properties/type")).put("description", typeDescription);
        ArrayNode branches = node.putArray("allOf");
        types.values().forEach(type -> branches.add(branch(type)));
        return node;
    }

    private static ObjectNode branch(ComponentType type) {
        ObjectNode branch = JSON.objectNode();
        ObjectNode condition = branch.putObject("if");
        condition.putObject("properties").putObject("type").put("const", type.name());
        condition.putArray("required").add("type");
        ObjectNode then = branch.putObject("then");
        then.put("description", type.description());
        closedShape(then, type.name(), type.options());
        return branch;
    }

    /**
     * The object whose {@code type} is {@code typeName}: these options (the required ones
     * required) and no others.
     */
    private static void closedShape(ObjectNode shape, String typeName, List<OptionSpec> options) {
        ObjectNode properties = shape.putObject("properties");
        properties.putObject("type").put("const", typeName);
        ArrayNode required = shape.putArray("required").add("type");
        for (OptionSpec option : options) {
            properties.set(option.name(), option(option));
            if (option.required()) {
                required.add(option.name());
            }
        }
        shape.put("additionalProperties", false);
    }

    private static ObjectNode option(OptionSpec option) {
        ObjectNode node = JSON.objectNode();
        String description = option.description()
                + option.defaultValue().map(value -> " Default: " + value + ".").orElse("");
        switch (option.kind()) {
            case STRING -> {
                node.put("type", "string");
                if (option.allowedValues().isEmpty()) {
                    node.put("minLength", 1);
                } else {
                    ArrayNode values = node.putArray("enum");
                    option.allowedValues().forEach(values::add);
                }
            }
            case STRING_LIST -> {
                node.put("type", "array");
                node.putObject("items").put("type", "string").put("minLength", 1);
            }
            case POSITIVE_INTEGER -> {
                ObjectNode integer = JSON.objectNode()
                        .put("type", "integer")
                        .put(
                                "minimum",
                                option.range().map(OptionSpec.Range::min).orElse(1));
                option.range().ifPresent(range -> integer.put("maximum", range.max()));
                orVariable(node, integer);
            }
            case BOOLEAN -> orVariable(node, JSON.objectNode().put("type", "boolean"));
            case STRING_MAP -> {
                node.put("type", "object");
                if (option.variants().isEmpty()) {
                    node.putObject("additionalProperties").put("type", "string");
                } else {
                    variants(node, option);
                }
            }
            default -> throw new IllegalStateException("no schema for " + option.kind());
        }
        node.put("description", description);
        if (option.secret()) {
            node.put("writeOnly", true);
        }
        return node;
    }

    /** A mapping whose {@code type} picks one shape: each shape requires its options and takes no others. */
    private static void variants(ObjectNode node, OptionSpec option) {
        node.putArray("required").add("type");
        ArrayNode types = node.putObject("properties").putObject("type").putArray("enum");
        ArrayNode oneOf = node.putArray("oneOf");
        option.variants().forEach((type, options) -> {
            types.add(type);
            closedShape(oneOf.addObject(), type, options);
        });
    }

    private static void orVariable(ObjectNode node, ObjectNode literal) {
        ArrayNode anyOf = node.putArray("anyOf");
        anyOf.add(literal);
        anyOf.addObject().put("type", "string").put("pattern", VARIABLE_PATTERN);
    }
}
