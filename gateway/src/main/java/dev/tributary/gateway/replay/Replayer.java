package dev.tributary.gateway.replay;

import dev.tributary.core.format.EventJson;
import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.transform.TransformException;
import dev.tributary.gateway.camel.DeliveryOutcome;
import dev.tributary.gateway.delivery.SinkDelivery;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Re-injects the events of JSON-lines files (a {@code file} sink: dead letters or an archive) into
 * the routes of a mappings file, as a {@link ReplayPlan} decides, through a {@link ReplayTarget}.
 * Within one run an event is replayed once per {@code source}+{@code id}. Up to {@value #IN_FLIGHT}
 * deliveries run at once. Prints progress to {@code err} and returns the counts.
 */
public final class Replayer {

    static final int IN_FLIGHT = 64;
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;
    private static final int MAX_REPORTED_LINES = 10;

    private final ReplayPlan plan;
    private final Optional<Instant> since;
    private final ReplayTarget target;
    private final PrintWriter err;
    private final ReplayCounts counts = new ReplayCounts();
    private final Set<String> seen = new HashSet<>();
    private final Deque<CompletableFuture<?>> pending = new ArrayDeque<>();

    public Replayer(ReplayPlan plan, Optional<Instant> since, ReplayTarget target, PrintWriter err) {
        this.plan = plan;
        this.since = since;
        this.target = target;
        this.err = err;
    }

    /** Replays every line of the files, in order; returns once every delivery has an outcome. */
    public ReplayCounts replay(List<Path> files) throws IOException {
        long lastProgress = System.nanoTime();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                replay(file + ":" + (i + 1), lines.get(i));
                if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                    lastProgress = System.nanoTime();
                    err.printf("replay: %s: line %d of %d, %s%n", file, i + 1, lines.size(), counts.summary(false));
                    err.flush();
                }
            }
        }
        while (!pending.isEmpty()) {
            pending.removeFirst().join();
        }
        return counts;
    }

    private void replay(String where, String line) {
        counts.read.incrementAndGet();
        CloudEvent stored;
        try {
            stored = EventJson.read(line);
        } catch (IllegalArgumentException e) {
            if (counts.unreadable.incrementAndGet() <= MAX_REPORTED_LINES) {
                err.printf("%s: unreadable, skipped: %s%n", where, e.getMessage());
            }
            return;
        }
        DeadLetterOrigin origin = DeadLetterOrigin.of(stored);
        CloudEvent event = origin.event();
        if (since.isPresent()
                && (event.getTime() == null || event.getTime().toInstant().isBefore(since.get()))) {
            counts.beforeSince.incrementAndGet();
            return;
        }
        if (!seen.add(event.getSource() + "\n" + event.getId())) {
            counts.duplicates.incrementAndGet();
            return;
        }
        List<ReplayPlan.Step> steps = plan.steps(origin);
        if (steps.isEmpty()) {
            counts.noRoute.incrementAndGet();
            return;
        }
        boolean taken = false;
        for (ReplayPlan.Step step : steps) {
            CompiledRoute route = step.route();
            if (step.filter() && !route.filter().test(event)) {
                continue;
            }
            taken = true;
            CloudEvent routed = event;
            if (step.transform() && route.transform().isPresent()) {
                try {
                    routed = route.transform().get().apply(event);
                } catch (TransformException e) {
                    track(where, target.deadLetterUntransformed(step.route(), event, e.getMessage()));
                    continue;
                }
            }
            for (SinkDelivery pair : step.sinks()) {
                track(where, target.deliver(pair, routed));
            }
        }
        if (!taken) {
            counts.filtered.incrementAndGet();
        }
    }

    private void track(String where, CompletableFuture<DeliveryOutcome> delivery) {
        pending.addLast(delivery.thenAccept(outcome -> {
            switch (outcome.status()) {
                case DELIVERED -> counts.delivered.incrementAndGet();
                case DEAD_LETTERED -> counts.deadLettered.incrementAndGet();
                case FAILED -> {
                    if (counts.failed.incrementAndGet() <= MAX_REPORTED_LINES) {
                        synchronized (err) {
                            err.printf("%s: not delivered: %s%n", where, outcome.failure());
                        }
                    }
                }
            }
        }));
        while (pending.size() >= IN_FLIGHT) {
            pending.removeFirst().join();
        }
    }
}
