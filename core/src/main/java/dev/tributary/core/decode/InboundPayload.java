package dev.tributary.core.decode;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One message as it reached a source: transport headers (or message attributes) and the raw body.
 *
 * <p>Header names are matched case-insensitively, as HTTP requires. Instances are immutable and
 * therefore thread-safe; the body array must not be modified after construction.
 *
 * @param headers transport headers; keys are compared ignoring case
 * @param body the raw body, possibly empty, never {@code null}
 */
public record InboundPayload(Map<String, String> headers, byte[] body) {

    public InboundPayload {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    /** The value of a header, or {@code null} when it is absent. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The media type of the body without parameters, lower-cased; empty when no Content-Type was sent. */
    public String mediaType() {
        String contentType = header("content-type");
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
