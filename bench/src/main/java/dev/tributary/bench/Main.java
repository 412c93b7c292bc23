package dev.tributary.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.bench.camel.CamelBaseline;
import dev.tributary.bench.load.LoadResult;
import dev.tributary.bench.load.OpenLoopClient;
import dev.tributary.bench.run.BenchRun;
import dev.tributary.bench.sink.CountingSink;
import dev.tributary.bench.sqs.BareSqsDrain;
import dev.tributary.bench.sqs.ElasticMq;
import dev.tributary.bench.sqs.LocalSqs;
import dev.tributary.bench.sqs.SqsLoader;
import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code java -jar bench.jar COMMAND [--option value ...]}: every process of the benchmark suite.
 * Servers ({@code sink}, {@code camel}, {@code elasticmq}) listen on loopback and stop by themselves
 * after {@code --max-seconds} (default {@value #DEFAULT_MAX_SECONDS}) or on SIGTERM; the clients
 * write their result as JSON to {@code --out}.
 */
public final class Main {

    static final int DEFAULT_MAX_SECONDS = 3600;

    /** The line a server prints once it listens. */
    public static final String READY = "bench-server-ready";

    private static final String USAGE = """
            usage: java -jar bench.jar COMMAND [--option value ...]
              run SCENARIO --bench-jar J --gateway-jar G --results DIR --work DIR [--quick true]
                                               the suite (SCENARIO: all|push|eventgrid|sqs|jmh|startup|1..5)
              sink --port P [--threads 2]      HTTP sink answering 202, GET /count
              camel --port P --sink URL --prefix P   plain Camel netty-http baseline route
              elasticmq --port P               embedded SQS emulator
              load --url U --rate R --seconds S --warmup W [--connections 32] --out F   open-loop load
              sqs-load --endpoint E --queue NAME --count N [--threads 4]   pre-load S3 notifications
              sqs-drain --endpoint E --queue-url U --sink URL --count N --pollers K --out F   bare SDK loop
              jmh [JMH options]                the JMH benchmarks (org.openjdk.jmh.Main)
            """;

    private Main() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        switch (argv[0]) {
            case "run" -> System.exit(BenchRun.run(rest));
            case "jmh" -> org.openjdk.jmh.Main.main(rest.toArray(String[]::new));
            default -> runCommand(argv[0], new Args(rest));
        }
    }

    private static void runCommand(String command, Args args) throws Exception {
        switch (command) {
            case "sink" -> serve(CountingSink.start(args.integer("port", 0), args.integer("threads", 2)), args);
            case "camel" ->
                serve(CamelBaseline.start(args.integer("port", 0), args.uri("sink"), args.string("prefix")), args);
            case "elasticmq" -> serve(ElasticMq.start(args.integer("port", 0)), args);
            case "load" -> writeJson(args, load(args));
            case "sqs-load" -> sqsLoad(args);
            case "sqs-drain" ->
                writeJson(
                        args,
                        BareSqsDrain.run(new BareSqsDrain.Settings(
                                args.uri("endpoint"),
                                args.string("queue-url"),
                                args.uri("sink"),
                                args.integer("pollers", 4),
                                args.integer("count", 0),
                                args.integer("wait-seconds", 1),
                                args.seconds("max-seconds", 600))));
            default -> {
                System.err.print("unknown command '" + command + "'\n" + USAGE);
                System.exit(2);
            }
        }
    }

    private static LoadResult load(Args args) throws InterruptedException {
        return OpenLoopClient.run(new OpenLoopClient.Settings(
                args.uri("url"),
                BenchEvent.headers(),
                BenchEvent.body(),
                args.decimal("rate"),
                args.seconds("warmup", 3),
                args.seconds("seconds", 15),
                args.integer("connections", 32),
                Duration.ofSeconds(10)));
    }

    private static void sqsLoad(Args args) throws Exception {
        try (SqsClient client = LocalSqs.client(args.uri("endpoint"))) {
            long start = System.nanoTime();
            String queueUrl =
                    SqsLoader.load(client, args.string("queue"), args.integer("count", 0), args.integer("threads", 4));
            System.out.printf(
                    "loaded %d messages into %s in %.1f s%n",
                    args.integer("count", 0), queueUrl, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Keeps a server up until SIGTERM or its maximum lifetime, then closes it. */
    private static void serve(AutoCloseable server, Args args) throws Exception {
        Thread closer = new Thread(() -> close(server));
        Runtime.getRuntime().addShutdownHook(closer);
        System.out.println(READY);
        Thread.sleep(Duration.ofSeconds(args.integer("max-seconds", DEFAULT_MAX_SECONDS))
                .toMillis());
        Runtime.getRuntime().removeShutdownHook(closer);
        close(server);
    }

    private static void close(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("closing failed: " + e);
        }
    }

    private static void writeJson(Args args, Object result) throws Exception {
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new File(args.string("out")), result);
    }
}
