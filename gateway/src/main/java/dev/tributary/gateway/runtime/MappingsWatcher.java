package dev.tributary.gateway.runtime;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the mappings file for changes every {@code tributary.mappings-reload-interval} (default
 * 5 s) and has {@link LivePipeline#reloadIfChanged()} take them over; a Kubernetes ConfigMap
 * update swaps the file behind a symlink, which this sees.
 *
 * <p>Created with the application context and timed by its own daemon thread, stopped when the
 * context stops: a check never creates a bean, so one falling inside shutdown cannot build a fresh
 * {@link LivePipeline} (and start its pull sources) while the gateway stops.
 */
@Context
public class MappingsWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MappingsWatcher.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tributary-mappings-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public MappingsWatcher(
            LivePipeline pipeline, @Value("${tributary.mappings-reload-interval:5s}") Duration interval) {
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        pipeline.reloadIfChanged();
                    } catch (RuntimeException e) {
                        LOG.error("Checking the mappings file for changes failed", e);
                    }
                },
                interval.toNanos(),
                interval.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    @Override
    @PreDestroy
    public void close() {
        timer.shutdown();
    }
}
