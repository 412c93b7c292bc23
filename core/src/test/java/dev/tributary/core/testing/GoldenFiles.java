package dev.tributary.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tributary.core.decode.InboundPayload;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Golden-file cases for decoders, shared by every module through core's test jar.
 *
 * <p>A case directory on the test class path holds {@code <case>.input.json} with either
 * {@code <case>.expected.json} (a JSON array of CloudEvents in the JSON format) or, for a case
 * named {@code fail_*}, nothing: the decoder must refuse the input. Optional
 * {@code <case>.headers.json} holds transport headers or attributes as a JSON object. Events are
 * compared as JSON trees in canonical form, so key order, whitespace and the spelling of equal
 * timestamps do not matter.
 */
public final class GoldenFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFormat FORMAT = new JsonFormat();

    private GoldenFiles() {}

    /** The case names (file names without {@code .input.json}) in a class-path directory, sorted. */
    public static Stream<String> cases(String directory) {
        URL url = GoldenFiles.class.getClassLoader().getResource(directory);
        if (url == null) {
            throw new IllegalArgumentException("no test resource directory " + directory);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<String> names = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".input.json"))
                    .map(name -> name.substring(0, name.length() - ".input.json".length()))
                    .sorted()
                    .toList();
            if (names.isEmpty()) {
                throw new IllegalArgumentException("no *.input.json cases in " + directory);
            }
            return names.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a case expects the decoder to refuse its input. */
    public static boolean isFailure(String caseName) {
        return caseName.startsWith("fail_");
    }

    public static byte[] input(String directory, String caseName) {
        return bytes(directory + "/" + caseName + ".input.json");
    }

    /** The case's input with its headers, as a decoder receives it. */
    public static InboundPayload payload(String directory, String caseName) {
        Map<String, String> headers = new HashMap<>();
        headers(directory, caseName)
                .properties()
                .forEach(field -> headers.put(field.getKey(), field.getValue().asText()));
        return new InboundPayload(headers, input(directory, caseName));
    }

    /** The case's headers, or an empty object. */
    public static JsonNode headers(String directory, String caseName) {
        String resource = directory + "/" + caseName + ".headers.json";
        if (GoldenFiles.class.getClassLoader().getResource(resource) == null) {
            return JSON.createObjectNode();
        }
        return tree(bytes(resource));
    }

    /** Asserts that the events serialize to the JSON tree of {@code <case>.expected.json}. */
    public static void assertMatches(String directory, String caseName, List<CloudEvent> actual) {
        ArrayNode expected = JSON.createArrayNode();
        for (JsonNode event : tree(bytes(directory + "/" + caseName + ".expected.json"))) {
            expected.add(canonical(event));
        }
        ArrayNode produced = JSON.createArrayNode();
        for (CloudEvent event : actual) {
            produced.add(tree(FORMAT.serialize(event)));
        }
        assertEquals(expected, produced, () -> "case " + caseName + ": produced\n" + produced.toPrettyString());
    }

    /**
     * An expected event in the canonical form of the CloudEvents JSON format as cloudevents-java
     * writes it, so that equal values spelt differently (a time written {@code .300Z} or
     * {@code .3Z}) compare equal while every attribute and the data still must match.
     */
    private static JsonNode canonical(JsonNode event) {
        return tree(FORMAT.serialize(FORMAT.deserialize(event.toString().getBytes(StandardCharsets.UTF_8))));
    }

    public static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
