package dev.tributary.core.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param variants for a mapping option whose {@code type} key picks its shape (a sink's {@code auth:}),
 *        each {@code type} value and the string keys it requires (all of them, and no others); else empty
 * @param range for an integer option the service bounds (SQS's 20 s long poll, Pub/Sub's ack
 *        deadline), the values accepted, checked by the loader; else empty
 */
public record OptionSpec(
        String name,
        OptionKind kind,
        boolean required,
        Optional<String> defaultValue,
        String description,
        boolean secret,
        List<String> allowedValues,
        Map<String, List<OptionSpec>> variants,
        Optional<Range> range) {

    /** The inclusive bounds of an integer option. */
    public record Range(int min, int max) {

        public Range {
            if (min > max) {
                throw new IllegalArgumentException("range " + min + " to " + max + " is empty");
            }
        }

        public boolean contains(int value) {
            return value >= min && value <= max;
        }
    }

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        allowedValues = List.copyOf(allowedValues);
        if (!allowedValues.isEmpty() && kind != OptionKind.STRING) {
            throw new IllegalArgumentException("option '" + name + "': allowed values need a string option");
        }
        variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
        if (!variants.isEmpty() && kind != OptionKind.STRING_MAP) {
            throw new IllegalArgumentException("option '" + name + "': variants need a mapping option");
        }
        Objects.requireNonNull(range, "range");
        if (range.isPresent() && kind != OptionKind.POSITIVE_INTEGER) {
            throw new IllegalArgumentException("option '" + name + "': a range needs an integer option");
        }
    }

    /** An option of no fixed vocabulary and no variants. */
    public OptionSpec(
            String name,
            OptionKind kind,
            boolean required,
            Optional<String> defaultValue,
            String description,
            boolean secret,
            List<String> allowedValues) {
        this(name, kind, required, defaultValue, description, secret, allowedValues, Map.of(), Optional.empty());
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

    /**
     * An optional mapping whose {@code type} key picks one of {@code variants}: each {@code type}
     * value and the string options that shape requires.
     */
    public static OptionSpec variants(String name, String description, Map<String, List<OptionSpec>> variants) {
        return new OptionSpec(
                name,
                OptionKind.STRING_MAP,
                false,
                Optional.empty(),
                description,
                false,
                List.of(),
                variants,
                Optional.empty());
    }

    /** This option with a documented default. */
    public OptionSpec withDefault(Object value) {
        return new OptionSpec(
                name,
                kind,
                required,
                Optional.of(String.valueOf(value)),
                description,
                secret,
                allowedValues,
                variants,
                range);
    }

    /** This option with a documented default when there is one, else as it is. */
    public OptionSpec withDefaultIfAny(Object value) {
        return value == null ? this : withDefault(value);
    }

    /** This option, marked as a credential. */
    public OptionSpec asSecret() {
        return new OptionSpec(name, kind, required, defaultValue, description, true, allowedValues, variants, range);
    }

    /** This integer option, accepting only {@code min} to {@code max} (inclusive). */
    public OptionSpec between(int min, int max) {
        return new OptionSpec(
                name,
                kind,
                required,
                defaultValue,
                description,
                secret,
                allowedValues,
                variants,
                Optional.of(new Range(min, max)));
    }
}
