package dev.tributary.core.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A source or sink {@code type} as its provider declares it: the options it accepts and, for
 * sources, whether it listens for pushes on {@code POST /sources/{name}}. The loader refuses
 * options a type does not declare, so that a typo cannot silently fall back to a default.
 * Immutable.
 *
 * @param name the value of {@code type:}
 * @param description one sentence for the schema and the docs
 * @param push whether the source receives pushes (always false for sinks)
 * @param options every accepted option, in declaration order
 * @param rules how options combine, checked by the loader after each option is read
 */
public record ComponentType(
        String name, String description, boolean push, List<OptionSpec> options, List<OptionRule> rules) {

    public ComponentType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        options = List.copyOf(options);
        rules = List.copyOf(rules);
        Map<String, OptionSpec> seen = new LinkedHashMap<>();
        for (OptionSpec option : options) {
            if (option.name().equals("type") || seen.put(option.name(), option) != null) {
                throw new IllegalArgumentException("type '" + name + "' declares option '" + option.name() + "' twice");
            }
        }
    }

    /** A type whose options need no rule beyond each one's own shape. */
    public ComponentType(String name, String description, boolean push, List<OptionSpec> options) {
        this(name, description, push, options, List.of());
    }

    /** A pull source or a sink: nothing arrives on {@code POST /sources/{name}}. */
    public static ComponentType of(String name, String description, OptionSpec... options) {
        return new ComponentType(name, description, false, List.of(options));
    }

    /** A push source, answering {@code POST /sources/{name}}. */
    public static ComponentType push(String name, String description, OptionSpec... options) {
        return new ComponentType(name, description, true, List.of(options));
    }

    /**
     * This type with a shared vocabulary added: its options after this type's own, and the rule
     * that checks how they combine.
     */
    public ComponentType with(List<OptionSpec> moreOptions, OptionRule rule) {
        List<OptionSpec> allOptions = new ArrayList<>(options);
        allOptions.addAll(moreOptions);
        List<OptionRule> allRules = new ArrayList<>(rules);
        allRules.add(rule);
        return new ComponentType(name, description, push, allOptions, allRules);
    }

    /** The declared option of that name. */
    public Optional<OptionSpec> option(String optionName) {
        return options.stream()
                .filter(option -> option.name().equals(optionName))
                .findFirst();
    }

    /** The option names, in declaration order. */
    public List<String> optionNames() {
        return options.stream().map(OptionSpec::name).toList();
    }
}
