package dev.tributary.core.decode;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What is wrong with a JSON document, in the sender's terms: the problem, the field path and the
 * line and column, never the names of our classes or of Jackson's settings (which Jackson's own
 * messages carry). Stateless.
 */
public final class JsonProblem {

    /** A back-quoted Java name, e.g. {@code `io.cloudevents.CloudEvent[]`}, as Jackson quotes them. */
    private static final Pattern QUOTED_NAME = Pattern.compile("\\s*\\(?[^()`]*`[^`]*`[^()]*\\)?");

    private JsonProblem() {}

    /** Describes a failure to read a JSON document, or a failure found while reading one. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof JsonProcessingException json) {
            return describe(json);
        }
        if (failure instanceof JsonProcessingException json && root.getMessage() != null) {
            return withoutNames(root.getMessage()) + where(json);
        }
        return root.getMessage() == null ? "unreadable content" : withoutNames(root.getMessage());
    }

    private static String describe(JsonProcessingException json) {
        String original = json.getOriginalMessage() == null ? "" : json.getOriginalMessage();
        String problem;
        if (json instanceof StreamConstraintsException) {
            problem = original.contains("nesting depth") ? "JSON nested too deeply" : "JSON value exceeds a size limit";
        } else if (original.startsWith("Trailing token")) {
            problem = "content after the end of the JSON document";
        } else if (original.startsWith("No content")) {
            problem = "empty JSON document";
        } else if (json instanceof MismatchedInputException
                && (original.contains("`") || original.startsWith("Cannot "))) {
            problem = "a value has the wrong JSON type";
        } else {
            problem = withoutNames(original);
        }
        return problem + where(json);
    }

    private static String where(JsonProcessingException json) {
        StringBuilder where = new StringBuilder();
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            where.append(" at ")
                    .append(mapping.getPath().stream()
                            .map(reference -> reference.getFieldName() != null
                                    ? reference.getFieldName()
                                    : "[" + reference.getIndex() + "]")
                            .collect(Collectors.joining("."))
                            .replace(".[", "["));
        }
        JsonLocation location = json.getLocation();
        if (location != null && location.getLineNr() > 0) {
            where.append(" (line ")
                    .append(location.getLineNr())
                    .append(", column ")
                    .append(location.getColumnNr())
                    .append(')');
        }
        return where.toString();
    }

    private static String withoutNames(String message) {
        return QUOTED_NAME.matcher(message).replaceAll("").trim();
    }
}
