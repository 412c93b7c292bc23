package dev.tributary.core.mapping;

import dev.tributary.core.mapping.ParseContext.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses the {@code sources} or {@code sinks} section: each entry needs a known {@code type}, the
 * type's required options, and no option the type does not declare.
 */
final class ComponentParser {

    /** A parsed source or sink. */
    record Component(String name, ComponentType type, Options options) {}

    /** Names appear in URLs ({@code /sources/{name}}) and metric tags, so they are kept plain. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private final ParseContext ctx;
    private final String kind;
    private final Map<String, ComponentType> types;
    private final java.util.Set<String> declared = new java.util.LinkedHashSet<>();

    /**
     * @param kind {@code source} or {@code sink}, as errors name it
     */
    ComponentParser(ParseContext ctx, String kind, Map<String, ComponentType> types) {
        this.ctx = ctx;
        this.kind = kind;
        this.types = types;
    }

    Map<String, Component> parse(Node section, String sectionName) {
        Map<String, Component> components = new LinkedHashMap<>();
        Map<String, Field> entries = ctx.mapping(section, "", sectionName);
        if (entries == null) {
            return components;
        }
        for (Field entry : entries.values()) {
            declared.add(entry.name());
            String context = kind + " '" + entry.name() + "'";
            if (!NAME.matcher(entry.name()).matches()) {
                ctx.error(entry.key(), context, "", "name must match " + NAME.pattern());
            }
            Component component = parseOne(entry, context);
            if (component != null) {
                components.put(entry.name(), component);
            }
        }
        return components;
    }

    /**
     * Every name the section declares, valid or not, so that references to a broken entry are
     * not reported a second time as unknown names.
     */
    java.util.Set<String> declared() {
        return declared;
    }

    private Component parseOne(Field entry, String context) {
        Map<String, Field> fields = ctx.mapping(entry.value(), context, "");
        if (fields == null) {
            return null;
        }
        Field typeField = fields.get("type");
        if (typeField == null) {
            ctx.error(entry.key(), context, "type", "required field is missing" + DidYouMean.hint("", types.keySet()));
            return null;
        }
        String typeName = ctx.string(typeField.value(), context, "type");
        ComponentType type = typeName == null ? null : types.get(typeName);
        if (type == null) {
            if (typeName != null) {
                ctx.error(
                        typeField.value(),
                        context,
                        "type",
                        "unknown " + kind + " type '" + typeName + "'" + DidYouMean.hint(typeName, types.keySet()));
            }
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field option : fields.values()) {
            if (option.name().equals("type")) {
                continue;
            }
            OptionSpec spec = type.option(option.name()).orElse(null);
            if (spec == null) {
                ctx.error(
                        option.key(),
                        context,
                        option.name(),
                        "unknown option for type '" + type.name() + "'"
                                + DidYouMean.hint(option.name(), type.optionNames()));
                continue;
            }
            Object value = read(option, spec.kind(), context);
            if (value instanceof Integer number
                    && spec.range().isPresent()
                    && !spec.range().get().contains(number)) {
                OptionSpec.Range range = spec.range().get();
                ctx.error(
                        option.value(),
                        context,
                        option.name(),
                        "expected " + range.min() + " to " + range.max() + ", got " + number);
                value = null;
            }
            java.util.List<String> allowed = spec.allowedValues();
            if (value != null && !allowed.isEmpty() && !allowed.contains(value)) {
                ctx.error(
                        option.value(),
                        context,
                        option.name(),
                        "unknown value '" + value + "'" + DidYouMean.hint((String) value, allowed));
                value = null;
            }
            if (value != null) {
                values.put(option.name(), value);
            }
        }
        if (values.containsKey(SinkLimits.RATE_BURST) && !values.containsKey(SinkLimits.RATE_LIMIT)) {
            ctx.error(
                    fields.get(SinkLimits.RATE_BURST).key(),
                    context,
                    SinkLimits.RATE_BURST,
                    "needs " + SinkLimits.RATE_LIMIT + " (the rate the burst is taken from)");
        }
        for (OptionSpec spec : type.options()) {
            if (spec.required() && !fields.containsKey(spec.name())) {
                ctx.error(
                        entry.key(), context, spec.name(), "required option is missing for type '" + type.name() + "'");
            }
        }
        OptionRule.Component view = ruleView(entry, fields, values, context);
        type.rules().forEach(rule -> rule.check(view));
        return new Component(entry.name(), type, new Options(values));
    }

    private OptionRule.Component ruleView(
            Field entry, Map<String, Field> fields, Map<String, Object> values, String context) {
        Options options = new Options(values);
        return new OptionRule.Component() {
            @Override
            public boolean has(String option) {
                return fields.containsKey(option);
            }

            @Override
            public java.util.Optional<String> string(String option) {
                return options.string(option);
            }

            @Override
            public List<String> list(String option) {
                return options.stringList(option);
            }

            @Override
            public Map<String, String> map(String option) {
                return options.stringMap(option);
            }

            @Override
            public void error(String option, String message) {
                Field field = fields.get(option);
                ctx.error(field == null ? entry.key() : field.key(), context, option, message);
            }
        };
    }

    private Object read(Field option, OptionKind kind, String context) {
        if (kind == OptionKind.STRING_MAP) {
            Map<String, Field> entries = ctx.mapping(option.value(), context, option.name());
            if (entries == null) {
                return null;
            }
            Map<String, String> strings = new LinkedHashMap<>();
            entries.values().forEach(entry -> {
                String value = ctx.string(entry.value(), context, option.name() + "." + entry.name());
                if (value != null) {
                    strings.put(entry.name(), value);
                }
            });
            return java.util.Collections.unmodifiableMap(strings);
        }
        if (kind == OptionKind.STRING_LIST) {
            List<Node> items = ctx.sequence(option.value(), context, option.name());
            if (items == null) {
                return null;
            }
            List<String> strings = new java.util.ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String item = ctx.requiredString(items.get(i), context, option.name() + "[" + i + "]");
                if (item != null) {
                    strings.add(item);
                }
            }
            return List.copyOf(strings);
        }
        String text = ctx.requiredString(option.value(), context, option.name());
        if (text == null) {
            return null;
        }
        switch (kind) {
            case BOOLEAN:
                String lower = text.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return Boolean.valueOf(lower);
                }
                break;
            case POSITIVE_INTEGER:
                try {
                    int number = Integer.parseInt(text);
                    if (number > 0) {
                        return number;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                break;
            default:
                return text;
        }
        ctx.error(option.value(), context, option.name(), "expected " + kind.description() + ", got '" + text + "'");
        return null;
    }
}
