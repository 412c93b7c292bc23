package dev.tributary.adapters.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * JSON reading shared by the AWS decoders. Numbers are kept exactly (no double rounding) so that
 * payloads re-serialized as event data keep their values; trailing content after a document makes
 * it invalid. Failures become {@link DecodeException}s naming the field. Stateless and thread-safe.
 */
public final class AwsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private AwsJson() {}

    /** The document in {@code text}, or empty when it is not JSON. */
    public static Optional<JsonNode> tryParse(String text) {
        try {
            return Optional.of(MAPPER.readTree(text)).filter(node -> !node.isMissingNode());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The document in {@code bytes}, or empty when it is not JSON. */
    public static Optional<JsonNode> tryParse(byte[] bytes) {
        return tryParse(new String(bytes, StandardCharsets.UTF_8));
    }

    /** The document in {@code text}; {@code what} names it in the error. */
    public static JsonNode parse(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw DecodeException.malformed(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** A required, non-empty text field; {@code where} prefixes the error, e.g. {@code "EventBridge event: "}. */
    public static String text(JsonNode node, String field, String where) {
        return optionalText(node, field)
                .orElseThrow(() -> DecodeException.malformed(where + "missing or empty string field '" + field + "'"));
    }

    /** A text field when present, a string and non-empty. */
    public static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty()
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    /** An RFC 3339 timestamp. */
    public static OffsetDateTime time(String value, String field, String where) {
        try {
            return Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw DecodeException.malformed(
                    where + "field '" + field + "' is not an RFC 3339 timestamp: '" + value + "'");
        }
    }
}
