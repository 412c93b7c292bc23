package dev.tributary.core.mapping;

import java.time.Duration;
import java.util.Optional;

/**
 * A route's ordering and de-duplication (docs/flow-control.md). Immutable.
 *
 * @param orderBy {@code orderBy}: the CloudEvents attribute or extension whose value is the
 *     ordering key of the route's events; empty to take the {@code partitionkey} extension a
 *     source set (SQS FIFO {@code MessageGroupId}, Pub/Sub ordering key), if any
 * @param dedupe {@code dedupe}: drop events whose {@code source}+{@code id} this route already
 *     delivered within a window; empty for no de-duplication
 */
public record RouteFlow(Optional<String> orderBy, Optional<Dedupe> dedupe) {

    /** Neither ordering by an attribute nor de-duplication. */
    public static final RouteFlow NONE = new RouteFlow(Optional.empty(), Optional.empty());

    /**
     * {@code dedupe: {window, maxEntries}}.
     *
     * @param window how long a delivered event's {@code source}+{@code id} is remembered
     * @param maxEntries how many are remembered at most (per replica); past that the least recently
     *     used are forgotten first
     */
    public record Dedupe(Duration window, int maxEntries) {

        /** {@value}: about 20 MB of ids of 100 characters. */
        public static final int DEFAULT_MAX_ENTRIES = 100_000;
    }
}
