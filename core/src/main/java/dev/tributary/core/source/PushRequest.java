package dev.tributary.core.source;

import dev.tributary.core.decode.InboundPayload;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request to {@code /sources/{name}}, reduced to what a push source needs, with no web
 * framework types so adapters stay framework-free. Immutable.
 *
 * @param method the HTTP method, upper case
 * @param payload the headers (case-insensitive) and body
 * @param query the decoded query parameters
 */
public record PushRequest(String method, InboundPayload payload, Map<String, List<String>> query) {

    public PushRequest {
        query = Map.copyOf(query);
    }

    /** The first value of a query parameter, or {@code null}. */
    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
