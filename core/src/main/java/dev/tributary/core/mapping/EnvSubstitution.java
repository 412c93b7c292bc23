package dev.tributary.core.mapping;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in option values with environment
 * variables; {@code $${} stands for a literal {@code ${}. Substitution happens on parsed scalar
 * values, never on raw text, so a variable's content cannot change the YAML structure.
 */
final class EnvSubstitution {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> environment;

    EnvSubstitution(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @throws IllegalArgumentException naming the variable when one is unset and has no default
     */
    String apply(String value) {
        if (value.indexOf('$') < 0) {
            return value;
        }
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "${";
            } else {
                String variable = matcher.group(1);
                String fallback = matcher.group(2);
                replacement = environment.apply(variable);
                if (replacement == null) {
                    if (fallback == null) {
                        throw new IllegalArgumentException("environment variable '" + variable
                                + "' is not set (write ${" + variable + ":-default} to give a default)");
                    }
                    replacement = fallback;
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
