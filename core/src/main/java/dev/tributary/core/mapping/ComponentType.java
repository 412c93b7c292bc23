package dev.tributary.core.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A source or sink {@code type} and the options it accepts. The loader refuses options a type
 * does not declare, so that a typo cannot silently fall back to a default.
 *
 * @param name the value of {@code type:}
 * @param push whether the source listens on {@code POST /sources/{name}} (sources only)
 * @param options every accepted option and its shape, in declaration order (error hints list them so)
 * @param required the options that must be present
 * @param allowedValues for string options with a fixed vocabulary, the values accepted
 * @param rules how options combine, checked after each is read
 */
record ComponentType(String name, boolean push, Map<String, OptionKind> options, Set<String> required,
        Map<String, java.util.List<String>> allowedValues, java.util.List<OptionRule> rules) {

    static Builder named(String name) {
        return new Builder(name);
    }

    static final class Builder {
        private final String name;
        private final Map<String, OptionKind> options = new LinkedHashMap<>();
        private final java.util.Set<String> required = new java.util.LinkedHashSet<>();
        private final Map<String, java.util.List<String>> allowedValues = new LinkedHashMap<>();
        private final java.util.List<OptionRule> rules = new java.util.ArrayList<>();
        private boolean push;

        private Builder(String name) {
            this.name = name;
        }

        Builder push() {
            push = true;
            return this;
        }

        Builder required(String option, OptionKind kind) {
            required.add(option);
            return optional(option, kind);
        }

        Builder optional(String option, OptionKind kind) {
            options.put(option, kind);
            return this;
        }

        /** An optional string option that takes one of the given values. */
        Builder optional(String option, String... values) {
            allowedValues.put(option, java.util.List.of(values));
            return optional(option, OptionKind.STRING);
        }

        /** A rule over how the options combine. */
        Builder rule(OptionRule rule) {
            rules.add(rule);
            return this;
        }

        ComponentType build() {
            return new ComponentType(name, push, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options)),
                    Set.copyOf(required), Map.copyOf(allowedValues),
                    java.util.List.copyOf(rules));
        }
    }
}
