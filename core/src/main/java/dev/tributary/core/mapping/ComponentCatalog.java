package dev.tributary.core.mapping;

import dev.tributary.core.sink.SinkProvider;
import dev.tributary.core.source.SourceProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The source and sink types a build of the gateway knows, gathered from the declarations of its
 * {@link SourceProvider}s and {@link SinkProvider}s: the loader validates against it, and the JSON
 * Schema and the option tables of {@code docs/route-mappings.md} are generated from it. Types
 * are kept sorted by name, so everything derived is stable. Immutable and thread-safe.
 */
public final class ComponentCatalog {

    private final Map<String, ComponentType> sources;
    private final Map<String, ComponentType> sinks;

    private ComponentCatalog(Map<String, ComponentType> sources, Map<String, ComponentType> sinks) {
        this.sources = sources;
        this.sinks = sinks;
    }

    /**
     * A catalog of these declarations; each sink type also gets the {@link SinkLimits#OPTIONS}.
     *
     * @throws IllegalStateException when two declarations name the same type
     */
    public static ComponentCatalog of(Collection<ComponentType> sources, Collection<ComponentType> sinks) {
        return new ComponentCatalog(
                index(sources, "source"),
                index(sinks.stream().map(ComponentCatalog::withLimits).toList(), "sink"));
    }

    /** A sink type with the options every sink accepts ({@link SinkLimits#OPTIONS}) after its own. */
    private static ComponentType withLimits(ComponentType sink) {
        List<OptionSpec> options = new ArrayList<>(sink.options());
        options.addAll(SinkLimits.OPTIONS);
        return new ComponentType(sink.name(), sink.description(), sink.push(), options, sink.rules());
    }

    /** The declarations of the providers registered on the class path ({@code META-INF/services}). */
    public static ComponentCatalog installed() {
        return of(
                ServiceLoader.load(SourceProvider.class).stream()
                        .map(p -> p.get().declaration())
                        .toList(),
                ServiceLoader.load(SinkProvider.class).stream()
                        .map(p -> p.get().declaration())
                        .toList());
    }

    /** Source types by name, sorted. */
    public Map<String, ComponentType> sources() {
        return sources;
    }

    /** Sink types by name, sorted. */
    public Map<String, ComponentType> sinks() {
        return sinks;
    }

    /** The declaration of a source type. */
    public Optional<ComponentType> source(String type) {
        return Optional.ofNullable(sources.get(type));
    }

    private static Map<String, ComponentType> index(Collection<ComponentType> types, String kind) {
        Map<String, ComponentType> byName = new LinkedHashMap<>();
        types.stream().sorted(Comparator.comparing(ComponentType::name)).forEach(type -> {
            if (byName.put(type.name(), type) != null) {
                throw new IllegalStateException("two providers declare " + kind + " type '" + type.name() + "'");
            }
        });
        return java.util.Collections.unmodifiableMap(byName);
    }
}
