package dev.tributary.gateway.flow;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tributary.core.mapping.RouteFlow;
import dev.tributary.gateway.camel.DeliveryOutcome;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A route's {@code dedupe} window: remembers, in this process only, the {@code source}+{@code id}
 * of each event the route delivered (to every sink: delivered or dead-lettered) for {@code window}
 * after its delivery, at most {@code maxEntries} of them (Caffeine, least recently used forgotten
 * first). An event seen again within the window is not sent again: it counts as delivered (so its
 * source acknowledges it) and as a dropped duplicate. One that arrives while the first copy is
 * still being delivered waits for that copy's outcome and shares it. A copy whose delivery failed
 * is forgotten, so the next copy is delivered.
 *
 * <p>Per replica: two replicas consuming one queue each keep their own window (docs/flow-control.md).
 * Thread-safe.
 */
final class RouteDedupe {

    private static final DeliveryOutcome DUPLICATE =
            new DeliveryOutcome(DeliveryOutcome.Status.DELIVERED, null, Optional.empty(), Optional.empty());
    private static final DeliveryOutcome FAILED_FIRST = new DeliveryOutcome(
            DeliveryOutcome.Status.FAILED,
            "a copy of this event (same source and id) was being delivered and failed",
            Optional.empty(),
            Optional.empty());

    private final Cache<String, CompletableFuture<Boolean>> seen;
    private final Counter dropped;

    RouteDedupe(RouteFlow.Dedupe settings, Counter dropped) {
        this.seen = Caffeine.newBuilder()
                .expireAfterWrite(settings.window())
                .maximumSize(settings.maxEntries())
                .build();
        this.dropped = dropped;
    }

    /**
     * Delivers the event with {@code deliver} unless this route already delivered its
     * {@code source}+{@code id} within the window.
     *
     * @return the route's delivery outcomes: those of {@code deliver}, or one shared outcome for a duplicate
     */
    List<CompletableFuture<DeliveryOutcome>> deliver(
            CloudEvent event, Supplier<List<CompletableFuture<DeliveryOutcome>>> deliver) {
        String key = event.getSource() + " " + event.getId();
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> first = seen.asMap().putIfAbsent(key, mine);
        if (first != null && !(first.isDone() && !first.join())) {
            return List.of(first.thenApply(delivered -> {
                if (!delivered) {
                    return FAILED_FIRST;
                }
                dropped.increment();
                return DUPLICATE;
            }));
        }
        if (first != null) {
            seen.asMap().put(key, mine);
        }
        List<CompletableFuture<DeliveryOutcome>> outcomes = deliver.get();
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
            boolean delivered = error == null
                    && outcomes.stream().allMatch(outcome -> outcome.join().isSafe());
            if (delivered) {
                seen.asMap().replace(key, mine, mine);
            } else {
                seen.asMap().remove(key, mine);
            }
            mine.complete(delivered);
        });
        return outcomes;
    }
}
