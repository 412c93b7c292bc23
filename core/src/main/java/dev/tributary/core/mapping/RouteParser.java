package dev.tributary.core.mapping;

import dev.tributary.core.delivery.BackoffPolicy;
import dev.tributary.core.delivery.DeliveryPolicy;
import dev.tributary.core.filter.EventFilter;
import dev.tributary.core.mapping.ParseContext.Field;
import dev.tributary.core.transform.JsonataTransform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses the {@code routes} list: resolves every source and sink name, compiles filters and
 * transforms and applies the delivery defaults of docs/route-mappings.md.
 */
final class RouteParser {

    private static final List<String> FIELDS = List.of(
            "name", "from", "to", "filters", "transform", "storageEvents", "reply", "delivery", "orderBy", "dedupe");
    private static final List<String> DELIVERY_FIELDS =
            List.of("retry", "backoffPolicy", "backoffDelay", "timeout", "deadLetterSink");

    private final ParseContext ctx;
    private final Set<String> sources;
    private final Set<String> pushSources;
    private final Set<String> sinks;
    private final FilterCompiler filters;
    private final TransformParser transforms;
    private final RouteFlowParser flowParser;

    RouteParser(ParseContext ctx, Set<String> sources, Set<String> pushSources, Set<String> sinks) {
        this.ctx = ctx;
        this.sources = sources;
        this.pushSources = pushSources;
        this.sinks = sinks;
        this.filters = new FilterCompiler(ctx);
        this.transforms = new TransformParser(ctx);
        this.flowParser = new RouteFlowParser(ctx);
    }

    List<CompiledRoute> parse(Node section) {
        List<CompiledRoute> routes = new ArrayList<>();
        List<Node> items = ctx.sequence(section, "", "routes");
        if (items == null) {
            return routes;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            CompiledRoute route = parseOne(items.get(i), "route #" + (i + 1), names);
            if (route != null) {
                routes.add(route);
            }
        }
        return routes;
    }

    private CompiledRoute parseOne(Node node, String fallbackContext, Set<String> names) {
        Map<String, Field> fields = ctx.mapping(node, fallbackContext, "");
        if (fields == null) {
            return null;
        }
        String context = fallbackContext;
        String name = null;
        Field nameField = fields.get("name");
        if (nameField == null) {
            ctx.error(node, context, "name", "required field is missing");
        } else {
            name = ctx.requiredString(nameField.value(), context, "name");
            if (name != null) {
                context = "route '" + name + "'";
                if (!names.add(name)) {
                    ctx.error(nameField.value(), context, "name", "another route has the same name");
                }
            }
        }
        ctx.rejectUnknown(fields, FIELDS, context, "");
        List<String> from = names(fields.get("from"), node, context, "from", sources, "source");
        List<String> to = names(fields.get("to"), node, context, "to", sinks, "sink");
        EventFilter filter = fields.containsKey("filters")
                ? filters.compileAll(fields.get("filters").value(), context, "filters")
                : EventFilter.ACCEPT_ALL;
        Optional<JsonataTransform> transform = transforms.parse(fields.get("transform"), context);
        StorageEvents storageEvents = storageEvents(fields.get("storageEvents"), context);
        Optional<String> reply = reply(fields.get("reply"), context);
        DeliveryPolicy delivery = fields.containsKey("delivery")
                ? delivery(fields.get("delivery").value(), context)
                : DeliveryPolicy.DEFAULT;
        RouteFlow flow = flowParser.parse(fields, context);
        if (name == null
                || from == null
                || to == null
                || filter == null
                || transform == null
                || storageEvents == null
                || reply == null
                || delivery == null
                || flow == null) {
            return null;
        }
        return new CompiledRoute(name, from, to, filter, transform, delivery, storageEvents, reply, flow);
    }

    private List<String> names(
            Field field, Node route, String context, String fieldName, Set<String> known, String kind) {
        if (field == null) {
            ctx.error(route, context, fieldName, "required field is missing");
            return null;
        }
        List<Node> items = ctx.sequence(field.value(), context, fieldName);
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            ctx.error(field.value(), context, fieldName, "needs at least one " + kind);
            return null;
        }
        List<String> resolved = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            String path = fieldName + "[" + i + "]";
            String name = ctx.requiredString(items.get(i), context, path);
            if (name == null) {
                ok = false;
            } else if (!known.contains(name)) {
                ctx.error(
                        items.get(i),
                        context,
                        path,
                        "unknown " + kind + " '" + name + "'" + DidYouMean.hint(name, known));
                ok = false;
            } else if (resolved.contains(name)) {
                ctx.error(items.get(i), context, path, kind + " '" + name + "' is listed twice");
                ok = false;
            } else {
                resolved.add(name);
            }
        }
        return ok ? List.copyOf(resolved) : null;
    }

    private StorageEvents storageEvents(Field field, String context) {
        if (field == null) {
            return StorageEvents.NATIVE;
        }
        String value = ctx.string(field.value(), context, "storageEvents");
        return value == null ? null : parseEnum(StorageEvents.class, value, field.value(), context, "storageEvents");
    }

    private Optional<String> reply(Field field, String context) {
        if (field == null) {
            return Optional.empty();
        }
        String source = ctx.requiredString(field.value(), context, "reply");
        if (source == null) {
            return null;
        }
        if (!pushSources.contains(source)) {
            String why = sources.contains(source)
                    ? "source '" + source + "' is not a push source"
                    : "unknown source '" + source + "'" + DidYouMean.hint(source, pushSources);
            ctx.error(field.value(), context, "reply", why);
            return null;
        }
        return Optional.of(source);
    }

    private DeliveryPolicy delivery(Node node, String context) {
        Map<String, Field> fields = ctx.mapping(node, context, "delivery");
        if (fields == null) {
            return null;
        }
        ctx.rejectUnknown(fields, DELIVERY_FIELDS, context, "delivery");
        DeliveryPolicy defaults = DeliveryPolicy.DEFAULT;
        Integer retry = defaults.retry();
        if (fields.containsKey("retry")) {
            retry = retry(fields.get("retry").value(), context);
        }
        BackoffPolicy backoff = defaults.backoffPolicy();
        if (fields.containsKey("backoffPolicy")) {
            Node value = fields.get("backoffPolicy").value();
            String text = ctx.string(value, context, "delivery.backoffPolicy");
            backoff = text == null
                    ? null
                    : parseEnum(BackoffPolicy.class, text, value, context, "delivery.backoffPolicy");
        }
        Duration delay = duration(fields.get("backoffDelay"), defaults.backoffDelay(), context);
        Duration timeout = duration(fields.get("timeout"), defaults.timeout(), context);
        Optional<String> deadLetter = Optional.empty();
        if (fields.containsKey("deadLetterSink")) {
            Node value = fields.get("deadLetterSink").value();
            String sink = ctx.requiredString(value, context, "delivery.deadLetterSink");
            if (sink != null && !sinks.contains(sink)) {
                ctx.error(
                        value,
                        context,
                        "delivery.deadLetterSink",
                        "unknown sink '" + sink + "'" + DidYouMean.hint(sink, sinks));
                sink = null;
            }
            if (sink == null) {
                return null;
            }
            deadLetter = Optional.of(sink);
        }
        if (retry == null || backoff == null || delay == null || timeout == null) {
            return null;
        }
        return new DeliveryPolicy(retry, backoff, delay, timeout, deadLetter);
    }

    private Integer retry(Node node, String context) {
        String text = ctx.string(node, context, "delivery.retry");
        if (text == null) {
            return null;
        }
        try {
            int retry = Integer.parseInt(text);
            if (retry >= 0) {
                return retry;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        ctx.error(node, context, "delivery.retry", "expected a whole number >= 0, got '" + text + "'");
        return null;
    }

    private Duration duration(Field field, Duration fallback, String context) {
        return field == null ? fallback : ctx.positiveDuration(field.value(), context, "delivery." + field.name());
    }

    private <E extends Enum<E>> E parseEnum(Class<E> type, String text, Node at, String context, String field) {
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = constant.name().toLowerCase(Locale.ROOT);
            if (name.equals(text)) {
                return constant;
            }
            allowed.add(name);
        }
        ctx.error(at, context, field, "unknown value '" + text + "'" + DidYouMean.hint(text, allowed));
        return null;
    }
}
