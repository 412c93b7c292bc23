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
    public static final Map<String, List<String>> TYPES = types();

    private OutboundAuthOptions() {
    }

    private static Map<String, List<String>> types() {
        Map<String, List<String>> types = new LinkedHashMap<>();
        types.put("google-id-token", List.of("audience"));
        types.put("azure-entra", List.of("scope"));
        types.put("aws-sigv4", List.of("service", "region"));
        types.put("bearer", List.of("token"));
        types.put("token-file", List.of("path"));
        return java.util.Collections.unmodifiableMap(types);
    }

    /** Adds {@code headers} and {@code auth} to a sink type, with the rule that checks {@code auth}. */
    static ComponentType.Builder declare(ComponentType.Builder type) {
        return type.optional(HEADERS, OptionKind.STRING_MAP).optional(AUTH, OptionKind.STRING_MAP)
                .rule(OutboundAuthOptions::check);
    }

    private static void check(OptionRule.Component sink) {
        sink.map(HEADERS).keySet().stream().filter(name -> !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")).forEach(name ->
                sink.error(HEADERS, "'" + name + "' is not a valid header name"));
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
        required.stream().filter(option -> auth.getOrDefault(option, "").isEmpty()).forEach(option ->
                sink.error(AUTH, "type " + type + " needs " + option));
        auth.keySet().stream().filter(option -> !option.equals(TYPE) && !required.contains(option)).forEach(option ->
                sink.error(AUTH, "unknown option '" + option + "' for type " + type + DidYouMean.hint(option, required)));
    }
}
