package dev.tributary.demo;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tributary demo}: runs the local thumbnail demo until interrupted, or uploads files to it.
 */
@Command(name = "tributary demo", mixinStandardHelpOptions = true,
        description = {"The local demo: upload an image, get a 300x300 thumbnail.",
            "Starts on 127.0.0.1 an S3-compatible store (publishing S3 event notifications), an SQS queue",
            "(ElasticMQ), the thumbnail function and the gateway with mappings/demo.yaml. No cloud account needed."},
        subcommands = {UploadCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class DemoMain implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "gateway port (default ${DEFAULT-VALUE})")
    int gatewayPort;

    @Option(names = "--store-port", defaultValue = "9000", description = "S3-compatible store port (default ${DEFAULT-VALUE})")
    int storePort;

    @Option(names = "--sqs-port", defaultValue = "9324", description = "SQS (ElasticMQ) port (default ${DEFAULT-VALUE})")
    int sqsPort;

    @Option(names = "--function-port", defaultValue = "8081", description = "thumbnail function port (default ${DEFAULT-VALUE})")
    int functionPort;

    @Option(names = "--management-port", defaultValue = "9090",
            description = "gateway health and metrics port (default ${DEFAULT-VALUE})")
    int managementPort;

    @Override
    public Integer call() throws Exception {
        DemoStack stack = DemoStack.start(new DemoStack.Ports(gatewayPort, storePort, sqsPort, functionPort, managementPort));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "demo-shutdown"));
        String store = stack.store().endpoint();
        System.out.printf("""

                Tributary demo is running (Ctrl-C stops it).

                  Upload an image, from another terminal:
                    ./tributary demo upload path/to/cat.jpg
                  or with plain HTTP:
                    curl -T path/to/cat.jpg %1$s/%2$s/cat.jpg

                  Watch it flow: store -> S3 notification -> SQS -> gateway -> thumbnail function.
                  The thumbnail appears at %1$s/%2$s/thumbnails/cat.jpg
                  and side by side with the upload at %3$s/demo
                  Metrics: %4$s/prometheus

                """, store, DemoStack.BUCKET, stack.gatewayUrl(), stack.managementUrl());
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoMain()).execute(args));
    }
}
