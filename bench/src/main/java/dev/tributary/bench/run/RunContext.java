package dev.tributary.bench.run;

import java.time.Duration;
import java.util.Locale;

/** What every scenario of a run shares: settings, the processes started, wrk, and progress output. */
final class RunContext {

    private final RunSettings settings;
    private final Processes processes;
    private final Wrk wrk;
    private final long start = System.nanoTime();

    RunContext(RunSettings settings, Processes processes) {
        this.settings = settings;
        this.processes = processes;
        this.wrk = new Wrk(processes, 2);
    }

    RunSettings settings() {
        return settings;
    }

    Timings timings() {
        return settings.timings();
    }

    Processes processes() {
        return processes;
    }

    Wrk wrk() {
        return wrk;
    }

    /** Prints a progress line, stamped with the time since the run began. */
    void log(String format, Object... arguments) {
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        String line = String.format(Locale.ROOT, format, arguments);
        System.out.printf(Locale.ROOT, "[%3d:%02d] %s%n", seconds / 60, seconds % 60, line);
    }
}
