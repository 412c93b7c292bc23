package dev.tributary.bench;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --name value} options of one sub-command. A missing required option, an option
 * without a value or a value of the wrong shape is an {@link IllegalArgumentException} naming it.
 */
public final class Args {

    private final Map<String, String> values = new HashMap<>();

    public Args(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String name = arguments.get(i);
            if (!name.startsWith("--") || i + 1 >= arguments.size()) {
                throw new IllegalArgumentException("expected '--name value', found '" + name + "'");
            }
            values.put(name.substring(2), arguments.get(++i));
        }
    }

    public String string(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing option --" + name);
        }
        return value;
    }

    public String string(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    public int integer(String name, int defaultValue) {
        return values.containsKey(name) ? parse(name, Integer::valueOf) : defaultValue;
    }

    public double decimal(String name) {
        return parse(name, Double::valueOf);
    }

    public URI uri(String name) {
        return parse(name, URI::create);
    }

    /** A duration in (fractional) seconds. */
    public Duration seconds(String name, double defaultValue) {
        double seconds = values.containsKey(name) ? parse(name, Double::valueOf) : defaultValue;
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private <T> T parse(String name, java.util.function.Function<String, T> parser) {
        String value = string(name);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + ": invalid value '" + value + "'", e);
        }
    }
}
