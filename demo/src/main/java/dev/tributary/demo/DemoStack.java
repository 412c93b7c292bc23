package dev.tributary.demo;

import dev.tributary.demo.store.DemoObjectStore;
import dev.tributary.examples.thumbnail.HttpFunction;
import dev.tributary.examples.thumbnail.Settings;
import dev.tributary.examples.thumbnail.ThumbnailService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
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

    private static final Logger LOG = LoggerFactory.getLogger(DemoStack.class);

    /** Ports of each part ({@code management}: the gateway's health and metrics); 0 picks a free one. */
    public record Ports(int gateway, int store, int queue, int function, int management) {
        public static final Ports DEFAULT = new Ports(8080, 9000, 9324, 8081, 9090);
        public static final Ports ANY = new Ports(0, 0, 0, 0, 0);
    }

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final DemoObjectStore store;
    private final ApplicationContext gateway;
    private final String queueUrl;
    private final int managementPort;

    private DemoStack(DemoObjectStore store, ApplicationContext gateway, String queueUrl, int managementPort) {
        this.store = store;
        this.gateway = gateway;
        this.queueUrl = queueUrl;
        this.managementPort = managementPort;
    }

    public static DemoStack start(Ports ports) throws IOException {
        // the demo's local services accept any credentials; the SDK's default chain reads these
        System.setProperty("aws.accessKeyId", "demo");
        System.setProperty("aws.secretAccessKey", "demo");
        System.setProperty("aws.region", REGION);
        List<AutoCloseable> parts = new ArrayList<>();
        try {
            SQSRestServer elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(ports.queue()).start();
            parts.add(elasticMq::stopAndWait);
            String sqsEndpoint = "http://127.0.0.1:" + elasticMq.waitUntilStarted().localAddress().getPort();
            SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(sqsEndpoint)).region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            parts.add(sqs);
            String queueUrl = sqs.createQueue(q -> q.queueName(QUEUE)).queueUrl();
            LOG.info("queue: ElasticMQ at {}, queue {}", sqsEndpoint, queueUrl);

            DemoObjectStore store = new DemoObjectStore(ports.store(), REGION,
                    message -> sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(message)));
            parts.add(store);
            store.createBucket(BUCKET);
            LOG.info("store: S3-compatible store at {}, bucket '{}', notifying {}", store.endpoint(), BUCKET, QUEUE);

            Settings settings = Settings.fromEnvironment(Map.of("PORT", Integer.toString(ports.function()),
                    "S3_ENDPOINT", store.endpoint(), "AWS_REGION", REGION));
            HttpFunction function = HttpFunction.start(ThumbnailService.create(settings),
                    new InetSocketAddress("127.0.0.1", ports.function()));
            parts.add(function);
            LOG.info("function: thumbnail function at http://127.0.0.1:{}/", function.port());

            System.setProperty("TRIBUTARY_DEMO_QUEUE_URL", queueUrl);
            System.setProperty("TRIBUTARY_DEMO_SQS_ENDPOINT", sqsEndpoint);
            System.setProperty("TRIBUTARY_DEMO_THUMBNAILER_URL", "http://127.0.0.1:" + function.port() + "/");
            // a port of its own even when the others are picked freely (0 would make it the push port)
            int managementPort = ports.management() == 0 ? freePort() : ports.management();
            // not Micronaut.run: that adds a JVM shutdown hook racing the demo's own (a deadlock on exit)
            ApplicationContext gateway = ApplicationContext.builder()
                    .banner(false)
                    .properties(Map.of(
                            "tributary.mappings", mappingsFile().toString(),
                            "micronaut.server.host", "127.0.0.1",
                            "micronaut.server.port", ports.gateway(),
                            "endpoints.all.port", managementPort,
                            "logger.levels.dev.tributary.gateway.dispatch.Dispatcher", "DEBUG"))
                    .singletons(store)
                    .start();
            parts.add(gateway);
            gateway.getBean(EmbeddedServer.class).start();
            DemoStack stack = new DemoStack(store, gateway, queueUrl, managementPort);
            stack.parts.addAll(parts);
            return stack;
        } catch (IOException | RuntimeException e) {
            closeAll(parts);
            throw e;
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

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public ApplicationContext gateway() {
        return gateway;
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
