package dev.tributary.gateway.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A routing test file ({@code mappings.test.yaml}): which mappings, and cases of a saved payload
 * from a source with what each decoded event must do.
 *
 * <pre>
 * mappings: aws.yaml              # relative to this file; default: this file's name without ".test"
 * tests:
 *   - name: a jpg upload makes a thumbnail
 *     source: uploads
 *     payload: s3-put.json        # relative to this file
 *     headers: { MessageId: m-1 } # optional transport headers or attributes
 *     expect:                     # one entry per decoded event, in order
 *       - routes: [thumbnails]    # exactly the routes whose filters pass
 *         attributes: { type: com.amazonaws.s3.ObjectCreated:Put }  # attributes of the decoded event
 *         transformed:            # attributes of the event a route delivers (after its transform)
 *           thumbnails: { type: com.example.image.uploaded }
 * </pre>
 *
 * @param mappings the mappings file
 * @param tests the cases, in file order
 */
public record RouteTests(Path mappings, List<Case> tests) {

    /**
     * One case.
     *
     * @param expect one expectation per decoded event
     */
    public record Case(String name, String source, Path payload, Map<String, String> headers, List<Expected> expect) {}

    /**
     * What one decoded event must do.
     *
     * @param routes the routes whose filters pass, or null when not checked
     * @param attributes attributes the decoded event has, with these values
     * @param transformed per route, attributes of the event it delivers
     */
    public record Expected(
            List<String> routes, Map<String, String> attributes, Map<String, Map<String, String>> transformed) {}

    /**
     * Reads a test file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong in it
     */
    public static RouteTests read(Path file) throws IOException {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        Path directory = file.toAbsolutePath().getParent();
        Map<String, Object> top = map(document, file + ": the file");
        String mappings = (String) top.get("mappings");
        if (mappings == null) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".test.yaml")) {
                throw new IllegalArgumentException(file + ": no 'mappings:' naming the mappings file");
            }
            mappings = name.substring(0, name.length() - ".test.yaml".length()) + ".yaml";
        }
        List<Case> cases = new ArrayList<>();
        List<?> tests = list(top.get("tests"), file + ": tests");
        for (int i = 0; i < tests.size(); i++) {
            String where = file + ": tests[" + i + "]";
            Map<String, Object> test = map(tests.get(i), where);
            List<Expected> expect = new ArrayList<>();
            for (Object item : list(test.get("expect"), where + ".expect")) {
                Map<String, Object> expected = map(item, where + ".expect");
                Map<String, Map<String, String>> transformed = new LinkedHashMap<>();
                map(expected.getOrDefault("transformed", Map.of()), where + ".transformed")
                        .forEach((route, attributes) ->
                                transformed.put(route, strings(attributes, where + ".transformed." + route)));
                List<String> routes = expected.containsKey("routes")
                        ? list(expected.get("routes"), where + ".routes").stream()
                                .map(String::valueOf)
                                .toList()
                        : null;
                expect.add(new Expected(
                        routes,
                        strings(expected.getOrDefault("attributes", Map.of()), where + ".attributes"),
                        transformed));
            }
            cases.add(new Case(
                    required(test, "name", where),
                    required(test, "source", where),
                    directory.resolve(required(test, "payload", where)),
                    strings(test.getOrDefault("headers", Map.of()), where + ".headers"),
                    expect));
        }
        return new RouteTests(directory.resolve(mappings), cases);
    }

    private static String required(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException(where + ": '" + key + "' is missing");
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + ": expected a mapping");
        }
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value, String where) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where + ": expected a list");
        }
        return list;
    }

    private static Map<String, String> strings(Object value, String where) {
        Map<String, String> strings = new LinkedHashMap<>();
        map(value, where).forEach((key, item) -> strings.put(key, String.valueOf(item)));
        return strings;
    }
}
