package dev.tributary.demo.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays S3's part in the local demo: an in-memory, S3-compatible object store (path-style REST:
 * create bucket, PutObject, GetObject, HeadObject, ListObjectsV2) that, like S3 with an event
 * notification configured, publishes an S3 event message for every object created (before
 * answering the PUT, so a client that sees its upload succeed knows the event is queued). No
 * S3-compatible store available here publishes notifications, hence this small one.
 *
 * <p>Requests are not authenticated: it listens on loopback only and is for the demo.
 * Thread-safe.
 */
public final class DemoObjectStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoObjectStore.class);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** A stored object. */
    public record StoredObject(byte[] bytes, String contentType, String etag, Instant lastModified) {
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final String region;
    private final Consumer<String> notifications;
    private final Map<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    private final Map<String, Boolean> buckets = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param port the loopback port, 0 for any
     * @param notifications receives the S3 event message (JSON) of every object created
     */
    public DemoObjectStore(int port, String region, Consumer<String> notifications) throws IOException {
        this.region = region;
        this.notifications = notifications;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void createBucket(String bucket) {
        buckets.put(bucket, Boolean.TRUE);
    }

    /** Objects of a bucket under a prefix, by key. */
    public Map<String, StoredObject> list(String bucket, String prefix) {
        Map<String, StoredObject> found = new java.util.TreeMap<>();
        objects.forEach((path, object) -> {
            if (path.startsWith(bucket + "/" + prefix)) {
                found.put(path.substring(bucket.length() + 1), object);
            }
        });
        return found;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(1);
            int slash = path.indexOf('/');
            String bucket = slash < 0 ? path : path.substring(0, slash);
            String key = slash < 0 ? "" : path.substring(slash + 1);
            String method = exchange.getRequestMethod();
            if (bucket.isEmpty()) {
                error(exchange, 400, "InvalidBucketName", "path-style requests only: /BUCKET/KEY");
            } else if (key.isEmpty()) {
                bucketRequest(exchange, method, bucket);
            } else if (!buckets.containsKey(bucket)) {
                error(exchange, 404, "NoSuchBucket", "no bucket " + bucket);
            } else if (method.equals("PUT")) {
                put(exchange, bucket, key);
            } else if (method.equals("GET") || method.equals("HEAD")) {
                get(exchange, bucket, key, method.equals("HEAD"));
            } else {
                error(exchange, 405, "MethodNotAllowed", method + " is not supported by the demo store");
            }
        }
    }

    private void bucketRequest(HttpExchange exchange, String method, String bucket) throws IOException {
        if (method.equals("PUT")) {
            createBucket(bucket);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
        } else if (method.equals("GET") && buckets.containsKey(bucket)) {
            String query = exchange.getRequestURI().getRawQuery();
            String prefix = ListObjectsXml.parameter(query, "prefix");
            byte[] xml = ListObjectsXml.render(bucket, prefix, list(bucket, prefix)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, xml.length);
            exchange.getResponseBody().write(xml);
        } else if (method.equals("HEAD") && buckets.containsKey(bucket)) {
            exchange.sendResponseHeaders(200, -1);
        } else {
            error(exchange, 404, "NoSuchBucket", "no bucket " + bucket);
        }
    }

    private void put(HttpExchange exchange, String bucket, String key) throws IOException {
        var headers = exchange.getRequestHeaders();
        byte[] bytes = AwsChunkedBody.isChunked(headers.getFirst("Content-Encoding"), headers.getFirst("x-amz-content-sha256"))
                ? AwsChunkedBody.decode(exchange.getRequestBody())
                : exchange.getRequestBody().readAllBytes();
        String etag = "\"" + md5(bytes) + "\"";
        String contentType = headers.getFirst("Content-Type") == null ? "application/octet-stream" : headers.getFirst("Content-Type");
        Instant now = Instant.now();
        objects.put(bucket + "/" + key, new StoredObject(bytes, contentType, etag, now));
        long n = sequence.incrementAndGet();
        String requestId = String.format("DEMO%012X", n);
        String hostId = "demo-host-" + n;
        notifications.accept(S3EventMessage.objectCreated(region, bucket, key, bytes.length, etag.replace("\"", ""),
                requestId, hostId, now, n));
        LOG.info("store: PUT s3://{}/{} ({} bytes) -> S3 notification, event id {}.{}", bucket, key, bytes.length,
                requestId, hostId);
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.getResponseHeaders().add("x-amz-request-id", requestId);
        exchange.sendResponseHeaders(200, -1);
    }

    private void get(HttpExchange exchange, String bucket, String key, boolean headOnly) throws IOException {
        StoredObject object = objects.get(bucket + "/" + key);
        if (object == null) {
            error(exchange, 404, "NoSuchKey", "The specified key does not exist: " + key);
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", object.contentType());
        headers.add("ETag", object.etag());
        headers.add("Last-Modified", HTTP_DATE.format(object.lastModified()));
        if (headOnly) {
            headers.add("Content-Length", Integer.toString(object.bytes().length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, object.bytes().length == 0 ? -1 : object.bytes().length);
        exchange.getResponseBody().write(object.bytes());
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                + ListObjectsXml.escape(message) + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, xml.length);
            exchange.getResponseBody().write(xml);
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
    }
}
