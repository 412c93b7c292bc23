package dev.tributary.core.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.format.EventJson;
import dev.tributary.core.mapping.MappingException;
import dev.tributary.core.mapping.MappingLoader;
import io.cloudevents.CloudEvent;
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
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Runs the transform test kit in {@code src/test/resources/transform-tck} (format in its README) through the real loader. */
class TransformTckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> transformTestKit() throws IOException, URISyntaxException {
        Path directory = Path.of(TransformTckTest.class.getClassLoader().getResource("transform-tck").toURI());
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                tests.addAll(casesOf(file));
            }
        }
        assertTrue(tests.size() >= 14, "the kit should hold all its cases, found " + tests.size());
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static List<DynamicTest> casesOf(Path file) {
        Map<String, Object> suite;
        try (InputStream in = Files.newInputStream(file)) {
            suite = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> testCase : (List<Map<String, Object>>) suite.get("tests")) {
            Object event = testCase.getOrDefault("event", suite.get("event"));
            tests.add(DynamicTest.dynamicTest(suite.get("name") + ": " + testCase.get("name"), () -> run(testCase, event)));
        }
        return tests;
    }

    private static void run(Map<String, Object> testCase, Object event) throws Exception {
        String mappings = mappingsWith(testCase);
        MappingLoader loader = new MappingLoader(variable -> null);
        if (testCase.containsKey("error")) {
            MappingException error = assertThrows(MappingException.class, () -> loader.load("tck.yaml", mappings));
            assertTrue(error.getMessage().contains((String) testCase.get("error")), error.getMessage());
            if (testCase.containsKey("errorLine")) {
                List<String> lines = mappings.lines().toList();
                int line = 1 + lines.indexOf(lines.stream().filter(l -> l.contains((String) testCase.get("errorLine"))).findFirst().orElseThrow());
                assertEquals("tck.yaml:" + line, error.errors().get(0).file() + ":" + error.errors().get(0).line(), mappings);
            }
            return;
        }
        JsonataTransform transform = loader.load("tck.yaml", mappings).routes().get(0).transform().orElseThrow();
        CloudEvent input = EventJson.read(JSON.valueToTree(event));
        if (testCase.containsKey("failure")) {
            TransformException failure = assertThrows(TransformException.class, () -> transform.apply(input));
            assertTrue(failure.getMessage().contains((String) testCase.get("failure")), failure.getMessage());
            assertTrue(failure.getMessage().lines().count() == 1, "one line: " + failure.getMessage());
            return;
        }
        JsonNode expected = JSON.valueToTree(testCase.get("expected"));
        assertEquals(expected, EventJson.tree(transform.apply(input)));
    }

    /** A file with the case's route (the expression as a block scalar when it spans lines). */
    private static String mappingsWith(Map<String, Object> testCase) {
        Map<String, Object> transform = new LinkedHashMap<>();
        if (testCase.containsKey("timeout")) {
            transform.put("timeout", testCase.get("timeout"));
        }
        transform.put("jsonata", testCase.get("jsonata"));
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("name", "tck");
        route.put("from", List.of("in"));
        route.put("to", List.of("out"));
        route.put("transform", transform);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", MappingLoader.API_VERSION);
        document.put("sources", Map.of("in", Map.of("type", "cloudevents")));
        document.put("sinks", Map.of("out", Map.of("type", "log")));
        document.put("routes", List.of(route));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setDefaultScalarStyle(DumperOptions.ScalarStyle.PLAIN);
        return new Yaml(options).dump(document);
    }
}
