package dev.tributary.demo.store;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays S3's part in the local demo: an in-memory, S3-compatible object store (path-style REST:
 * create bucket, PutObject, multipart uploads — create, upload part, complete, abort — GetObject
 * and HeadObject with byte ranges or part numbers, ListObjectsV2) that, like S3 with an event
 * notification configured, publishes an S3 event message for every object created: one per PUT,
 * one per completed multipart upload (before answering, so a client that sees its upload succeed
 * knows the event is queued). No S3-compatible store available here publishes notifications,
 * hence this small one.
 *
 * <p>Objects live in memory only: they are gone when the demo stops. Requests are not
 * authenticated: it listens on loopback only and is for the demo. Thread-safe.
 */
public final class DemoObjectStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoObjectStore.class);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /**
     * A stored object.
     *
     * @param partSizes the size of each part of a multipart upload, in order; empty for a single PUT
     */
    public record StoredObject(
            byte[] bytes, String contentType, String etag, Instant lastModified, List<Integer> partSizes) {}

    /**
     * An object was created and its S3 event message is ready to publish.
     *
     * @param eventId the CloudEvent id the gateway derives from the message ({@code x-amz-request-id.x-amz-id-2})
     * @param message the S3 event message (JSON)
     */
    public record ObjectCreated(String eventId, String bucket, String key, long size, Instant at, String message) {}

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final String region;
    private final Consumer<ObjectCreated> notifications;
    private final Map<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    private final Map<String, Boolean> buckets = new ConcurrentSkipListMap<>();
    private final MultipartUploads multipart = new MultipartUploads();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param port the loopback port, 0 for any
     * @param notifications publishes the S3 event message of every object created
     * @throws java.net.BindException if the port is in use
     */
    public DemoObjectStore(int port, String region, Consumer<ObjectCreated> notifications) throws IOException {
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
            String query = exchange.getRequestURI().getRawQuery();
            if (bucket.isEmpty()) {
                error(exchange, 400, "InvalidBucketName", "path-style requests only: /BUCKET/KEY");
            } else if (key.isEmpty()) {
                bucketRequest(exchange, method, bucket);
            } else if (!buckets.containsKey(bucket)) {
                error(exchange, 404, "NoSuchBucket", "no bucket " + bucket);
            } else if (hasParameter(query, "uploadId") || (method.equals("POST") && hasParameter(query, "uploads"))) {
                multipartRequest(exchange, method, bucket, key, query);
            } else if (method.equals("PUT")) {
                byte[] bytes = body(exchange);
                created(
                        exchange,
                        bucket,
                        key,
                        new StoredObject(
                                bytes,
                                contentType(exchange.getRequestHeaders()),
                                "\"" + HexFormat.of().formatHex(MultipartUploads.md5(bytes)) + "\"",
                                Instant.now(),
                                List.of()),
                        "ObjectCreated:Put");
                exchange.sendResponseHeaders(200, -1);
            } else if (method.equals("GET") || method.equals("HEAD")) {
                get(exchange, bucket, key, method.equals("HEAD"), ListObjectsXml.parameter(query, "partNumber"));
            } else {
                error(exchange, 405, "MethodNotAllowed", method + " is not supported by the demo store");
            }
        }
    }

    private void multipartRequest(HttpExchange exchange, String method, String bucket, String key, String query)
            throws IOException {
        String uploadId = ListObjectsXml.parameter(query, "uploadId");
        try {
            if (method.equals("POST") && hasParameter(query, "uploads")) {
                exchange.getRequestBody().readAllBytes();
                String id = multipart.create(bucket, key, contentType(exchange.getRequestHeaders()));
                xml(exchange, 200, CompleteMultipartXml.initiated(bucket, key, id));
            } else if (method.equals("PUT")) {
                String etag = multipart.putPart(
                        uploadId,
                        bucket,
                        key,
                        partNumber(ListObjectsXml.parameter(query, "partNumber")),
                        body(exchange));
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.sendResponseHeaders(200, -1);
            } else if (method.equals("POST")) {
                multipart.require(uploadId, bucket, key);
                MultipartUploads.Completed done = multipart.complete(
                        uploadId,
                        bucket,
                        key,
                        CompleteMultipartXml.parts(exchange.getRequestBody().readAllBytes()));
                created(
                        exchange,
                        bucket,
                        key,
                        new StoredObject(
                                done.bytes(), done.contentType(), done.etag(), Instant.now(), done.partSizes()),
                        "ObjectCreated:CompleteMultipartUpload");
                xml(
                        exchange,
                        200,
                        CompleteMultipartXml.completed(
                                endpoint() + "/" + bucket + "/" + key, bucket, key, done.etag()));
            } else if (method.equals("DELETE")) {
                multipart.require(uploadId, bucket, key);
                multipart.abort(uploadId);
                exchange.sendResponseHeaders(204, -1);
            } else {
                error(
                        exchange,
                        405,
                        "MethodNotAllowed",
                        method + " is not supported on multipart uploads by the demo store");
            }
        } catch (MultipartUploads.MultipartException e) {
            error(exchange, e.status, e.code, e.getMessage());
        }
    }

    private static int partNumber(String value) throws MultipartUploads.MultipartException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new MultipartUploads.MultipartException(
                    400, "InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive");
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
            xml(exchange, 200, ListObjectsXml.render(bucket, prefix, list(bucket, prefix)));
        } else if (method.equals("HEAD") && buckets.containsKey(bucket)) {
            exchange.sendResponseHeaders(200, -1);
        } else {
            error(exchange, 404, "NoSuchBucket", "no bucket " + bucket);
        }
    }

    /** Stores the object and publishes its S3 event message, then sets the answer's ETag and request ids. */
    private void created(HttpExchange exchange, String bucket, String key, StoredObject object, String eventName) {
        objects.put(bucket + "/" + key, object);
        long n = sequence.incrementAndGet();
        String requestId = String.format("DEMO%012X", n);
        String hostId = "demo-host-" + n;
        String eventId = requestId + "." + hostId;
        notifications.accept(new ObjectCreated(
                eventId,
                bucket,
                key,
                object.bytes().length,
                object.lastModified(),
                S3EventMessage.objectCreated(
                        region,
                        eventName,
                        bucket,
                        key,
                        object.bytes().length,
                        object.etag().replace("\"", ""),
                        requestId,
                        hostId,
                        object.lastModified(),
                        n)));
        LOG.info(
                "store: {} s3://{}/{} ({} bytes) -> S3 notification, event id {}",
                eventName,
                bucket,
                key,
                object.bytes().length,
                eventId);
        exchange.getResponseHeaders().add("ETag", object.etag());
        exchange.getResponseHeaders().add("x-amz-request-id", requestId);
        exchange.getResponseHeaders().add("x-amz-id-2", hostId);
    }

    private void get(HttpExchange exchange, String bucket, String key, boolean headOnly, String partNumber)
            throws IOException {
        StoredObject object = objects.get(bucket + "/" + key);
        if (object == null) {
            error(exchange, 404, "NoSuchKey", "The specified key does not exist: " + key);
            return;
        }
        long size = object.bytes().length;
        Optional<ByteRange> range;
        try {
            range = partNumber.isEmpty()
                    ? ByteRange.parse(exchange.getRequestHeaders().getFirst("Range"), size)
                    : Optional.of(part(object, partNumber));
        } catch (ByteRange.Unsatisfiable e) {
            exchange.getResponseHeaders().add("Content-Range", "bytes */" + size);
            error(exchange, 416, partNumber.isEmpty() ? "InvalidRange" : "InvalidPartNumber", e.getMessage());
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.add("Content-Type", object.contentType());
        headers.add("ETag", object.etag());
        headers.add("Last-Modified", HTTP_DATE.format(object.lastModified()));
        headers.add("Accept-Ranges", "bytes");
        if (!partNumber.isEmpty() && !object.partSizes().isEmpty()) {
            headers.add(
                    "x-amz-mp-parts-count", Integer.toString(object.partSizes().size()));
        }
        range.ifPresent(r -> headers.add("Content-Range", r.contentRange(size)));
        long length = range.map(ByteRange::length).orElse(size);
        int status = range.isPresent() ? 206 : 200;
        if (headOnly) {
            headers.add("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        exchange.getResponseBody()
                .write(
                        object.bytes(),
                        (int) range.map(ByteRange::first).orElse(0L).longValue(),
                        (int) length);
    }

    /** The byte range of part {@code number}; a single-PUT object is its own part 1. */
    private static ByteRange part(StoredObject object, String number) throws ByteRange.Unsatisfiable {
        List<Integer> sizes = object.partSizes().isEmpty() ? List.of(object.bytes().length) : object.partSizes();
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > sizes.size()) {
            throw new ByteRange.Unsatisfiable("The requested partnumber is not satisfiable");
        }
        long first =
                sizes.subList(0, n - 1).stream().mapToLong(Integer::longValue).sum();
        return new ByteRange(first, first + sizes.get(n - 1) - 1);
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        return AwsChunkedBody.isChunked(headers.getFirst("Content-Encoding"), headers.getFirst("x-amz-content-sha256"))
                ? AwsChunkedBody.decode(exchange.getRequestBody())
                : exchange.getRequestBody().readAllBytes();
    }

    private static String contentType(Headers headers) {
        String type = headers.getFirst("Content-Type");
        return type == null ? "application/octet-stream" : type;
    }

    private static boolean hasParameter(String query, String name) {
        return query != null
                && java.util.Arrays.stream(query.split("&")).anyMatch(p -> p.equals(name) || p.startsWith(name + "="));
    }

    private static void xml(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                + ListObjectsXml.escape(message) + "</Message></Error>";
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            xml(exchange, status, xml);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
    }
}
