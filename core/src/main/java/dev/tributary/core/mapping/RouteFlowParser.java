package dev.tributary.core.mapping;

import dev.tributary.core.mapping.ParseContext.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a route's {@code orderBy} and {@code dedupe} fields into a {@link RouteFlow}
 * (docs/flow-control.md), recording located errors. Not thread-safe: one per load.
 */
final class RouteFlowParser {

    private static final List<String> DEDUPE_FIELDS = List.of("window", "maxEntries");

    private final ParseContext ctx;

    RouteFlowParser(ParseContext ctx) {
        this.ctx = ctx;
    }

    /** The route's flow settings; {@code null} after recording an error. */
    RouteFlow parse(Map<String, Field> route, String context) {
        Field orderByField = route.get("orderBy");
        Field dedupeField = route.get("dedupe");
        if (orderByField == null && dedupeField == null) {
            return RouteFlow.NONE;
        }
        Optional<String> orderBy = Optional.empty();
        boolean ok = true;
        if (orderByField != null) {
            String attribute = ctx.requiredString(orderByField.value(), context, "orderBy");
            if (attribute != null
                    && !FilterCompiler.ATTRIBUTE.matcher(attribute).matches()) {
                ctx.error(
                        orderByField.value(),
                        context,
                        "orderBy",
                        "'" + attribute
                                + "' is not a CloudEvents attribute name (lower-case letters and digits only), e.g. subject");
                attribute = null;
            }
            ok = attribute != null;
            orderBy = Optional.ofNullable(attribute);
        }
        Optional<RouteFlow.Dedupe> dedupe = Optional.empty();
        if (dedupeField != null) {
            RouteFlow.Dedupe parsed = dedupe(dedupeField, context);
            ok &= parsed != null;
            dedupe = Optional.ofNullable(parsed);
        }
        return ok ? new RouteFlow(orderBy, dedupe) : null;
    }

    private RouteFlow.Dedupe dedupe(Field field, String context) {
        Map<String, Field> fields = ctx.mapping(field.value(), context, "dedupe");
        if (fields == null) {
            return null;
        }
        ctx.rejectUnknown(fields, DEDUPE_FIELDS, context, "dedupe");
        Field windowField = fields.get("window");
        if (windowField == null) {
            ctx.error(field.key(), context, "dedupe.window", "required field is missing (e.g. PT10M)");
            return null;
        }
        Duration window = ctx.positiveDuration(windowField.value(), context, "dedupe.window");
        Integer maxEntries = RouteFlow.Dedupe.DEFAULT_MAX_ENTRIES;
        Field maxField = fields.get("maxEntries");
        if (maxField != null) {
            maxEntries = positive(maxField, context);
        }
        return window == null || maxEntries == null ? null : new RouteFlow.Dedupe(window, maxEntries);
    }

    private Integer positive(Field field, String context) {
        String text = ctx.string(field.value(), context, "dedupe.maxEntries");
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        ctx.error(field.value(), context, "dedupe.maxEntries", "expected a positive integer, got '" + text + "'");
        return null;
    }
}
