package dev.tributary.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.MappingException;
import dev.tributary.core.mapping.MappingLoader;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Runs the filter test kit in {@code src/test/resources/filter-tck} (format in its README) through the real loader. */
class FilterTckTest {

    private static final String DIRECTORY = "filter-tck";

    @TestFactory
    Stream<DynamicTest> filterTestKit() throws IOException, URISyntaxException {
        Path directory = Path.of(FilterTckTest.class.getClassLoader().getResource(DIRECTORY).toURI());
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                tests.addAll(casesOf(file));
            }
        }
        assertTrue(tests.size() > 40, "the kit should hold all its cases, found " + tests.size());
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
            String name = suite.get("name") + ": " + testCase.get("name");
            tests.add(DynamicTest.dynamicTest(name, () -> run(testCase)));
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    private static void run(Map<String, Object> testCase) {
        String mappings = mappingsWith((List<Object>) testCase.get("filters"));
        MappingLoader loader = new MappingLoader(variable -> null);
        if (testCase.containsKey("error")) {
            MappingException error = assertThrows(MappingException.class, () -> loader.load("tck.yaml", mappings));
            assertTrue(error.getMessage().contains((String) testCase.get("error")), error.getMessage());
            return;
        }
        EventFilter filter = loader.load("tck.yaml", mappings).routes().get(0).filter();
        CloudEvent event = event((Map<String, Object>) testCase.getOrDefault("event", Map.of()));
        boolean expected = (Boolean) testCase.get("result");
        assertEquals(expected, filter.test(event));
        if (!expected) {
            assertFalse(filter.test(event), "a failing filter fails every time");
        }
    }

    private static String mappingsWith(List<Object> filters) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("name", "tck");
        route.put("from", List.of("in"));
        route.put("to", List.of("out"));
        route.put("filters", filters);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", MappingLoader.API_VERSION);
        document.put("sources", Map.of("in", Map.of("type", "cloudevents", "auth", "none")));
        document.put("sinks", Map.of("out", Map.of("type", "log")));
        document.put("routes", List.of(route));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(document);
    }

    private static CloudEvent event(Map<String, Object> overrides) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", "1");
        attributes.put("source", "/tck");
        attributes.put("type", "com.example.default");
        attributes.put("subject", "default-subject");
        attributes.putAll(overrides);
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId((String) attributes.remove("id"))
                .withSource(URI.create((String) attributes.remove("source")))
                .withType((String) attributes.remove("type"));
        Object subject = attributes.remove("subject");
        if (subject != null) {
            builder.withSubject((String) subject);
        }
        Object time = attributes.remove("time");
        if (time != null) {
            builder.withTime(OffsetDateTime.parse((String) time));
        }
        attributes.forEach((name, value) -> builder.withExtension(name, String.valueOf(value)));
        return builder.build();
    }
}
