package dev.tributary.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.mapping.MappingException;
import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.testing.YamlTestKit;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs the filter test kit in {@code src/test/resources/filter-tck} (format in its README) through the real loader. */
class FilterTckTest {

    private static final String DIRECTORY = "filter-tck";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> filterTestKit() throws IOException, URISyntaxException {
        List<DynamicTest> tests = YamlTestKit.cases(DIRECTORY, (suite, testCase) -> () -> run(testCase));
        assertTrue(tests.size() > 40, "the kit should hold all its cases, found " + tests.size());
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static void run(Map<String, Object> testCase) {
        String mappings = YamlTestKit.mappingsWith(Map.of("filters", testCase.get("filters")));
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
        Object data = attributes.remove("data");
        if (data != null) {
            try {
                builder.withData("application/json", JSON.writeValueAsBytes(data));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
        attributes.forEach((name, value) -> builder.withExtension(name, String.valueOf(value)));
        return builder.build();
    }
}
