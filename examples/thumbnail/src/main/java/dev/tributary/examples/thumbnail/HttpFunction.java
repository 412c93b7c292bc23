package dev.tributary.examples.thumbnail;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face: the JDK's HTTP server with {@link CloudEventHttpHandler} on {@code /}. Requests
 * run on one thread per processor, which also bounds the memory spent decoding images at once.
 * {@link #main} is the {@code Main-Class} of {@code thumbnailer.jar}.
 */
public final class HttpFunction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFunction.class);

    private final HttpServer server;
    private final ExecutorService workers;

    private HttpFunction(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Starts serving {@code service} on {@code address} (port 0 picks a free port).
     *
     * @throws IOException if the address cannot be bound
     */
    public static HttpFunction start(ThumbnailService service, InetSocketAddress address) throws IOException {
        return start(service, address, List.of());
    }

    /**
     * Starts serving {@code service} on {@code address}, each request passing {@code filters} first
     * (an embedding process watching requests and answers, like the demo's journal).
     *
     * @throws IOException if the address cannot be bound
     */
    public static HttpFunction start(ThumbnailService service, InetSocketAddress address, List<Filter> filters)
            throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService workers =
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        server.setExecutor(workers);
        server.createContext("/", new CloudEventHttpHandler(service))
                .getFilters()
                .addAll(filters);
        server.start();
        return new HttpFunction(server, workers);
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting requests, lets running ones finish for up to a second, and stops the workers. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
    }

    /** Serves on {@code PORT} (all interfaces) with the settings of {@link Settings#fromEnvironment}. */
    public static void main(String[] args) throws IOException {
        Settings settings = Settings.fromEnvironment(System.getenv());
        HttpFunction function = start(ThumbnailService.create(settings), new InetSocketAddress(settings.port()));
        Runtime.getRuntime().addShutdownHook(new Thread(function::close, "shutdown"));
        LOG.info(
                "thumbnail function listening on port {} (S3 endpoint {}, region {})",
                function.port(),
                settings.s3Endpoint().map(Object::toString).orElse("AWS"),
                settings.region());
    }
}
