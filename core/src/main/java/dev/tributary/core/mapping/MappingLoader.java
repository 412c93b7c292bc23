package dev.tributary.core.mapping;

import dev.tributary.core.mapping.ComponentParser.Component;
import dev.tributary.core.mapping.ParseContext.Field;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads a route-mapping file: YAML → validation (every error, located) → compiled {@link Mappings}.
 *
 * <p>A file with any error is refused as a whole by a {@link MappingException} listing all of them
 * as {@code FILE:LINE: route 'x': field: message}. Thread-safe: each load has its own state.
 *
 * <p>The file format is documented in {@code docs/route-mappings.md} of the repository.
 */
public final class MappingLoader {

    /** The only {@code apiVersion} this loader reads: {@value}. */
    public static final String API_VERSION = "tributary.dev/v1";

    private static final List<String> TOP_LEVEL = List.of("apiVersion", "sources", "sinks", "routes");

    private final ComponentCatalog catalog;
    private final Function<String, String> environment;

    /**
     * A loader for the types of the providers installed on the class path
     * ({@link ComponentCatalog#installed()}) that substitutes {@code ${VAR}} from the process environment.
     */
    public MappingLoader() {
        this(System::getenv);
    }

    /** A loader for the installed types with an explicit environment (tests, or a managed config source). */
    public MappingLoader(Function<String, String> environment) {
        this(ComponentCatalog.installed(), environment);
    }

    /** A loader for the types of {@code catalog} with an explicit environment. */
    public MappingLoader(ComponentCatalog catalog, Function<String, String> environment) {
        this.catalog = catalog;
        this.environment = environment;
    }

    /**
     * Loads a file.
     *
     * @throws MappingException when the file does not validate, or cannot be read
     */
    public Mappings load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MappingException(List.of(new MappingError(file.toString(), 1, "", "", "cannot read file: " + e)));
        }
        return load(file.toString(), text);
    }

    /**
     * Loads mappings from text.
     *
     * @param origin the name errors use for the file
     * @throws MappingException when the text does not validate
     */
    public Mappings load(String origin, String text) {
        ParseContext ctx = new ParseContext(origin, new EnvSubstitution(environment));
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new MappingException(
                    List.of(new MappingError(origin, line, "", "", "not valid YAML: " + e.getProblem())));
        }
        if (root == null) {
            throw new MappingException(List.of(new MappingError(origin, 1, "", "", "the file is empty")));
        }
        Mappings mappings = parse(ctx, root, origin);
        if (!ctx.errors().isEmpty()) {
            throw new MappingException(ctx.errors().stream()
                    .sorted(Comparator.comparingInt(MappingError::line))
                    .collect(Collectors.toList()));
        }
        return mappings;
    }

    private Mappings parse(ParseContext ctx, Node root, String origin) {
        Map<String, Field> top = ctx.mapping(root, "", "");
        if (top == null) {
            return null;
        }
        ctx.rejectUnknown(top, TOP_LEVEL, "", "");
        Field apiVersion = top.get("apiVersion");
        if (apiVersion == null) {
            ctx.error(root, "", "apiVersion", "required field is missing (use '" + API_VERSION + "')");
        } else {
            String version = ctx.string(apiVersion.value(), "", "apiVersion");
            if (version != null && !version.equals(API_VERSION)) {
                ctx.error(
                        apiVersion.value(),
                        "",
                        "apiVersion",
                        "unsupported version '" + version + "' (use '" + API_VERSION + "')");
            }
        }
        ComponentParser sourceParser = new ComponentParser(ctx, "source", catalog.sources());
        ComponentParser sinkParser = new ComponentParser(ctx, "sink", catalog.sinks());
        Map<String, Component> sources = section(ctx, top, root, "sources", sourceParser);
        Map<String, Component> sinks = section(ctx, top, root, "sinks", sinkParser);
        Set<String> pushSources = sources.values().stream()
                .filter(source -> source.type().push())
                .map(Component::name)
                .collect(Collectors.toSet());
        RouteParser routeParser = new RouteParser(ctx, sourceParser.declared(), pushSources, sinkParser.declared());
        Field routes = top.get("routes");
        if (routes == null) {
            ctx.error(root, "", "routes", "required field is missing");
            return null;
        }
        List<CompiledRoute> compiled = routeParser.parse(routes.value());
        Map<String, SourceConfig> sourceConfigs = new LinkedHashMap<>();
        sources.values()
                .forEach(s -> sourceConfigs.put(
                        s.name(),
                        new SourceConfig(
                                s.name(), s.type().name(), s.options(), s.type().push())));
        Map<String, SinkConfig> sinkConfigs = new LinkedHashMap<>();
        sinks.values()
                .forEach(s -> sinkConfigs.put(
                        s.name(), new SinkConfig(s.name(), s.type().name(), s.options())));
        return new Mappings(
                origin,
                java.util.Collections.unmodifiableMap(sourceConfigs),
                java.util.Collections.unmodifiableMap(sinkConfigs),
                List.copyOf(compiled));
    }

    private static Map<String, Component> section(
            ParseContext ctx, Map<String, Field> top, Node root, String name, ComponentParser parser) {
        Field field = top.get(name);
        if (field == null) {
            ctx.error(root, "", name, "required field is missing");
            return Map.of();
        }
        return parser.parse(field.value(), name);
    }
}
