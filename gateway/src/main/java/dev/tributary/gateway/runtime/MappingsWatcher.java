package dev.tributary.gateway.runtime;

import dev.tributary.gateway.MappingsSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Reloads the mappings when the content of their file changes (checked every
 * {@code tributary.mappings-reload-interval}, default 5 s; a Kubernetes ConfigMap update swaps
 * the file behind a symlink, which this sees). Nothing is watched when the gateway runs on the
 * built-in default. A file that fails to load is not tried again until it changes again.
 */
@Singleton
public class MappingsWatcher {

    private final MappingsSource source;
    private final LivePipeline pipeline;
    private Optional<String> loaded;

    public MappingsWatcher(MappingsSource source, LivePipeline pipeline) {
        this.source = source;
        this.pipeline = pipeline;
        this.loaded = source.fingerprint();
    }

    @Scheduled(fixedDelay = "${tributary.mappings-reload-interval:5s}", initialDelay = "${tributary.mappings-reload-interval:5s}")
    synchronized void check() {
        Optional<String> now = source.fingerprint();
        if (now.isPresent() && !now.equals(loaded)) {
            loaded = now;
            pipeline.reload();
        }
    }
}
