package dev.tributary.gateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.delivery.BackoffPolicy;
import dev.tributary.core.delivery.DeliveryPolicy;
import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * What the gateway itself must agree with in {@code infra/kubernetes/} (the schemas and the
 * references between resources are checked by {@code infra/kubernetes/checks}): the mappings in
 * each ConfigMap load, with the {@code ${VARS}} the pod's environment gives them; the time a pod
 * is given to stop covers the longest delivery those mappings allow; probes reach the port the
 * management endpoints are served on; and every manifest names the image {@code infra/image/build.sh} builds.
 */
class KubernetesManifestsTest {

    private static final Path INFRA = Path.of(System.getProperty("user.dir")).resolveSibling("infra");

    @ParameterizedTest
    @ValueSource(strings = {"push", "pull"})
    void theMappingsLoadAndTheGracePeriodCoversTheLongestDelivery(String overlay) throws IOException {
        Map<String, Map<String, Object>> resources =
                resources(INFRA.resolve("kubernetes").resolve(overlay));
        Map<String, Object> workload = overlay.equals("push")
                ? resources.get("Service/tributary-push")
                : resources.get("Deployment/tributary-pull");
        Map<String, Object> pod = at(workload, "spec", "template", "spec");
        Map<String, Object> container = list(pod, "containers").get(0);
        Map<String, String> environment = environment(container, resources);

        String mappingsPath = environment.get("TRIBUTARY_MAPPINGS");
        Map<String, Object> mount = list(container, "volumeMounts").stream()
                .filter(m -> mappingsPath.startsWith(m.get("mountPath") + "/"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> volume = list(pod, "volumes").stream()
                .filter(v -> v.get("name").equals(mount.get("name")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> configMap = resources.get("ConfigMap/" + at(volume, "configMap", "name"));
        String key = mappingsPath.substring(((String) mount.get("mountPath")).length() + 1);
        Mappings mappings = new MappingLoader(environment::get).load(overlay + "/" + key, at(configMap, "data", key));
        assertFalse(mappings.routes().isEmpty());

        Duration longest = mappings.routes().stream()
                .map(CompiledRoute::delivery)
                .map(KubernetesManifestsTest::longestDelivery)
                .max(Duration::compareTo)
                .orElseThrow();
        Object grace = overlay.equals("push") ? pod.get("timeoutSeconds") : pod.get("terminationGracePeriodSeconds");
        assertNotNull(grace, overlay + ": no timeoutSeconds/terminationGracePeriodSeconds");
        assertTrue(
                Duration.ofSeconds(((Number) grace).longValue()).compareTo(longest) >= 0,
                overlay + ": " + grace + " s to stop, but a delivery may take " + longest);
    }

    @Test
    void probesTargetThePortTheManagementEndpointsAreServedOn() throws IOException {
        Map<String, Object> deployment =
                resources(INFRA.resolve("kubernetes/pull")).get("Deployment/tributary-pull");
        Map<String, Object> container =
                list(at(deployment, "spec", "template", "spec"), "containers").get(0);
        Map<String, Object> management = list(container, "ports").stream()
                .filter(p -> "management".equals(p.get("name")))
                .findFirst()
                .orElseThrow();
        assertEquals(
                String.valueOf(management.get("containerPort")),
                environment(container, Map.of()).get("ENDPOINTS_ALL_PORT"));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("management", at(container, probe, "httpGet", "port"), probe);
        }

        // Knative's runtime contract: probes target the serving port, so management is served there.
        Map<String, Object> service =
                resources(INFRA.resolve("kubernetes/push")).get("Service/tributary-push");
        Map<String, Object> user =
                list(at(service, "spec", "template", "spec"), "containers").get(0);
        Object serving = list(user, "ports").get(0).get("containerPort");
        assertEquals(String.valueOf(serving), environment(user, Map.of()).get("ENDPOINTS_ALL_PORT"));
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            assertEquals(serving, at(user, probe, "httpGet", "port"), probe);
        }
    }

    @Test
    void everyGatewayManifestNamesTheImageTheBuildMakes() throws IOException {
        String script = Files.readString(INFRA.resolve("image/build.sh"));
        String image = match(script, "(?m)^name=(\\S+)$") + ":" + match(script, "(?m)^tag=(\\S+)$");
        List<Path> manifests = new ArrayList<>(List.of(INFRA.resolve("knative/gateway.yaml")));
        try (Stream<Path> files = Files.walk(INFRA.resolve("kubernetes"))) {
            files.filter(f -> f.toString().endsWith(".yaml") && !f.toString().contains("node_modules"))
                    .forEach(manifests::add);
        }
        int gateways = 0;
        for (Path manifest : manifests) {
            Matcher images = Pattern.compile("(?m)^\\s*-?\\s*image: (\\S+)").matcher(Files.readString(manifest));
            while (images.find()) {
                assertEquals(image, images.group(1), manifest.toString());
                gateways++;
            }
        }
        assertEquals(3, gateways, "gateway containers in " + manifests);
    }

    /** Every attempt timing out, and every backoff between them. */
    private static Duration longestDelivery(DeliveryPolicy policy) {
        Duration total = policy.timeout().multipliedBy(policy.retry() + 1L);
        for (int k = 1; k <= policy.retry(); k++) {
            total = total.plus(policy.backoffDelay()
                    .multipliedBy(policy.backoffPolicy() == BackoffPolicy.EXPONENTIAL ? 1L << (k - 1) : k));
        }
        return total;
    }

    /** The container's literal and ConfigMap-referenced environment. */
    private static Map<String, String> environment(
            Map<String, Object> container, Map<String, Map<String, Object>> resources) {
        Map<String, String> environment = new HashMap<>();
        for (Map<String, Object> variable : list(container, "env")) {
            Map<String, Object> ref = at(variable, "valueFrom", "configMapKeyRef");
            String value = ref == null
                    ? (String) variable.get("value")
                    : at(resources.get("ConfigMap/" + ref.get("name")), "data", (String) ref.get("key"));
            environment.put((String) variable.get("name"), value);
        }
        return environment;
    }

    /** The resources of a Kustomize directory, by kind/name: its own files and those of the directories it includes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> resources(Path directory) throws IOException {
        Map<String, Map<String, Object>> resources = new HashMap<>();
        Map<String, Object> kustomization = new Yaml().load(Files.readString(directory.resolve("kustomization.yaml")));
        for (String entry : (List<String>) kustomization.get("resources")) {
            Path path = directory.resolve(entry).normalize();
            if (Files.isDirectory(path)) {
                resources.putAll(resources(path));
                continue;
            }
            for (Object document : new Yaml().loadAll(Files.readString(path))) {
                Map<String, Object> resource = (Map<String, Object>) document;
                resources.put(resource.get("kind") + "/" + at(resource, "metadata", "name"), resource);
            }
        }
        return resources;
    }

    private static String match(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), regex);
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> node, String key) {
        return (List<Map<String, Object>>) node.getOrDefault(key, List.of());
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String step : path) {
            current = current == null ? null : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }
}
