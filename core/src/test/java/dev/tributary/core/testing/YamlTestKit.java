package dev.tributary.core.testing;

import dev.tributary.core.mapping.MappingLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Data-driven test kits in YAML (the filter and transform kits): every {@code *.yaml} file of a
 * class-path directory is a suite with a {@code name} and a list of {@code tests}, each run as one
 * dynamic test named {@code suite: case}; cases run through a one-route mapping file.
 */
public final class YamlTestKit {

    /** How one case runs, given its suite (for shared values) and the case. */
    @FunctionalInterface
    public interface CaseRunner {
        Executable of(Map<String, Object> suite, Map<String, Object> testCase);
    }

    private YamlTestKit() {}

    /** Every case of every suite in {@code directory}, files in name order. */
    public static List<DynamicTest> cases(String directory, CaseRunner runner) throws IOException, URISyntaxException {
        Path root = Path.of(
                YamlTestKit.class.getClassLoader().getResource(directory).toURI());
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                tests.addAll(casesOf(file, runner));
            }
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    private static List<DynamicTest> casesOf(Path file, CaseRunner runner) {
        Map<String, Object> suite;
        try (InputStream in = Files.newInputStream(file)) {
            suite = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> testCase : (List<Map<String, Object>>) suite.get("tests")) {
            tests.add(DynamicTest.dynamicTest(
                    suite.get("name") + ": " + testCase.get("name"), runner.of(suite, testCase)));
        }
        return tests;
    }

    /**
     * A mapping file with one {@code cloudevents} source {@code in}, one {@code log} sink
     * {@code out} and one route {@code tck} from one to the other, with {@code fields} added to the route.
     */
    public static String mappingsWith(Map<String, Object> fields) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("name", "tck");
        route.put("from", List.of("in"));
        route.put("to", List.of("out"));
        route.putAll(fields);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", MappingLoader.API_VERSION);
        document.put("sources", Map.of("in", Map.of("type", "cloudevents", "auth", "none")));
        document.put("sinks", Map.of("out", Map.of("type", "log")));
        document.put("routes", List.of(route));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(document);
    }
}
