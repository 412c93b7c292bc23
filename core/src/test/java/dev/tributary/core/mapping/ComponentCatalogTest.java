package dev.tributary.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The loader validates against whatever declarations its catalog holds, and nothing else. */
class ComponentCatalogTest {

    private static final ComponentType HOOK = ComponentType.push(
            "acme-hook",
            "Pushes from Acme.",
            OptionSpec.required("token", OptionKind.STRING, "Shared token.").asSecret(),
            OptionSpec.oneOf("format", "Payload format.", "json", "xml").withDefault("json"));
    private static final ComponentType QUEUE = ComponentType.of(
            "acme-queue",
            "Pulls from Acme.",
            OptionSpec.optional("batch", OptionKind.POSITIVE_INTEGER, "Batch size.")
                    .withDefault(10));
    private static final ComponentType OUT = ComponentType.of("acme-out", "Sends to Acme.");

    private final MappingLoader loader =
            new MappingLoader(ComponentCatalog.of(List.of(HOOK, QUEUE), List.of(OUT)), variable -> null);

    @Test
    void aDeclaredTypeLoadsAndCarriesItsPushFlag() {
        Mappings mappings = loader.load("m.yaml", """
                apiVersion: tributary.dev/v1
                sources:
                  hook: { type: acme-hook, token: t, format: xml }
                  queue: { type: acme-queue, batch: 5 }
                sinks: { out: { type: acme-out } }
                routes: [ { name: r, from: [hook, queue], to: [out] } ]
                """);
        assertTrue(mappings.sources().get("hook").push());
        assertFalse(mappings.sources().get("queue").push());
        assertEquals(5, mappings.sources().get("queue").options().integer("batch", 10));
    }

    @Test
    void optionsAreCheckedAgainstTheDeclarations() {
        MappingException error = assertThrows(MappingException.class, () -> loader.load("m.yaml", """
                apiVersion: tributary.dev/v1
                sources:
                  hook: { type: acme-hook, format: yaml }
                  queue: { type: acme-queue, btach: 5 }
                sinks: { out: { type: acme-outt } }
                routes: [ { name: r, from: [hook, queue], to: [out] } ]
                """));
        assertEquals(
                List.of(
                        "m.yaml:3: source 'hook': format: unknown value 'yaml' (did you mean 'xml'?)",
                        "m.yaml:3: source 'hook': token: required option is missing for type 'acme-hook'",
                        "m.yaml:4: source 'queue': btach: unknown option for type 'acme-queue' (did you mean 'batch'?)",
                        "m.yaml:5: sink 'out': type: unknown sink type 'acme-outt' (did you mean 'acme-out'?)"),
                error.errors().stream().map(MappingError::toString).toList());
    }

    @Test
    void aTypeIsDeclaredOnce() {
        IllegalStateException twice =
                assertThrows(IllegalStateException.class, () -> ComponentCatalog.of(List.of(QUEUE, QUEUE), List.of()));
        assertEquals("two providers declare source type 'acme-queue'", twice.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> ComponentType.of(
                        "x",
                        "X.",
                        OptionSpec.optional("a", OptionKind.STRING, "A."),
                        OptionSpec.optional("a", OptionKind.BOOLEAN, "A.")));
    }
}
