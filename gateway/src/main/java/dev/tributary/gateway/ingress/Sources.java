package dev.tributary.gateway.ingress;

import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.PullSource;
import dev.tributary.core.source.PushSource;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every source of the mappings, built by the {@link SourceProvider} registered for its type.
 * Push sources are looked up by name for {@code /sources/{name}}; pull sources are started by
 * {@link #startPullSources()} once delivery is ready. Immutable after construction.
 */
public final class Sources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sources.class);

    private final Map<String, Source> byName = new LinkedHashMap<>();
    private final Map<String, PushSource> pushByName = new LinkedHashMap<>();

    /**
     * Builds every source; when one cannot be built, those already built are closed before the
     * exception propagates, so a failed start or reload leaks no client or thread.
     *
     * @throws IllegalArgumentException naming the source when its type has no provider in this
     *     build or its options cannot work
     */
    public Sources(Mappings mappings, SourceContext context, List<SourceProvider> installed) {
        Map<String, SourceProvider> providers = installed.stream()
                .collect(Collectors.toMap(
                        SourceProvider::type,
                        p -> p,
                        (a, b) -> {
                            throw new IllegalStateException("two providers for source type '" + a.type() + "'");
                        },
                        LinkedHashMap::new));
        try {
            for (SourceConfig config : mappings.sources().values()) {
                add(config, providers.get(config.type()), context, providers);
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void add(
            SourceConfig config,
            SourceProvider provider,
            SourceContext context,
            Map<String, SourceProvider> providers) {
        if (provider == null) {
            throw new IllegalArgumentException("source '" + config.name() + "': type '" + config.type()
                    + "' is not available in this build (available: " + String.join(", ", providers.keySet()) + ")");
        }
        Source source = provider.create(config, context);
        byName.put(config.name(), source);
        if (provider.declaration().push()) {
            if (!(source instanceof PushSource push)) {
                throw new IllegalStateException("the provider of source type '" + config.type()
                        + "' declares a push type but built no PushSource");
            }
            pushByName.put(config.name(), push);
        }
    }

    /** The providers registered on the class path ({@code META-INF/services}). */
    public static List<SourceProvider> installedProviders() {
        return ServiceLoader.load(SourceProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    public Optional<PushSource> push(String name) {
        return Optional.ofNullable(pushByName.get(name));
    }

    /** The pull sources by name, in file order. */
    public Map<String, PullSource> pullSources() {
        Map<String, PullSource> pull = new LinkedHashMap<>();
        byName.forEach((name, source) -> {
            if (source instanceof PullSource consumer) {
                pull.put(name, consumer);
            }
        });
        return pull;
    }

    /** Starts every pull source, in file order. */
    public void startPullSources() throws Exception {
        for (Map.Entry<String, Source> entry : byName.entrySet()) {
            if (entry.getValue() instanceof PullSource pull) {
                pull.start();
                LOG.info("source '{}' consuming", entry.getKey());
            }
        }
    }

    /** Closes every source, in reverse file order; a failure to close one does not stop the others. */
    @Override
    public void close() {
        List<Source> reversed = new ArrayList<>(byName.values());
        Collections.reverse(reversed);
        for (Source source : reversed) {
            try {
                source.close();
            } catch (RuntimeException e) {
                LOG.warn("closing a source failed", e);
            }
        }
    }
}
