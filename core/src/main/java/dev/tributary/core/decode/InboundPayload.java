package dev.tributary.core.decode;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One message as it reached a source: transport headers (or message attributes) and the raw body.
 *
 * <p>Header names are matched case-insensitively, as HTTP requires. Instances are immutable and
 * therefore thread-safe; the body array must not be modified after construction.
 *
 * @param headers transport headers, keys lower-cased on construction (when two names differ only in
 *     case, one of their values is kept)
 * @param body the raw body, possibly empty, never {@code null}
 */
public record InboundPayload(Map<String, String> headers, byte[] body) {

    public InboundPayload {
        Map<String, String> lowerCased = new HashMap<>(Math.max(16, headers.size() * 2));
        headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
        headers = Collections.unmodifiableMap(lowerCased);
        body = body == null ? new byte[0] : body;
    }

    /** The value of a header, matched ignoring case, or {@code null} when it is absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
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
