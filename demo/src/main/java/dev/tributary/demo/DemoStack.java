package dev.tributary.demo;

import dev.tributary.demo.journal.FunctionTap;
import dev.tributary.demo.journal.UploadJournal;
import dev.tributary.demo.store.DemoObjectStore;
import dev.tributary.examples.thumbnail.HttpFunction;
import dev.tributary.examples.thumbnail.Settings;
import dev.tributary.examples.thumbnail.ThumbnailService;
import dev.tributary.gateway.cli.ServerStartLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole demo in one process, all on 127.0.0.1: an SQS-compatible queue (ElasticMQ), the demo
 * object store publishing S3 notifications to it, the thumbnail function, and the gateway with
 * {@code mappings/demo.yaml}. {@link #close()} stops everything in reverse order.
 */
public final class DemoStack implements AutoCloseable {

    /** The bucket uploads go to. */
    public static final String BUCKET = "uploads";

    static final String QUEUE = "tributary-demo-uploads";
    static final String REGION = "us-east-1";
    private static final String THUMBNAILS = "thumbnails/";

    private static final Logger LOG = LoggerFactory.getLogger(DemoStack.class);

    /** The parts that listen on a port. */
    enum Part {
        QUEUE("the SQS queue (ElasticMQ)"),
        STORE("the S3-compatible store"),
        FUNCTION("the thumbnail function"),
        GATEWAY("the gateway"),
        MANAGEMENT("the gateway's health and metrics");

        private final String description;

        Part(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** Starts a part; may fail on its port. */
    @FunctionalInterface
    private interface Start<T> {
        T start() throws Exception;
    }

    /** Ports of each part ({@code management}: the gateway's health and metrics); 0 picks a free one. */
    public record Ports(int gateway, int store, int queue, int function, int management) {
        public static final Ports DEFAULT = new Ports(8080, 9000, 9324, 8081, 9090);
        public static final Ports ANY = new Ports(0, 0, 0, 0, 0);
    }

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final DemoObjectStore store;
    private final ApplicationContext gateway;
    private final String queueUrl;
    private final UploadJournal journal;
    private final int managementPort;

    private DemoStack(
            DemoObjectStore store,
            ApplicationContext gateway,
            String queueUrl,
            UploadJournal journal,
            int managementPort) {
        this.store = store;
        this.gateway = gateway;
        this.queueUrl = queueUrl;
        this.journal = journal;
        this.managementPort = managementPort;
    }

    /**
     * Starts every part.
     *
     * @throws PortInUseException when a part's port is taken
     */
    public static DemoStack start(Ports ports) throws IOException {
        // the demo's local services accept any credentials; the SDK's default chain reads these
        System.setProperty("aws.accessKeyId", "demo");
        System.setProperty("aws.secretAccessKey", "demo");
        System.setProperty("aws.region", REGION);
        List<AutoCloseable> parts = new ArrayList<>();
        UploadJournal journal = new UploadJournal();
        try {
            SQSRestServer elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1")
                    .withPort(ports.queue())
                    .start();
            parts.add(elasticMq::stopAndWait);
            int queuePort = on(
                    Part.QUEUE,
                    ports.queue(),
                    () -> elasticMq.waitUntilStarted().localAddress().getPort());
            String sqsEndpoint = "http://127.0.0.1:" + queuePort;
            SqsClient sqs = SqsClient.builder()
                    .endpointOverride(URI.create(sqsEndpoint))
                    .region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
            parts.add(sqs);
            String queueUrl = sqs.createQueue(q -> q.queueName(QUEUE)).queueUrl();
            LOG.info("queue: ElasticMQ at {}, queue {}", sqsEndpoint, queueUrl);

            DemoObjectStore store = on(
                    Part.STORE,
                    ports.store(),
                    () -> new DemoObjectStore(
                            ports.store(), REGION, created -> notify(created, sqs, queueUrl, journal)));
            parts.add(store);
            store.createBucket(BUCKET);
            LOG.info("store: S3-compatible store at {}, bucket '{}', notifying {}", store.endpoint(), BUCKET, QUEUE);

            Settings settings = Settings.fromEnvironment(Map.of(
                    "PORT", Integer.toString(ports.function()), "S3_ENDPOINT", store.endpoint(), "AWS_REGION", REGION));
            HttpFunction function = on(
                    Part.FUNCTION,
                    ports.function(),
                    () -> HttpFunction.start(
                            ThumbnailService.create(settings),
                            new InetSocketAddress("127.0.0.1", ports.function()),
                            List.of(new FunctionTap(journal))));
            parts.add(function);
            LOG.info("function: thumbnail function at http://127.0.0.1:{}/", function.port());

            System.setProperty("TRIBUTARY_DEMO_QUEUE_URL", queueUrl);
            System.setProperty("TRIBUTARY_DEMO_SQS_ENDPOINT", sqsEndpoint);
            System.setProperty("TRIBUTARY_DEMO_THUMBNAILER_URL", "http://127.0.0.1:" + function.port() + "/");
            int gatewayPort = ports.gateway() == 0 ? freePort() : ports.gateway();
            System.setProperty("TRIBUTARY_DEMO_JOURNAL_URL", "http://127.0.0.1:" + gatewayPort + "/demo/journal");
            // a port of its own even when the others are picked freely (0 would make it the push port);
            // checked first, as the gateway's start-up failure would not say which of its ports was taken
            int managementPort = ports.management() == 0 ? freePort() : ensureFree(Part.MANAGEMENT, ports.management());
            // not Micronaut.run: that adds a JVM shutdown hook racing the demo's own (a deadlock on exit)
            ApplicationContext gateway = ApplicationContext.builder()
                    .banner(false)
                    .properties(Map.of(
                            "tributary.mappings",
                            mappingsFile().toString(),
                            "micronaut.server.host",
                            "127.0.0.1",
                            "micronaut.server.port",
                            gatewayPort,
                            "endpoints.all.port",
                            managementPort,
                            "logger.levels.dev.tributary.gateway.dispatch.Dispatcher",
                            "DEBUG"))
                    .singletons(store, journal)
                    .start();
            parts.add(gateway);
            on(
                    Part.GATEWAY,
                    gatewayPort,
                    () -> ServerStartLog.quietly(
                            () -> gateway.getBean(EmbeddedServer.class).start()));
            DemoStack stack = new DemoStack(store, gateway, queueUrl, journal, managementPort);
            stack.parts.addAll(parts);
            return stack;
        } catch (IOException | RuntimeException e) {
            closeAll(parts);
            throw e;
        }
    }

    /** Publishes an object's S3 notification on the queue, journaling each step (thumbnails are the function's, not uploads). */
    private static void notify(
            DemoObjectStore.ObjectCreated created, SqsClient sqs, String queueUrl, UploadJournal journal) {
        boolean upload = !created.key().startsWith(THUMBNAILS);
        if (upload) {
            journal.stored(created.eventId(), created.key(), created.size(), created.at());
            journal.stage(
                    created.eventId(), "notification", "S3 event message published, event id " + created.eventId());
        }
        String messageId = sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(created.message()))
                .messageId();
        if (upload) {
            journal.stage(created.eventId(), "SQS", "queued on " + QUEUE + " as message " + messageId);
        }
    }

    /** Runs a part's start, telling a busy port apart from other failures. */
    private static <T> T on(Part part, int port, Start<T> start) throws IOException {
        try {
            return start.start();
        } catch (Exception e) {
            if (PortInUseException.isAddressInUse(e)) {
                throw new PortInUseException(part, port, e);
            }
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(part.description() + " did not start: " + e.getMessage(), e);
        }
    }

    /** {@code port}, once it is seen free on the loopback address. */
    private static int ensureFree(Part part, int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException e) {
            throw new PortInUseException(part, port, e);
        }
    }

    /** A free loopback port, for the gateway (whose journal URL must be known before it starts) and its management port. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public DemoObjectStore store() {
        return store;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.getBean(EmbeddedServer.class).getPort();
    }

    /** The gateway's management base URL (health, Prometheus), on its own port. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public ApplicationContext gateway() {
        return gateway;
    }

    /** What happened to each upload. */
    public UploadJournal journal() {
        return journal;
    }

    /** The SQS queue the store notifies and the gateway consumes. */
    public String queueUrl() {
        return queueUrl;
    }

    private static Path mappingsFile() throws IOException {
        Path file = Files.createTempFile("tributary-demo", ".yaml");
        file.toFile().deleteOnExit();
        try (InputStream in = DemoStack.class.getClassLoader().getResourceAsStream("demo.yaml")) {
            if (in == null) {
                throw new IllegalStateException("demo.yaml is missing from the demo jar");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    @Override
    public void close() {
        closeAll(parts);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        List<AutoCloseable> reversed = new ArrayList<>(parts);
        Collections.reverse(reversed);
        for (AutoCloseable part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("stopping a demo part failed: {}", e.toString());
            }
        }
    }
}
