package dev.tributary.gateway.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Knative manifests in {@code infra/knative/} parse, use real apiVersions/kinds and reference each other correctly. */
class KnativeManifestsTest {

    private static final Path DIRECTORY = Path.of("..", "infra", "knative");
    private static final Set<String> KNOWN = Set.of(
            "v1/ConfigMap",
            "serving.knative.dev/v1/Service",
            "eventing.knative.dev/v1/Broker",
            "eventing.knative.dev/v1/Trigger",
            "sources.knative.dev/v1/SinkBinding");

    private static final List<Map<String, Object>> RESOURCES = new ArrayList<>();
    private static final Map<String, Map<String, Object>> BY_KEY = new HashMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    Map<String, Object> resource = (Map<String, Object>) document;
                    RESOURCES.add(resource);
                    BY_KEY.put(key(resource), resource);
                }
            }
        }
        assertFalse(RESOURCES.isEmpty());
    }

    @Test
    void everyResourceHasAKnownApiVersionAndKindAndANamespace() {
        for (Map<String, Object> resource : RESOURCES) {
            String type = resource.get("apiVersion") + "/" + resource.get("kind");
            assertTrue(KNOWN.contains(type), "unexpected " + type);
            assertEquals("events", at(resource, "metadata", "namespace"), key(resource));
        }
    }

    @Test
    void theTriggerPointsAtTheBrokerAndAnExistingService() {
        Map<String, Object> trigger = BY_KEY.get("Trigger/thumbnails");
        assertTrue(BY_KEY.containsKey("Broker/" + at(trigger, "spec", "broker")));
        Map<String, Object> subscriber = at(trigger, "spec", "subscriber", "ref");
        assertEquals("serving.knative.dev/v1", subscriber.get("apiVersion"));
        assertTrue(BY_KEY.containsKey("Service/" + subscriber.get("name")));
        List<?> filters = at(trigger, "spec", "filters");
        assertEquals(3, filters.size());
    }

    @Test
    void theSinkBindingBindsTheGatewayToTheBroker() {
        Map<String, Object> binding = BY_KEY.get("SinkBinding/tributary-to-broker");
        Map<String, Object> subject = at(binding, "spec", "subject");
        assertEquals("Service", subject.get("kind"));
        assertTrue(BY_KEY.containsKey("Service/" + subject.get("name")));
        Map<String, Object> sink = at(binding, "spec", "sink", "ref");
        assertTrue(BY_KEY.containsKey(sink.get("kind") + "/" + sink.get("name")));
        Map<String, Object> extensions = at(binding, "spec", "ceOverrides", "extensions");
        assertEquals("tributary", extensions.get("gateway"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGatewayMountsItsMappingsAndTheyLoad() {
        Map<String, Object> service = BY_KEY.get("Service/tributary");
        Map<String, Object> podSpec = at(service, "spec", "template", "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
        Map<String, Object> volume = ((List<Map<String, Object>>) podSpec.get("volumes")).get(0);
        String configMap = at(volume, "configMap", "name");
        Map<String, Object> mount = ((List<Map<String, Object>>) container.get("volumeMounts")).get(0);
        assertEquals(volume.get("name"), mount.get("name"));
        Map<String, Object> env = ((List<Map<String, Object>>) container.get("env")).get(0);
        assertEquals("TRIBUTARY_MAPPINGS", env.get("name"));
        String file = ((String) env.get("value")).substring(((String) mount.get("mountPath")).length() + 1);

        Map<String, Object> data = at(BY_KEY.get("ConfigMap/" + configMap), "data");
        Mappings mappings = new MappingLoader(v -> null).load(file, (String) data.get(file));
        assertEquals("knative-broker", mappings.sinks().get("broker").type());
        assertFalse(mappings.sinks().get("broker").options().has("url"), "the broker URL comes from K_SINK");
    }

    private static String key(Map<String, Object> resource) {
        return resource.get("kind") + "/" + at(resource, "metadata", "name");
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String step : path) {
            current = ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }
}
