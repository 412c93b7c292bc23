package dev.tributary.gateway.replay;

import java.util.concurrent.atomic.AtomicInteger;

/** What a replay did, counted as it goes. Thread-safe. */
public final class ReplayCounts {

    final AtomicInteger read = new AtomicInteger();
    final AtomicInteger unreadable = new AtomicInteger();
    final AtomicInteger beforeSince = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger noRoute = new AtomicInteger();
    final AtomicInteger filtered = new AtomicInteger();
    final AtomicInteger delivered = new AtomicInteger();
    final AtomicInteger deadLettered = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();

    /** Whether everything read was replayed or deliberately skipped. */
    public boolean clean() {
        return unreadable.get() == 0 && failed.get() == 0;
    }

    /** One line of counts; a dry run says what would have been delivered. */
    public String summary(boolean dryRun) {
        return read + " events read: " + delivered + (dryRun ? " would be delivered, " : " delivered, ") + deadLettered
                + (dryRun ? " would be dead-lettered again, " : " dead-lettered again, ") + failed
                + " failed; skipped: "
                + beforeSince + " before --since, " + duplicates + " duplicates, " + noRoute + " with no route, "
                + filtered
                + " filtered out; " + unreadable + " unreadable lines";
    }
}
