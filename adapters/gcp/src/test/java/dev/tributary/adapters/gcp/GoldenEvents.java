package dev.tributary.adapters.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tributary.core.testing.GoldenFiles;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Golden comparison on top of core's {@link GoldenFiles}, with one difference: the expected events
 * are read with the CloudEvents JSON format and written again before the trees are compared, so
 * that an RFC 3339 {@code time} written with trailing zeros ({@code 09:26:55.300Z}, as the shared
 * fixtures do) equals the same instant as cloudevents-java writes it ({@code 09:26:55.3Z}).
 * Everything else, data included, is compared as JSON trees.
 */
public final class GoldenEvents {

    private static final JsonFormat FORMAT = new JsonFormat();

    private GoldenEvents() {
    }

    public static void assertMatches(String directory, String caseName, List<CloudEvent> actual) {
        ArrayNode expected = JsonNodeFactory.instance.arrayNode();
        for (JsonNode event : GoldenFiles.tree(resource(directory + "/" + caseName + ".expected.json"))) {
            expected.add(tree(FORMAT.deserialize(event.toString().getBytes(StandardCharsets.UTF_8))));
        }
        ArrayNode produced = JsonNodeFactory.instance.arrayNode();
        actual.forEach(event -> produced.add(tree(event)));
        assertEquals(expected, produced, () -> "case " + caseName + ": produced\n" + produced.toPrettyString());
    }

    /** The case's headers as a map (empty when it has none). */
    public static Map<String, String> headers(String directory, String caseName) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        GoldenFiles.headers(directory, caseName).properties()
                .forEach(field -> headers.put(field.getKey(), field.getValue().asText()));
        return headers;
    }

    private static JsonNode tree(CloudEvent event) {
        return GoldenFiles.tree(FORMAT.serialize(event));
    }

    private static byte[] resource(String name) {
        try (InputStream in = GoldenEvents.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
