package dev.tributary.gateway.ingress;

import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.push.CloudEventsPushSource;
import dev.tributary.core.push.PushSource;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The push sources of the mappings, by name, built at start-up. Immutable after construction. */
@Singleton
public class PushSources {

    private final Map<String, PushSource> byName = new LinkedHashMap<>();

    public PushSources(Mappings mappings) {
        for (SourceConfig source : mappings.sources().values()) {
            if (source.isPush()) {
                byName.put(source.name(), create(source));
            }
        }
    }

    public Optional<PushSource> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static PushSource create(SourceConfig source) {
        if (source.type().equals("cloudevents")) {
            return new CloudEventsPushSource();
        }
        throw new IllegalArgumentException("source '" + source.name() + "': type '" + source.type()
                + "' is not available in this build of the gateway");
    }
}
