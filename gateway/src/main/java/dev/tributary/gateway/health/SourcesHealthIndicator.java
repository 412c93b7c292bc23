package dev.tributary.gateway.health;

import dev.tributary.core.source.PullSource;
import dev.tributary.gateway.runtime.LivePipeline;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * Readiness of the running mappings' pull sources, as {@code sources} in {@code /health/readiness}:
 * each source's details are {@code UP} or its {@link PullSource#problem()}; one source with a
 * problem (a queue that was deleted, a subscription whose stream failed) makes the gateway DOWN,
 * not ready, so an orchestrator shows it and stops counting the replica as a consumer.
 */
@Singleton
@Readiness
public class SourcesHealthIndicator implements HealthIndicator {

    private static final String NAME = "sources";

    private final LivePipeline pipeline;

    public SourcesHealthIndicator(LivePipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, String> details = new LinkedHashMap<>();
        HealthStatus status = HealthStatus.UP;
        for (Map.Entry<String, PullSource> source :
                pipeline.current().sources().pullSources().entrySet()) {
            Optional<String> problem = source.getValue().problem();
            details.put(source.getKey(), problem.orElse("UP"));
            if (problem.isPresent()) {
                status = HealthStatus.DOWN;
            }
        }
        return Publishers.just(
                HealthResult.builder(NAME, status).details(details).build());
    }
}
