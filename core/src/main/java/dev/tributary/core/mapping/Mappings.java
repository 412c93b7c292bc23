package dev.tributary.core.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated and compiled mapping file. Immutable; every name a route mentions exists.
 *
 * @param origin where the mappings came from (a file name, or a description of the built-in default)
 * @param sources sources by name, in file order
 * @param sinks sinks by name, in file order
 * @param routes routes in file order
 */
public record Mappings(
        String origin, Map<String, SourceConfig> sources, Map<String, SinkConfig> sinks, List<CompiledRoute> routes) {

    public Optional<SourceConfig> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    /** The routes that take events from a source, in file order. */
    public List<CompiledRoute> routesFrom(String sourceName) {
        return routes.stream()
                .filter(route -> route.from().contains(sourceName))
                .toList();
    }

    /** How many of each there are, in words: {@code 1 source, 2 sinks, 1 route}. */
    public String summary() {
        return count(sources.size(), "source") + ", " + count(sinks.size(), "sink") + ", "
                + count(routes.size(), "route");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
