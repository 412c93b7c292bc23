package dev.tributary.gateway.ingress;

import dev.tributary.core.decode.Utf8;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.netty.NettyHttpHeaders;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A pushed request's headers as a push source reads them: names lower-cased, repeated headers
 * joined with commas (RFC 9110, section 5.3), except that a CloudEvent attribute header
 * ({@code ce-*}) must appear once, and its value is read as UTF-8 (the HTTP binding's encoding;
 * Netty hands over one character per byte). Reads the Netty headers in one pass: Micronaut's
 * per-name view looks every name up again, which showed in profiles. Stateless.
 */
final class RequestHeaders {

    private static final String CE_PREFIX = "ce-";

    private RequestHeaders() {}

    /** @throws IllegalArgumentException saying which header is repeated or not UTF-8 */
    static Map<String, String> read(HttpRequest<?> request) {
        Map<String, String> headers = new HashMap<>();
        ((NettyHttpHeaders) request.getHeaders())
                .getNettyHeaders()
                .iteratorAsString()
                .forEachRemaining(header -> {
                    String name = header.getKey().toLowerCase(Locale.ROOT);
                    if (!name.startsWith(CE_PREFIX)) {
                        headers.merge(name, header.getValue(), (first, next) -> first + "," + next);
                        return;
                    }
                    String value;
                    try {
                        value = Utf8.fromLatin1Bytes(header.getValue());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("header " + name + ": the value is not valid UTF-8");
                    }
                    if (headers.putIfAbsent(name, value) != null) {
                        throw new IllegalArgumentException(
                                "header " + name + " is repeated; a CloudEvent attribute has one value");
                    }
                });
        return headers;
    }
}
