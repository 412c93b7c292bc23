package dev.tributary.demo;

import dev.tributary.gateway.Main;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./tributary demo}: runs the local thumbnail demo until interrupted, or uploads files to it.
 */
@Command(
        name = "tributary demo",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "The local demo: upload an image, get a 300x300 thumbnail.",
            "Starts on 127.0.0.1 an S3-compatible store (publishing S3 event notifications), an SQS queue",
            "(ElasticMQ), the thumbnail function and the gateway with mappings/demo.yaml. No cloud account needed."
        },
        subcommands = {UploadCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class DemoMain implements Callable<Integer> {

    private static final Map<DemoStack.Part, String> OPTIONS = Map.of(
            DemoStack.Part.GATEWAY,
            "--port",
            DemoStack.Part.STORE,
            "--store-port",
            DemoStack.Part.QUEUE,
            "--sqs-port",
            DemoStack.Part.FUNCTION,
            "--function-port",
            DemoStack.Part.MANAGEMENT,
            "--management-port");

    @Option(names = "--port", defaultValue = "8080", description = "gateway port (default ${DEFAULT-VALUE})")
    int gatewayPort;

    @Option(
            names = "--store-port",
            defaultValue = "9000",
            description = "S3-compatible store port (default ${DEFAULT-VALUE})")
    int storePort;

    @Option(
            names = "--sqs-port",
            defaultValue = "9324",
            description = "SQS (ElasticMQ) port (default ${DEFAULT-VALUE})")
    int sqsPort;

    @Option(
            names = "--function-port",
            defaultValue = "8081",
            description = "thumbnail function port (default ${DEFAULT-VALUE})")
    int functionPort;

    @Option(
            names = "--management-port",
            defaultValue = "9090",
            description = "gateway health and metrics port (default ${DEFAULT-VALUE})")
    int managementPort;

    @Spec
    CommandSpec spec;

    /** @return 0 when stopped with Ctrl-C; 1 when a port is taken (the message names it and the option that changes it) */
    @Override
    public Integer call() throws Exception {
        DemoStack stack;
        try {
            stack = DemoStack.start(new DemoStack.Ports(gatewayPort, storePort, sqsPort, functionPort, managementPort));
        } catch (PortInUseException e) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "tributary demo: port %d (%s) is in use: stop what uses it, or choose another port with %s%n",
                            e.port(), e.part().description(), OPTIONS.get(e.part()));
            spec.commandLine().getErr().flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.close();
                            stopped.countDown();
                        },
                        "demo-shutdown"));
        String store = stack.store().endpoint();
        System.out.printf("""

                Tributary demo is running (Ctrl-C stops it).

                  Upload an image, from another terminal:
                    ./tributary demo upload path/to/cat.jpg
                  or with plain HTTP:
                    curl -T path/to/cat.jpg %1$s/%2$s/cat.jpg

                  Follow each upload through store -> S3 notification -> SQS -> gateway -> thumbnail function
                  at %3$s/demo; the thumbnail appears at %1$s/%2$s/thumbnails/cat.jpg
                  Uploads are kept in memory only: they are gone when the demo stops.
                  Gateway metrics: %4$s/prometheus

                """, store, DemoStack.BUCKET, stack.gatewayUrl(), stack.managementUrl());
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoMain()).execute(args));
    }
}
