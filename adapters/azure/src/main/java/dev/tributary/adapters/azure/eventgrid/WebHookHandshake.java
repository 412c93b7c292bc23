package dev.tributary.adapters.azure.eventgrid;

import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.source.PushDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers the CloudEvents webhook abuse-protection handshake ({@code OPTIONS} with
 * {@code WebHook-Request-Origin}) that Event Grid sends before delivering in the CloudEvents schema.
 *
 * <p>Permission is granted synchronously: 200 with {@code WebHook-Allowed-Origin} set to the
 * requested origin (so every Azure cloud's origin works, not one hard-coded host),
 * {@code WebHook-Allowed-Rate} set to the requested rate when one was asked, and
 * {@code Allow: POST, OPTIONS}. {@code WebHook-Request-Callback} is never fetched. With
 * {@code allowedOrigins} configured, other origins get 403 and no grant; without it any origin is
 * granted, since authentication already guards deliveries. Immutable and thread-safe.
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/http-webhook.md#4-abuse-protection">
 *     HTTP 1.1 Web Hooks, 4. Abuse Protection</a>
 */
final class WebHookHandshake {

    static final String REQUEST_ORIGIN = "WebHook-Request-Origin";
    static final String REQUEST_RATE = "WebHook-Request-Rate";
    static final String ALLOWED_ORIGIN = "WebHook-Allowed-Origin";
    static final String ALLOWED_RATE = "WebHook-Allowed-Rate";
    static final String ALLOW = "POST, OPTIONS";

    private final String sourceName;
    private final Set<String> allowedOrigins;

    /**
     * @param sourceName named in refusals
     * @param allowedOrigins origins (DNS names, compared ignoring case) that may deliver; empty for any
     */
    WebHookHandshake(String sourceName, List<String> allowedOrigins) {
        this.sourceName = sourceName;
        this.allowedOrigins = allowedOrigins.stream()
                .map(origin -> origin.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    PushDecision.Respond answer(InboundPayload request) {
        String origin = request.header(REQUEST_ORIGIN);
        if (origin == null || origin.isBlank()) {
            return PushDecision.Respond.error(
                    400,
                    "missing header " + REQUEST_ORIGIN + ": OPTIONS on a source is the CloudEvents webhook handshake");
        }
        origin = origin.trim();
        if (!allowedOrigins.isEmpty() && !allowedOrigins.contains(origin.toLowerCase(Locale.ROOT))) {
            return PushDecision.Respond.error(
                    403, REQUEST_ORIGIN + " '" + origin + "' is not in allowedOrigins of source '" + sourceName + "'");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ALLOWED_ORIGIN, origin);
        headers.put("Allow", ALLOW);
        String rate = request.header(REQUEST_RATE);
        if (rate != null) {
            if (!isPositiveInteger(rate.trim())) {
                return PushDecision.Respond.error(
                        400,
                        "header " + REQUEST_RATE + " must be a positive integer (requests per minute), got '" + rate
                                + "'");
            }
            headers.put(ALLOWED_RATE, rate.trim());
        }
        return new PushDecision.Respond(200, Map.copyOf(headers), "");
    }

    private static boolean isPositiveInteger(String value) {
        return value.matches("[0-9]{1,9}") && Integer.parseInt(value) > 0;
    }
}
