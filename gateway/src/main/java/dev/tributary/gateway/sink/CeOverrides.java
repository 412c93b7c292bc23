package dev.tributary.gateway.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The extensions of Knative's {@code K_CE_OVERRIDES} ({@code {"extensions":{"name":"value"}}}),
 * set on every event the gateway sends, whichever sink. Immutable.
 *
 * @see <a href="https://github.com/knative/specs/blob/main/specs/eventing/sources.md#sinkbinding">Knative source contract</a>
 */
public final class CeOverrides {

    public static final CeOverrides NONE = new CeOverrides(Map.of());

    private final Map<String, String> extensions;

    private CeOverrides(Map<String, String> extensions) {
        this.extensions = Map.copyOf(extensions);
    }

    /**
     * Parses the variable's value; blank means no overrides.
     *
     * @throws IllegalArgumentException when the value is not the JSON Knative documents
     */
    public static CeOverrides parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("K_CE_OVERRIDES is not JSON: " + e.getMessage(), e);
        }
        JsonNode node = root.path("extensions");
        if (!node.isObject()) {
            throw new IllegalArgumentException("K_CE_OVERRIDES must look like {\"extensions\":{\"name\":\"value\"}}");
        }
        Map<String, String> extensions = new LinkedHashMap<>();
        node.fields()
                .forEachRemaining(
                        field -> extensions.put(field.getKey(), field.getValue().asText()));
        return new CeOverrides(extensions);
    }

    public CloudEvent apply(CloudEvent event) {
        if (extensions.isEmpty()) {
            return event;
        }
        CloudEventBuilder builder = CloudEventBuilder.from(event);
        extensions.forEach(builder::withExtension);
        return builder.build();
    }
}
