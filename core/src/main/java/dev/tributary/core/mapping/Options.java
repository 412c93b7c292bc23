package dev.tributary.core.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated options of one source or sink, with environment variables already substituted.
 * Values have the shape their {@link OptionKind} declares, so the typed getters never fail on a
 * file that loaded. Immutable.
 */
public final class Options {

    private final Map<String, Object> values;

    Options(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public static Options of(Map<String, Object> values) {
        return new Options(values);
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    public boolean bool(String name, boolean defaultValue) {
        Object value = values.get(name);
        return value == null ? defaultValue : (Boolean) value;
    }

    public int integer(String name, int defaultValue) {
        Object value = values.get(name);
        return value == null ? defaultValue : (Integer) value;
    }

    @SuppressWarnings("unchecked")
    public List<String> stringList(String name) {
        Object value = values.get(name);
        return value == null ? List.of() : (List<String>) value;
    }

    /** A mapping option ({@code headers:}, a sink's {@code auth:}), in file order; empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, String> stringMap(String name) {
        Object value = values.get(name);
        return value == null ? Map.of() : (Map<String, String>) value;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    @Override
    public String toString() {
        return values.keySet().toString();
    }
}
