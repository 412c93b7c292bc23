package dev.tributary.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the processes of a run and stops every one of them: each is logged to
 * {@code <logs>/<sequence>-<name>.log}, and its pid appended to {@code <logs>/pids} so that {@code run.sh} can
 * end them should this JVM die without running its shutdown hook. Thread-safe.
 */
final class Processes implements AutoCloseable {

    /** A started process and its log. */
    record Running(String name, Process process, Path log) {

        long pid() {
            return process.pid();
        }

        /** The last lines of the log, for error messages. */
        String logTail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path logs;
    private final String java;
    private final List<Running> started = new ArrayList<>();

    Processes(Path logs) throws IOException {
        this.logs = Files.createDirectories(logs);
        this.java = ProcessHandle.current().info().command().orElse("java");
    }

    /** Starts {@code java OPTIONS... ARGS...}. */
    Running java(String name, List<String> jvmOptions, List<String> arguments, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(arguments);
        return start(name, command, environment);
    }

    /** Runs {@code java OPTIONS... ARGS...} to its end ({@link #runToEnd}); answers its output. */
    String runJava(String name, List<String> jvmOptions, List<String> arguments, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(arguments);
        return runToEnd(name, command, timeout, false);
    }

    synchronized Running start(String name, List<String> command, Map<String, String> environment) throws IOException {
        Path log = logs.resolve(String.format("%03d-%s.log", started.size() + 1, name));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Files.writeString(
                logs.resolve("pids"), process.pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Running running = new Running(name, process, log);
        started.add(running);
        return running;
    }

    /**
     * Runs a command to its end and answers its output.
     *
     * @throws IllegalStateException when it exits non-zero (unless {@code anyExit}) or outlives the timeout
     */
    String runToEnd(String name, List<String> command, Duration timeout, boolean anyExit)
            throws IOException, InterruptedException {
        Running running = start(name, command, Map.of());
        if (!running.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(running);
            throw new IllegalStateException(
                    name + " did not finish within " + timeout.toSeconds() + " s:\n" + running.logTail());
        }
        if (!anyExit && running.process().exitValue() != 0) {
            throw new IllegalStateException(
                    name + " exited " + running.process().exitValue() + ":\n" + running.logTail());
        }
        return Files.readString(running.log(), StandardCharsets.UTF_8);
    }

    /** SIGTERM, then SIGKILL after a grace period. */
    void stop(Running running) throws InterruptedException {
        Process process = running.process();
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops every process still running, the last started first. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                stop(started.get(i));
            } catch (InterruptedException e) {
                started.get(i).process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
