package dev.tributary.core.mapping;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One option of a source or sink type, as its provider declares it. The loader, the JSON Schema
 * and the option tables of {@code docs/route-mappings.md} are all derived from these declarations.
 * Immutable.
 *
 * @param name the key in the mapping file
 * @param kind the value shape the loader accepts
 * @param required whether the option must be present
 * @param defaultValue what applies when the option is absent, as the docs state it (not parsed)
 * @param description one sentence for the schema and the docs
 * @param secret whether the value is a credential: never logged, never echoed in errors
 * @param allowedValues for a string option with a fixed vocabulary, the values accepted; else empty
 */
public record OptionSpec(String name, OptionKind kind, boolean required, Optional<String> defaultValue,
        String description, boolean secret, List<String> allowedValues) {

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        allowedValues = List.copyOf(allowedValues);
        if (!allowedValues.isEmpty() && kind != OptionKind.STRING) {
            throw new IllegalArgumentException("option '" + name + "': allowed values need a string option");
        }
    }

    /** A required option. */
    public static OptionSpec required(String name, OptionKind kind, String description) {
        return new OptionSpec(name, kind, true, Optional.empty(), description, false, List.of());
    }

    /** An optional option with no default (absence means "not used" or a computed default the description states). */
    public static OptionSpec optional(String name, OptionKind kind, String description) {
        return new OptionSpec(name, kind, false, Optional.empty(), description, false, List.of());
    }

    /** An optional string option taking one of {@code values}. */
    public static OptionSpec oneOf(String name, String description, String... values) {
        return new OptionSpec(name, OptionKind.STRING, false, Optional.empty(), description, false, List.of(values));
    }

    /** This option with a documented default. */
    public OptionSpec withDefault(Object value) {
        return new OptionSpec(name, kind, required, Optional.of(String.valueOf(value)), description, secret, allowedValues);
    }

    /** This option, marked as a credential. */
    public OptionSpec asSecret() {
        return new OptionSpec(name, kind, required, defaultValue, description, true, allowedValues);
    }
}
