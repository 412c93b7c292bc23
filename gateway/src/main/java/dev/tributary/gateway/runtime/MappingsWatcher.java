package dev.tributary.gateway.runtime;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Checks the mappings file for changes every {@code tributary.mappings-reload-interval} (default
 * 5 s) and has {@link LivePipeline#reloadIfChanged()} take them over; a Kubernetes ConfigMap
 * update swaps the file behind a symlink, which this sees.
 */
@Singleton
public class MappingsWatcher {

    private final LivePipeline pipeline;

    public MappingsWatcher(LivePipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Scheduled(fixedDelay = "${tributary.mappings-reload-interval:5s}", initialDelay = "${tributary.mappings-reload-interval:5s}")
    void check() {
        pipeline.reloadIfChanged();
    }
}
