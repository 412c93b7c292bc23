package dev.tributary.gateway.health;

import dev.tributary.gateway.runtime.LivePipeline;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Readiness of the running mappings' sinks, as {@code sinks} in {@code /health/readiness}: each
 * sink's state ({@code IDLE}, {@code DELIVERING}, {@code FAILING}), its consecutive failures, last
 * failure and last success; DOWN by the rule of {@link SinksHealth}.
 */
@Singleton
@Readiness
public class SinksHealthIndicator implements HealthIndicator {

    private static final String NAME = "sinks";

    private final LivePipeline pipeline;

    public SinksHealthIndicator(LivePipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        SinksHealth health = pipeline.current().sinksHealth();
        long now = System.currentTimeMillis();
        return Publishers.just(HealthResult.builder(NAME, health.ready(now) ? HealthStatus.UP : HealthStatus.DOWN)
                .details(health.details(now))
                .build());
    }
}
