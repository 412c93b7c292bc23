package dev.tributary.gateway.cli;

import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.storage.NeutralStorageEvents;
import dev.tributary.core.trace.RouteTrace;
import dev.tributary.core.trace.RouteTrace.EventResult;
import dev.tributary.gateway.offline.RouteTestRunner;
import dev.tributary.gateway.offline.RouteTests;
import dev.tributary.gateway.offline.SavedPayloads;
import dev.tributary.gateway.offline.TracePrinter;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Shows, or checks, what a mappings file does with a saved payload, decoding it with the source's
 * own decoder and contacting no sink. Exit status: 0 done (or every case passed), 1 a case failed
 * or the input could not be loaded or decoded.
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = {
            "Show what the routes do with a saved payload, or check a routing test file. No sink is contacted.",
            "",
            "tributary test MAPPINGS --source NAME --payload FILE [--header NAME=VALUE...]: decode FILE as source NAME "
                    + "would; print each event, the routes that match and the filters that reject, the event each "
                    + "route delivers after its transform, and its sinks.",
            "",
            "tributary test FILE.test.yaml: run the cases of a routing test file; print PASS/FAIL per case.",
            "",
            "Exit status: 0 done / all cases passed, 1 a case failed or the input is invalid."
        })
public final class TestCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "a mappings file (with --payload) or a routing test file")
    Path file;

    @Option(names = "--source", paramLabel = "NAME", description = "the source the payload arrives on")
    String source;

    @Option(
            names = "--payload",
            paramLabel = "FILE",
            description = "the saved payload (the message body as the source receives it)")
    Path payload;

    @Option(
            names = "--header",
            paramLabel = "NAME=VALUE",
            description =
                    "a transport header (push sources) or system attribute (aws-sqs: MessageId, SentTimestamp, QueueArn)")
    Map<String, String> headers = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return CommandFailures.guard(
                "tributary test", out, err, () -> payload != null ? showPayload(out, err) : runTestFile(out, err));
    }

    private int showPayload(PrintWriter out, PrintWriter err) throws IOException {
        if (source == null) {
            err.println("tributary test: --payload needs --source NAME (the source the payload arrives on)");
            return 1;
        }
        Mappings mappings = new MappingLoader().load(file);
        List<CloudEvent> events = SavedPayloads.installed(mappings)
                .decode(source, new InboundPayload(headers, Files.readAllBytes(payload)));
        List<EventResult> results = new RouteTrace(mappings, NeutralStorageEvents.installed()).trace(source, events);
        new TracePrinter(out).print(results);
        long deliveries = results.stream()
                .mapToLong(result -> result.routes().stream()
                        .filter(route -> route.delivered().isPresent())
                        .mapToLong(route -> route.sinks().size())
                        .sum())
                .sum();
        out.printf(
                "%d event(s) from source '%s', %d deliveries; no sink contacted%n", events.size(), source, deliveries);
        return 0;
    }

    private int runTestFile(PrintWriter out, PrintWriter err) throws IOException {
        if (source != null || !headers.isEmpty()) {
            err.println("tributary test: --source and --header go with --payload");
            return 1;
        }
        RouteTests tests = RouteTests.read(file);
        Mappings mappings = new MappingLoader().load(tests.mappings());
        RouteTestRunner runner = new RouteTestRunner(
                SavedPayloads.installed(mappings), new RouteTrace(mappings, NeutralStorageEvents.installed()));
        int failed = 0;
        for (RouteTests.Case test : tests.tests()) {
            List<String> problems = runner.run(test);
            if (problems.isEmpty()) {
                out.printf("PASS %s%n", test.name());
            } else {
                failed++;
                out.printf("FAIL %s%n", test.name());
                problems.forEach(problem -> out.printf("  %s%n", problem));
            }
        }
        out.printf("%d passed, %d failed%n", tests.tests().size() - failed, failed);
        return failed == 0 ? 0 : 1;
    }
}
