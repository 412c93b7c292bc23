package dev.tributary.bench.run;

import dev.tributary.bench.SourceProviders;
import java.util.List;

/** One scenario of issue 9: runs, then describes what it measured. */
abstract class Scenario {

    private final int number;
    private final String id;
    private final String title;

    /**
     * @param number the scenario's number in the issue (1–5)
     * @param id the name on the command line and in the results file name
     * @param title the heading of its section
     */
    Scenario(int number, String id, String title) {
        this.number = number;
        this.id = id;
        this.title = title;
    }

    final int number() {
        return number;
    }

    final String id() {
        return id;
    }

    final String title() {
        return title;
    }

    /**
     * Runs the scenario; every process it starts is stopped by the run's {@link Processes}.
     *
     * @throws Skipped when something it needs is not there (an adapter not yet in the gateway)
     */
    abstract Outcome run(RunContext context) throws Exception;

    /**
     * Skips the scenario when the gateway jar has no provider of a source type.
     *
     * @throws Skipped naming the type
     */
    static void requireSourceType(String type) throws Skipped {
        try {
            SourceProviders.require(type);
        } catch (SourceProviders.Unavailable e) {
            throw new Skipped(e.getMessage());
        }
    }

    /** A scenario's report section and the targets it checked. */
    record Outcome(Markdown section, List<Verdict> verdicts) {}

    /** The scenario cannot run here; the message says why. */
    static final class Skipped extends Exception {
        Skipped(String reason) {
            super(reason);
        }
    }
}
