package dev.tributary.core.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.format.EventJson;
import dev.tributary.core.mapping.MappingException;
import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.testing.YamlTestKit;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs the transform test kit in {@code src/test/resources/transform-tck} (format in its README) through the real loader. */
class TransformTckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> transformTestKit() throws IOException, URISyntaxException {
        List<DynamicTest> tests = YamlTestKit.cases(
                "transform-tck",
                (suite, testCase) -> () -> run(testCase, testCase.getOrDefault("event", suite.get("event"))));
        assertTrue(tests.size() >= 14, "the kit should hold all its cases, found " + tests.size());
        return tests.stream();
    }

    private static void run(Map<String, Object> testCase, Object event) throws Exception {
        String mappings = mappingsWith(testCase);
        MappingLoader loader = new MappingLoader(variable -> null);
        if (testCase.containsKey("error")) {
            MappingException error = assertThrows(MappingException.class, () -> loader.load("tck.yaml", mappings));
            assertTrue(error.getMessage().contains((String) testCase.get("error")), error.getMessage());
            if (testCase.containsKey("errorLine")) {
                List<String> lines = mappings.lines().toList();
                int line = 1
                        + lines.indexOf(lines.stream()
                                .filter(l -> l.contains((String) testCase.get("errorLine")))
                                .findFirst()
                                .orElseThrow());
                assertEquals(
                        "tck.yaml:" + line,
                        error.errors().get(0).file() + ":"
                                + error.errors().get(0).line(),
                        mappings);
            }
            return;
        }
        JsonataTransform transform =
                loader.load("tck.yaml", mappings).routes().get(0).transform().orElseThrow();
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
        return YamlTestKit.mappingsWith(Map.of("transform", transform));
    }
}
