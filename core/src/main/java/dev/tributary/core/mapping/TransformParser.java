package dev.tributary.core.mapping;

import com.dashjoin.jsonata.JException;
import dev.tributary.core.mapping.ParseContext.Field;
import dev.tributary.core.transform.JsonataTransform;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Validates and compiles a route's {@code transform}: {@code jsonata} (required, parsed now so a
 * syntax error is a load error at the line it is on) and {@code timeout} (the evaluation budget
 * per event, default {@value JsonataTransform#DEFAULT_TIMEOUT_MILLIS} ms).
 */
final class TransformParser {

    private static final List<String> FIELDS = List.of("jsonata", "timeout");
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);

    private final ParseContext ctx;

    TransformParser(ParseContext ctx) {
        this.ctx = ctx;
    }

    /** The compiled transform; empty when the route has none; null after recording errors. */
    Optional<JsonataTransform> parse(Field field, String context) {
        if (field == null) {
            return Optional.empty();
        }
        Map<String, Field> fields = ctx.mapping(field.value(), context, "transform");
        if (fields == null) {
            return null;
        }
        ctx.rejectUnknown(fields, FIELDS, context, "transform");
        Duration timeout = timeout(fields.get("timeout"), context);
        Field jsonata = fields.get("jsonata");
        if (jsonata == null) {
            ctx.error(field.value(), context, "transform.jsonata", "required field is missing");
            return null;
        }
        String expression = ctx.requiredString(jsonata.value(), context, "transform.jsonata");
        if (expression == null || timeout == null) {
            return null;
        }
        try {
            return Optional.of(new JsonataTransform(expression, timeout));
        } catch (JException e) {
            ctx.error(
                    jsonata.value(),
                    linesBefore(jsonata.value(), expression, e.getLocation()),
                    context,
                    "transform.jsonata",
                    "invalid JSONata expression: " + e.getMessage());
            return null;
        }
    }

    private Duration timeout(Field field, String context) {
        if (field == null) {
            return Duration.ofMillis(JsonataTransform.DEFAULT_TIMEOUT_MILLIS);
        }
        String text = ctx.string(field.value(), context, "transform.timeout");
        if (text == null) {
            return null;
        }
        try {
            Duration timeout = Duration.parse(text);
            if (!timeout.isNegative() && !timeout.isZero() && timeout.compareTo(MAX_TIMEOUT) <= 0) {
                return timeout;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        ctx.error(
                field.value(),
                context,
                "transform.timeout",
                "expected an ISO-8601 duration above zero and at most PT10S, such as PT0.05S, got '" + text + "'");
        return null;
    }

    /** How many lines below the start of the YAML value the expression's {@code offset} is. */
    private static int linesBefore(Node value, String expression, int offset) {
        int end = Math.min(Math.max(offset, 0), expression.length());
        int lines = (int)
                expression.substring(0, end).chars().filter(c -> c == '\n').count();
        boolean block = value instanceof ScalarNode scalar
                && (scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                        || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED);
        return block ? lines + 1 : lines;
    }
}
