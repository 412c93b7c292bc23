package dev.tributary.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in the project's {@code mappings/} directory must pass both the JSON Schema that
 * editors use and the gateway's loader (with every provider of the gateway installed). That the
 * schema describes exactly the providers' declarations is {@link GeneratedFilesTest}'s job.
 */
class MappingExamplesTest {

    private static final Path MAPPINGS = Path.of("..", "mappings");
    private static final Path SCHEMA = MAPPINGS.resolve("tributary-mappings.schema.json");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(MAPPINGS)) {
            var examples =
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertFalse(examples.isEmpty(), "no examples in " + MAPPINGS.toAbsolutePath());
            return examples.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleValidatesAgainstTheSchema(Path example) throws IOException {
        Set<ValidationMessage> problems = schema().validate(YAML.readTree(example.toFile()));
        assertEquals(Set.of(), problems, example + " does not match the schema");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleLoads(Path example) {
        Mappings mappings = new MappingLoader(variable -> "value-of-" + variable).load(example);
        assertFalse(mappings.routes().isEmpty(), example + " has no routes");
    }

    @Test
    void schemaRejectsWhatTheLoaderRejects() throws IOException {
        JsonNode broken = YAML.readTree("""
                apiVersion: tributary.dev/v1
                sources: { in: { type: cloudevents, colour: blue } }
                sinks: { out: { type: http, url: http://x/, mode: fancy } }
                routes: [ { name: r, from: [in], to: [out], filters: [ { prefix: { type: a, source: b } } ] } ]
                """);
        Set<ValidationMessage> problems = schema().validate(broken);
        String all = problems.toString();
        assertTrue(all.contains("colour"), all);
        assertTrue(all.contains("fancy") || all.contains("mode"), all);
        assertTrue(all.contains("prefix"), all);
    }

    private static JsonSchema schema() throws IOException {
        try (var in = Files.newInputStream(SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }
}
