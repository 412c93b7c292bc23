package dev.tributary.core.mapping;

import java.util.List;
import java.util.OptionalInt;

/**
 * The flow-control options every sink type accepts, whatever its provider declares: how many
 * deliveries may be in flight to the sink at once and how many may start per second, counted
 * across every route that delivers to it (docs/flow-control.md). {@link ComponentCatalog} adds
 * {@link #OPTIONS} to each sink type, so the loader validates them, the schema and the docs
 * tables list them, and no provider declares them itself. Immutable.
 *
 * @param maxConcurrency {@code maxConcurrency}: deliveries in flight at once, each holding its slot
 *     through its retries; empty for no limit
 * @param rateLimit {@code rateLimit}: deliveries started per second; empty for no limit
 * @param rateBurst {@code rateBurst}: deliveries that may start back to back after an idle spell
 *     (the token bucket's capacity); 1 when absent
 */
public record SinkLimits(OptionalInt maxConcurrency, OptionalInt rateLimit, int rateBurst) {

    /** No limit at all: what a sink without the options gets. */
    public static final SinkLimits NONE = new SinkLimits(OptionalInt.empty(), OptionalInt.empty(), 1);

    static final String MAX_CONCURRENCY = "maxConcurrency";
    static final String RATE_LIMIT = "rateLimit";
    static final String RATE_BURST = "rateBurst";

    /** The options, in the order the docs list them. */
    public static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.optional(
                    MAX_CONCURRENCY,
                    OptionKind.POSITIVE_INTEGER,
                    "Deliveries to this sink in flight at once, across all routes; a delivery keeps its slot through"
                            + " its retries. No limit when absent. When saturated, pull sources stop pulling and push"
                            + " sources answer 429 (docs/flow-control.md)."),
            OptionSpec.optional(
                    RATE_LIMIT,
                    OptionKind.POSITIVE_INTEGER,
                    "Deliveries started per second to this sink, across all routes (a token bucket). No limit when"
                            + " absent."),
            OptionSpec.optional(
                            RATE_BURST,
                            OptionKind.POSITIVE_INTEGER,
                            "With rateLimit: deliveries that may start back to back after an idle spell (the bucket's"
                                    + " capacity).")
                    .withDefault(1));

    public SinkLimits {
        if (rateBurst < 1) {
            throw new IllegalArgumentException("rateBurst must be positive");
        }
    }

    /** The limits a sink's validated options set. */
    public static SinkLimits of(Options options) {
        return new SinkLimits(
                optional(options, MAX_CONCURRENCY), optional(options, RATE_LIMIT), options.integer(RATE_BURST, 1));
    }

    /** Whether any limit applies: a sink without one costs the data plane nothing. */
    public boolean limited() {
        return maxConcurrency.isPresent() || rateLimit.isPresent();
    }

    /** Whether {@code name} is one of {@link #OPTIONS}. */
    static boolean isOption(String name) {
        return OPTIONS.stream().anyMatch(option -> option.name().equals(name));
    }

    private static OptionalInt optional(Options options, String name) {
        return options.has(name) ? OptionalInt.of(options.integer(name, 0)) : OptionalInt.empty();
    }
}
