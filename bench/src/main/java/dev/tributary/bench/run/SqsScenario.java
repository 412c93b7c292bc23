package dev.tributary.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.bench.sqs.BareSqsDrain;
import dev.tributary.bench.sqs.LocalSqs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Scenario 3: N S3 notifications pre-loaded into ElasticMQ, drained to the sink, first by the bare
 * SDK loop ({@link BareSqsDrain}), then, after loading N again, by the gateway's {@code aws-sqs}
 * source; both with {@value #POLLERS} pollers and 1 s long polls. Each consumer starts on a cold
 * JVM; the rate is taken from the first to the last event at the sink.
 */
final class SqsScenario extends Scenario {

    static final int POLLERS = 4;
    static final String QUEUE = "bench-s3";
    static final String BARE = "bare SDK loop";
    static final String GATEWAY = "gateway";
    static final String ELASTICMQ = "ElasticMQ";

    SqsScenario() {
        super(3, "sqs", "SQS drain → HTTP sink");
    }

    @Override
    Outcome run(RunContext context) throws Exception {
        requireSourceType("aws-sqs");
        SinkProcess sink = SinkProcess.start(context);
        int port = Probe.freePort();
        List<String> arguments = new ArrayList<>(context.settings().benchCommand("elasticmq"));
        arguments.addAll(List.of("--port", Integer.toString(port)));
        Processes.Running elasticMq = context.processes().java("elasticmq", List.of("-Xmx1g"), arguments, Map.of());
        Probe.awaitReadyLine(elasticMq, Duration.ofSeconds(60));
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Drains drains = new Drains(context, sink, endpoint, elasticMq.pid());
        Map<String, DrainWatch.Drain> results = new LinkedHashMap<>();
        try (SqsClient sqs = LocalSqs.client(endpoint)) {
            results.put(BARE, drains.bare(sqs));
            results.put(GATEWAY, drains.gateway(sqs));
        }
        context.processes().stop(elasticMq);
        sink.stop(context);
        return report(context.timings().sqsMessages(), results);
    }

    private static Outcome report(int messages, Map<String, DrainWatch.Drain> results) {
        double bare = results.get(BARE).eventsPerSecond();
        List<List<String>> rows = new ArrayList<>();
        results.forEach((name, drain) -> rows.add(List.of(
                name,
                Fmt.whole(drain.eventsPerSecond()),
                Fmt.ratio(drain.eventsPerSecond() / bare),
                Fmt.one(drain.firstToLast().toMillis() / 1000.0) + " s",
                Fmt.one(drain.launchToEmpty().toMillis() / 1000.0) + " s",
                Fmt.one(drain.cpuMicrosPerEvent().get(name)),
                Fmt.one(drain.cpuMicrosPerEvent().get(ELASTICMQ)),
                Fmt.one(drain.cpuMicrosPerEvent().get(Contender.SINK)))));
        double ratio = results.get(GATEWAY).eventsPerSecond() / bare;
        Markdown section = new Markdown()
                .paragraph(Fmt.whole(messages) + " S3 notifications (one record each) pre-loaded before each consumer "
                        + "starts; " + POLLERS + " pollers, batches of 10, 1 s long polls. Rate and CPU from the first "
                        + "to the last event at the sink; \"launch → queue empty\" includes the consumer's JVM start.")
                .table(
                        List.of(
                                "consumer",
                                "events/s",
                                "× bare SDK",
                                "first → last event",
                                "launch → queue empty",
                                "CPU µs/event (consumer)",
                                "ElasticMQ",
                                "sink"),
                        rows);
        return new Outcome(
                section,
                List.of(Verdict.atLeast(
                        "3: SQS drain, gateway ÷ bare SDK loop",
                        ratio,
                        Fmt.ratio(ratio) + " (" + Fmt.whole(results.get(GATEWAY).eventsPerSecond()) + " events/s)",
                        Fmt.whole(bare) + " events/s",
                        "≥ 0.9×",
                        0.9)));
    }

    /** Loads the queue and runs one consumer over it. */
    private record Drains(RunContext context, SinkProcess sink, URI endpoint, long elasticMqPid) {

        DrainWatch.Drain bare(SqsClient sqs) throws Exception {
            String queueUrl = load();
            Path out = context.settings().work().resolve("sqs-drain.json");
            List<String> arguments = new ArrayList<>(context.settings().benchCommand("sqs-drain"));
            arguments.addAll(List.of(
                    "--endpoint",
                    endpoint.toString(),
                    "--queue-url",
                    queueUrl,
                    "--sink",
                    sink.url().toString(),
                    "--count",
                    Integer.toString(messages()),
                    "--pollers",
                    Integer.toString(POLLERS),
                    "--out",
                    out.toString()));
            long baseline = sink.count();
            long launch = System.nanoTime();
            Processes.Running drain =
                    context.processes().java("sqs-drain", RunSettings.HELPER_JVM, arguments, Map.of());
            DrainWatch.Drain watched = DrainWatch.watch(
                    drain, sink, baseline, messages(), launch, roles(Map.of()), sqs, queueUrl, timeout());
            drain.process().waitFor();
            BareSqsDrain.Result own = new ObjectMapper().readValue(out.toFile(), BareSqsDrain.Result.class);
            Map<String, Double> cpu = new LinkedHashMap<>();
            cpu.put(BARE, own.cpuMillis() * 1e3 / own.delivered());
            cpu.putAll(watched.cpuMicrosPerEvent());
            context.log("%s: %s events/s", BARE, Fmt.whole(watched.eventsPerSecond()));
            return new DrainWatch.Drain(watched.eventsPerSecond(), watched.firstToLast(), watched.launchToEmpty(), cpu);
        }

        DrainWatch.Drain gateway(SqsClient sqs) throws Exception {
            String queueUrl = load();
            String mappings = GatewayMappings.sqs(sink.url(), endpoint, queueUrl, LocalSqs.REGION, POLLERS);
            Map<String, String> credentials = Map.of(
                    "AWS_ACCESS_KEY_ID",
                    LocalSqs.PLACEHOLDER_KEY,
                    "AWS_SECRET_ACCESS_KEY",
                    LocalSqs.PLACEHOLDER_KEY,
                    "AWS_REGION",
                    LocalSqs.REGION);
            long baseline = sink.count();
            long launch = System.nanoTime();
            Processes.Running gateway =
                    Server.launchGateway(context, "gateway-sqs", mappings, Probe.freePort(), credentials);
            DrainWatch.Drain watched = DrainWatch.watch(
                    gateway,
                    sink,
                    baseline,
                    messages(),
                    launch,
                    roles(Map.of(GATEWAY, gateway.pid())),
                    sqs,
                    queueUrl,
                    timeout());
            context.processes().stop(gateway);
            context.log("%s: %s events/s", GATEWAY, Fmt.whole(watched.eventsPerSecond()));
            return watched;
        }

        private String load() throws IOException, InterruptedException {
            List<String> arguments = new ArrayList<>(context.settings().benchCommand("sqs-load"));
            arguments.addAll(List.of(
                    "--endpoint", endpoint.toString(), "--queue", QUEUE, "--count", Integer.toString(messages())));
            String output = context.processes().runJava("sqs-load", RunSettings.HELPER_JVM, arguments, timeout());
            context.log(
                    "%s",
                    output.lines().reduce((first, second) -> second).orElse("").trim());
            return LocalSqs.queueUrl(endpoint, QUEUE);
        }

        private Map<String, Long> roles(Map<String, Long> consumer) {
            Map<String, Long> roles = new LinkedHashMap<>(consumer);
            roles.put(ELASTICMQ, elasticMqPid);
            roles.put(Contender.SINK, sink.pid());
            return roles;
        }

        private int messages() {
            return context.timings().sqsMessages();
        }

        private Duration timeout() {
            return Duration.ofSeconds(60).plusMillis(5L * messages());
        }
    }
}
