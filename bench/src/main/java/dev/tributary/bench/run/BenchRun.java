package dev.tributary.bench.run;

import dev.tributary.bench.Args;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench.jar run SCENARIO ...}: runs the chosen scenarios one after the other, stopping every
 * process each one started, and writes {@code <results>/<date>-<scenario>.md}. A scenario that
 * cannot run here is reported as skipped; one that fails is reported as failed, and the others
 * still run.
 */
public final class BenchRun {

    static final List<Scenario> SCENARIOS = List.of(
            new PushScenario(), new EventGridScenario(), new SqsScenario(), new JmhScenario(), new StartupScenario());

    /** How a scenario ended: its outcome, or why there is none. */
    record Result(Scenario scenario, Scenario.Outcome outcome, String status) {}

    private BenchRun() {}

    /** @return the exit code: 0 when no scenario failed (skipped ones do not count), 1 otherwise, 2 on bad usage */
    public static int run(List<String> arguments) throws Exception {
        if (arguments.isEmpty()) {
            System.err.println("usage: run all|push|eventgrid|sqs|jmh|startup|1..5 --bench-jar J --gateway-jar G "
                    + "--results DIR --work DIR --readme FILE [--quick true]");
            return 2;
        }
        String which = arguments.get(0);
        List<Scenario> scenarios = select(which);
        RunSettings settings = RunSettings.from(new Args(arguments.subList(1, arguments.size())), System.getenv());
        Files.createDirectories(settings.work());
        Files.createDirectories(settings.results());
        List<String> facts = MachineFacts.collect(settings);
        long start = System.nanoTime();
        List<Result> results = new ArrayList<>();
        try (Processes processes = new Processes(settings.work().resolve("logs"))) {
            Runtime.getRuntime().addShutdownHook(new Thread(processes::close));
            RunContext context = new RunContext(settings, processes);
            for (Scenario scenario : scenarios) {
                results.add(runOne(context, scenario));
                processes.close();
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Path file = settings.results().resolve(fileName(LocalDate.now(), which, settings.quick()));
        Files.writeString(file, ResultsFile.render(settings, which, facts, results, elapsed));
        System.out.println("results: " + file + " (" + elapsed.toMinutes() + " min " + elapsed.toSecondsPart() + " s)");
        if (!settings.quick() && scenarios.size() == SCENARIOS.size()) {
            ReadmeSection.update(settings.readme(), file, results);
        }
        return results.stream().anyMatch(result -> result.status().startsWith("failed")) ? 1 : 0;
    }

    /** Every verdict of the scenarios that ran, in order. */
    static List<Verdict> verdicts(List<Result> results) {
        return results.stream()
                .filter(result -> result.outcome() != null)
                .flatMap(result -> result.outcome().verdicts().stream())
                .toList();
    }

    /** The scenarios a command-line name stands for. */
    static List<Scenario> select(String which) {
        if (which.equals("all")) {
            return SCENARIOS;
        }
        return List.of(SCENARIOS.stream()
                .filter(scenario -> scenario.id().equals(which)
                        || Integer.toString(scenario.number()).equals(which))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown scenario '" + which + "': use all, push, eventgrid, sqs, jmh, startup or 1..5")));
    }

    /** {@code 2026-11-26-all.md}; quick runs get {@code -quick} so they are never taken for real figures. */
    static String fileName(LocalDate date, String which, boolean quick) {
        String name = which.equals("all") ? "all" : select(which).get(0).id();
        return date + "-" + name + (quick ? "-quick" : "") + ".md";
    }

    private static Result runOne(RunContext context, Scenario scenario) {
        context.log("scenario %d (%s): running", scenario.number(), scenario.id());
        String status;
        Scenario.Outcome outcome = null;
        try {
            outcome = scenario.run(context);
            status = "ran";
        } catch (Scenario.Skipped e) {
            status = "skipped, " + e.getMessage();
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            status = "failed, " + message.lines().findFirst().orElse(message);
            saveStackTrace(context, scenario, e);
        }
        System.out.printf(Locale.ROOT, "scenario %d: %s%n", scenario.number(), status);
        return new Result(scenario, outcome, status);
    }

    private static void saveStackTrace(RunContext context, Scenario scenario, Exception error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        Path file = context.settings().work().resolve("scenario-" + scenario.id() + "-failure.txt");
        try {
            Files.writeString(file, trace.toString());
        } catch (IOException e) {
            System.err.println(trace);
        }
        System.out.println("  details: " + file);
    }
}
