package dev.tributary.core.mapping;

import dev.tributary.core.filter.AllFilter;
import dev.tributary.core.filter.AnyFilter;
import dev.tributary.core.filter.CesqlFilter;
import dev.tributary.core.filter.EventFilter;
import dev.tributary.core.filter.ExactFilter;
import dev.tributary.core.filter.NotFilter;
import dev.tributary.core.filter.PatternFilter;
import dev.tributary.core.filter.PrefixFilter;
import dev.tributary.core.filter.SuffixFilter;
import dev.tributary.core.mapping.ParseContext.Field;
import io.cloudevents.sql.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Validates and compiles a route's {@code filters} into an {@link EventFilter}, with Knative's
 * rules: each entry names exactly one dialect; {@code exact}, {@code prefix} and {@code suffix}
 * take exactly one attribute; CESQL and EventBridge patterns are compiled at load time so a syntax
 * error is a load error.
 */
final class FilterCompiler {

    static final List<String> DIALECTS = List.of("exact", "prefix", "suffix", "all", "any", "not", "cesql", "pattern");

    /** CloudEvents attribute names: lower-case letters and digits. */
    static final Pattern ATTRIBUTE = Pattern.compile("[a-z0-9]{1,20}");

    private static final Map<String, BiFunction<String, String, EventFilter>> STRING_DIALECTS = Map.of(
            "exact", ExactFilter::new,
            "prefix", PrefixFilter::new,
            "suffix", SuffixFilter::new);

    private final ParseContext ctx;

    FilterCompiler(ParseContext ctx) {
        this.ctx = ctx;
    }

    /** Compiles a list of filters that must all pass; null after recording errors. */
    EventFilter compileAll(Node listNode, String context, String field) {
        List<EventFilter> filters = compileList(listNode, context, field);
        return filters == null ? null : filters.isEmpty() ? EventFilter.ACCEPT_ALL : new AllFilter(filters);
    }

    private List<EventFilter> compileList(Node listNode, String context, String field) {
        List<Node> items = ctx.sequence(listNode, context, field);
        if (items == null) {
            return null;
        }
        List<EventFilter> filters = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            EventFilter filter = compile(items.get(i), context, field + "[" + i + "]");
            ok &= filter != null;
            filters.add(filter);
        }
        return ok ? filters : null;
    }

    private EventFilter compile(Node node, String context, String field) {
        Map<String, Field> entry = ctx.mapping(node, context, field);
        if (entry == null) {
            return null;
        }
        if (entry.size() != 1) {
            ctx.error(
                    node,
                    context,
                    field,
                    "a filter names exactly one dialect (" + String.join(", ", DIALECTS) + "), found "
                            + (entry.isEmpty() ? "none" : String.join(", ", entry.keySet())));
            return null;
        }
        Field dialect = entry.values().iterator().next();
        String path = field + "." + dialect.name();
        switch (dialect.name()) {
            case "all":
                List<EventFilter> all = compileList(dialect.value(), context, path);
                return all == null ? null : new AllFilter(all);
            case "any":
                List<EventFilter> any = compileList(dialect.value(), context, path);
                return any == null ? null : new AnyFilter(any);
            case "not":
                EventFilter negated = compile(dialect.value(), context, path);
                return negated == null ? null : new NotFilter(negated);
            case "cesql":
                return cesql(dialect.value(), context, path);
            case "pattern":
                return pattern(dialect.value(), context, path);
            default:
                BiFunction<String, String, EventFilter> factory = STRING_DIALECTS.get(dialect.name());
                if (factory == null) {
                    ctx.error(
                            dialect.key(),
                            context,
                            field,
                            "unknown filter dialect '" + dialect.name() + "'"
                                    + DidYouMean.hint(dialect.name(), DIALECTS));
                    return null;
                }
                return attributeFilter(dialect, context, path, factory);
        }
    }

    private EventFilter attributeFilter(
            Field dialect, String context, String path, BiFunction<String, String, EventFilter> factory) {
        Map<String, Field> attributes = ctx.mapping(dialect.value(), context, path);
        if (attributes == null) {
            return null;
        }
        if (attributes.size() != 1) {
            ctx.error(
                    dialect.value(),
                    context,
                    path,
                    "'" + dialect.name() + "' takes exactly one attribute, found " + attributes.size()
                            + " (combine several with 'all')");
            return null;
        }
        Field attribute = attributes.values().iterator().next();
        String attributePath = path + "." + attribute.name();
        if (!ATTRIBUTE.matcher(attribute.name()).matches()) {
            ctx.error(
                    attribute.key(),
                    context,
                    attributePath,
                    "not a CloudEvents attribute name (lower-case letters and digits only)");
            return null;
        }
        String value = ctx.string(attribute.value(), context, attributePath);
        if (value == null) {
            return null;
        }
        if (value.isEmpty() && !dialect.name().equals("exact")) {
            ctx.error(attribute.value(), context, attributePath, "an empty " + dialect.name() + " matches everything");
            return null;
        }
        return factory.apply(attribute.name(), value);
    }

    private EventFilter pattern(Node node, String context, String path) {
        if (ctx.mapping(node, context, path) == null) {
            return null;
        }
        try {
            return new PatternFilter(YamlJson.of(node).toString());
        } catch (IllegalArgumentException e) {
            ctx.error(node, context, path, "invalid event pattern: " + e.getMessage());
            return null;
        }
    }

    private EventFilter cesql(Node node, String context, String path) {
        String expression = ctx.requiredString(node, context, path);
        if (expression == null) {
            return null;
        }
        try {
            return new CesqlFilter(expression);
        } catch (ParseException e) {
            ctx.error(node, context, path, "invalid CESQL expression: " + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            // cloudevents-sql 4.0.1 throws a NullPointerException for some syntax errors (a
            // single-token deletion during error recovery) instead of a ParseException.
            ctx.error(node, context, path, "invalid CESQL expression: syntax error in '" + expression + "'");
            return null;
        }
    }
}
