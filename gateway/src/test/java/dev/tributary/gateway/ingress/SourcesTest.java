package dev.tributary.gateway.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.source.CloudEventsSourceProvider;
import dev.tributary.core.source.SourceContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcesTest {

    private static final SourceContext NO_CONTEXT = SourceContext.of((source, events) -> {
        throw new UnsupportedOperationException();
    });

    private static final Mappings MAPPINGS = new MappingLoader(v -> null).load("m.yaml", """
            apiVersion: tributary.dev/v1
            sources:
              hooks: { type: cloudevents, auth: none }
              queue: { type: gcp-pubsub, subscription: projects/p/subscriptions/s }
            sinks:
              out: { type: log }
            routes:
              - { name: r, from: [hooks, queue], to: [out] }
            """);

    @Test
    void aSourceTypeWithoutProviderIsRefusedNamingSourceAndType() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> new Sources(MAPPINGS, NO_CONTEXT, List.of(new CloudEventsSourceProvider())));
        assertEquals(
                "source 'queue': type 'gcp-pubsub' is not available in this build (available: cloudevents)",
                error.getMessage());
    }

    @Test
    void pushSourcesAreFoundByName() {
        Mappings pushOnly = new MappingLoader(v -> null).load("m.yaml", """
                apiVersion: tributary.dev/v1
                sources: { hooks: { type: cloudevents, auth: none } }
                sinks: { out: { type: log } }
                routes: [ { name: r, from: [hooks], to: [out] } ]
                """);
        try (Sources sources = new Sources(pushOnly, NO_CONTEXT, List.of(new CloudEventsSourceProvider()))) {
            assertTrue(sources.push("hooks").isPresent());
            assertTrue(sources.push("nope").isEmpty());
        }
    }

    @Test
    void installedProvidersIncludeCore() {
        assertTrue(Sources.installedProviders().stream().anyMatch(p -> p.type().equals("cloudevents")));
    }
}
