package dev.tributary.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared vocabularies as a type declares them: added once to any type, with their rule, and
 * described by the generated schema and option tables (mappings, the {@code auth:} shapes, secrets).
 */
class SharedVocabularyTest {

    private static final ComponentType HOOK = IngressAuthOptions.addTo(
            ComponentType.push("acme-hook", "Pushes from Acme."), IngressAuthOptions.Profile.CLOUDEVENTS);
    private static final ComponentType OUT = OutboundAuthOptions.addTo(
            ComponentType.of("acme-out", "Sends to Acme.", OptionSpec.required("url", OptionKind.STRING, "Where.")));
    private static final ComponentCatalog CATALOG = ComponentCatalog.of(List.of(HOOK), List.of(OUT));

    @Test
    void theVocabularyAndItsRuleAreAddedToTheType() {
        assertEquals(List.of("auth", "jwksUrl", "issuer", "audience", "subjects", "secret"), HOOK.optionNames());
        assertTrue(HOOK.option("secret").orElseThrow().secret());
        assertEquals(1, HOOK.rules().size());
        assertEquals(List.of("url", "headers", "auth"), OUT.optionNames());
        assertTrue(OUT.option("headers").orElseThrow().secret());
        assertFalse(OUT.option("auth").orElseThrow().secret(), "only the token inside auth is a secret");
        assertThrows(
                IllegalArgumentException.class,
                () -> IngressAuthOptions.addTo(HOOK, IngressAuthOptions.Profile.CLOUDEVENTS),
                "a vocabulary is added once");
    }

    @Test
    void theRulesRunInTheLoader() {
        MappingLoader loader = new MappingLoader(CATALOG, variable -> null);
        MappingException refused = assertThrows(MappingException.class, () -> loader.load("m.yaml", """
                apiVersion: tributary.dev/v1
                sources: { in: { type: acme-hook } }
                sinks: { out: { type: acme-out, url: "http://x/", auth: { type: bearr, token: t } } }
                routes: [ { name: r, from: [in], to: [out] } ]
                """));
        List<String> errors =
                refused.errors().stream().map(MappingError::toString).toList();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("source 'in': auth: no authentication configured"), errors.get(0));
        assertTrue(errors.get(1).contains("unknown credential type 'bearr' (did you mean 'bearer'?)"), errors.get(1));
    }

    @Test
    void theSchemaDescribesMappingsAndTheAuthShapes() throws Exception {
        JsonNode schema = ComponentSchema.withComponents(new ObjectMapper().readTree("""
                {"properties": {"sources": {}, "sinks": {}}}"""), CATALOG);
        JsonNode sink = schema.at("/properties/sinks/additionalProperties/allOf/0/then/properties");
        assertEquals("object", sink.at("/headers/type").asText());
        assertEquals("string", sink.at("/headers/additionalProperties/type").asText());
        assertTrue(sink.at("/headers/writeOnly").asBoolean());
        JsonNode auth = sink.get("auth");
        assertEquals("[\"type\"]", auth.get("required").toString());
        assertEquals(
                List.copyOf(OutboundAuthOptions.TYPES.keySet()),
                new ObjectMapper().convertValue(auth.at("/properties/type/enum"), List.class));
        JsonNode bearer = auth.at("/oneOf/3");
        assertEquals("bearer", bearer.at("/properties/type/const").asText());
        assertEquals("[\"type\",\"token\"]", bearer.get("required").toString());
        assertTrue(bearer.at("/properties/token/writeOnly").asBoolean());
        assertFalse(bearer.get("additionalProperties").asBoolean());
        JsonNode sigv4 = auth.at("/oneOf/2");
        assertEquals("[\"type\",\"service\",\"region\"]", sigv4.get("required").toString());
    }

    @Test
    void theTablesNameTheShapes() {
        String tables = OptionTables.markdown(CATALOG);
        assertTrue(tables.contains("| `headers` | a mapping of names to strings | no |  |"), tables);
        assertTrue(
                tables.contains("`aws-sigv4` (with `service` and `region`), `bearer` (with `token`, secret)"), tables);
        assertTrue(tables.contains("| `secret` | a string | no |  |"), tables);
    }
}
