package dev.tributary.core.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credentials vocabulary of HTTP-based sinks, declared once: static {@code headers:} (values may
 * use {@code ${VAR}}) and {@code auth:}, a mapping whose {@code type} picks the credential and its
 * options. The rule checks the mapping's keys so that a typo is a located error, never a silently
 * unauthenticated sink; its errors never quote values (tokens are secrets).
 */
public final class OutboundAuthOptions {

    public static final String HEADERS = "headers";
    public static final String AUTH = "auth";
    public static final String TYPE = "type";

    /** Each credential type and the options it requires (all of them). */
    public static final Map<String, List<String>> TYPES;

    /** The options {@link #addTo} adds: {@code headers} (secret: it may carry keys) and {@code auth} (its {@code token} secret). */
    static final List<OptionSpec> OPTIONS;

    static {
        Map<String, List<OptionSpec>> variants = new LinkedHashMap<>();
        variants.put(
                "google-id-token",
                List.of(string("audience", "Audience of the Google ID token (the Cloud Run / Cloud Functions URL).")));
        variants.put("azure-entra", List.of(string("scope", "Entra ID scope, e.g. api://APP/.default.")));
        variants.put(
                "aws-sigv4",
                List.of(
                        string("service", "Signing name, e.g. lambda or execute-api."),
                        string("region", "AWS region, e.g. us-east-1.")));
        variants.put(
                "bearer",
                List.of(string("token", "Static bearer token; use ${VAR}.").asSecret()));
        variants.put(
                "token-file",
                List.of(string(
                        "path",
                        "File holding a bearer token, re-read when it changes (projected service-account tokens).")));
        Map<String, List<String>> types = new LinkedHashMap<>();
        variants.forEach((type, options) ->
                types.put(type, options.stream().map(OptionSpec::name).toList()));
        TYPES = java.util.Collections.unmodifiableMap(types);
        OPTIONS = List.of(
                OptionSpec.optional(
                                HEADERS,
                                OptionKind.STRING_MAP,
                                "Static request headers (values may use ${VAR}), "
                                        + "e.g. x-functions-key for Azure Functions.")
                        .asSecret(),
                OptionSpec.variants(
                        AUTH,
                        "Outbound credentials (docs/security.md): " + String.join(", ", variants.keySet()) + ".",
                        variants));
    }

    private OutboundAuthOptions() {}

    private static OptionSpec string(String name, String description) {
        return OptionSpec.required(name, OptionKind.STRING, description);
    }

    /** {@code type} with {@code headers} and {@code auth} added, and the rule that checks {@code auth}. */
    public static ComponentType addTo(ComponentType type) {
        return type.with(OPTIONS, OutboundAuthOptions::check);
    }

    private static void check(OptionRule.Component sink) {
        sink.map(HEADERS).keySet().stream()
                .filter(name -> !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+"))
                .forEach(name -> sink.error(HEADERS, "'" + name + "' is not a valid header name"));
        if (!sink.has(AUTH)) {
            return;
        }
        Map<String, String> auth = sink.map(AUTH);
        String type = auth.get(TYPE);
        if (type == null) {
            sink.error(AUTH, "type is missing (one of " + String.join(", ", TYPES.keySet()) + ")");
            return;
        }
        List<String> required = TYPES.get(type);
        if (required == null) {
            sink.error(AUTH, "unknown credential type '" + type + "'" + DidYouMean.hint(type, TYPES.keySet()));
            return;
        }
        required.stream()
                .filter(option -> auth.getOrDefault(option, "").isEmpty())
                .forEach(option -> sink.error(AUTH, "type " + type + " needs " + option));
        auth.keySet().stream()
                .filter(option -> !option.equals(TYPE) && !required.contains(option))
                .forEach(option -> sink.error(
                        AUTH, "unknown option '" + option + "' for type " + type + DidYouMean.hint(option, required)));
    }
}
