package dev.tributary.demo.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What happened to each upload of the demo, by CloudEvent id: the stages it went through, each
 * with its time (stored → notification → SQS → gateway → function), and its outcome in words.
 * Fed by the store, the function's HTTP front and the gateway's journal sink; read by the demo
 * page and {@code demo upload}. In memory only. Thread-safe.
 */
public final class UploadJournal {

    /** Where an upload ended up; {@link #IN_PROGRESS} until something final happens. */
    public enum Outcome {
        IN_PROGRESS("in progress"),
        WRITTEN("written"),
        SKIPPED("skipped"),
        NO_ROUTE("matched no route"),
        DEAD_LETTERED("dead-lettered");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One stage an upload passed, at a time, with what happened there. */
    public record Stage(String name, Instant at, String detail) {}

    /**
     * An upload as the journal knows it so far.
     *
     * @param summary the outcome in words, e.g. {@code skipped: not-an-image (no image reader recognises the content)}
     * @param thumbnail the thumbnail's key, once written
     */
    public record Upload(
            String id,
            String key,
            long size,
            Instant at,
            List<Stage> stages,
            Outcome outcome,
            String summary,
            Optional<String> thumbnail) {}

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    /** An object was stored and its notification is about to be published. */
    public void stored(String id, String key, long size, Instant at) {
        update(
                id,
                u -> new Upload(
                        id,
                        key,
                        size,
                        at,
                        add(u.stages(), new Stage("stored", at, size + " bytes at " + key)),
                        u.outcome(),
                        u.summary(),
                        u.thumbnail()));
    }

    /** The upload passed a stage now. */
    public void stage(String id, String name, String detail) {
        update(
                id,
                u -> new Upload(
                        id,
                        u.key(),
                        u.size(),
                        u.at(),
                        add(u.stages(), new Stage(name, Instant.now(), detail)),
                        u.outcome(),
                        u.summary(),
                        u.thumbnail()));
    }

    /** The upload reached its outcome now, at stage {@code name}. */
    public void finish(String id, String name, Outcome outcome, String summary, Optional<String> thumbnail) {
        update(
                id,
                u -> new Upload(
                        id,
                        u.key(),
                        u.size(),
                        u.at(),
                        add(u.stages(), new Stage(name, Instant.now(), summary)),
                        outcome,
                        summary,
                        thumbnail));
    }

    public Optional<Upload> find(String id) {
        return Optional.ofNullable(uploads.get(id));
    }

    /** Every upload, newest first. */
    public List<Upload> newestFirst() {
        return uploads.values().stream()
                .sorted(Comparator.comparing(Upload::at).reversed())
                .toList();
    }

    /** Changes with every update: a cheap check for "anything new?". */
    public long version() {
        return version.get();
    }

    private void update(String id, java.util.function.UnaryOperator<Upload> change) {
        uploads.compute(
                id,
                (ignored, old) -> change.apply(
                        old != null
                                ? old
                                : new Upload(
                                        id,
                                        "",
                                        0,
                                        Instant.now(),
                                        List.of(),
                                        Outcome.IN_PROGRESS,
                                        Outcome.IN_PROGRESS.words(),
                                        Optional.empty())));
        version.incrementAndGet();
    }

    /** Stages in time order (events can overtake each other: the gateway may answer before the queue does). */
    private static List<Stage> add(List<Stage> stages, Stage stage) {
        List<Stage> all = new ArrayList<>(stages);
        all.add(stage);
        all.sort(Comparator.comparing(Stage::at));
        return List.copyOf(all);
    }
}
