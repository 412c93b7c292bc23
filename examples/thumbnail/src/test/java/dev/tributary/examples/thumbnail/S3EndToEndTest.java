package dev.tributary.examples.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The S3 path against a real S3-compatible server (S3Mock, one for the whole class): the
 * production client configuration ({@link S3ObjectStore#client}: endpoint override, path style,
 * checksums), reads, writes with content type, and the error mapping.
 */
class S3EndToEndTest {

    private static final String BUCKET = "photos";

    @TempDir
    static Path root;

    private static S3Server server;
    private static Settings settings;
    private static S3Client s3;

    @BeforeAll
    static void startServer() throws Exception {
        // credentials through the SDK's default chain, as in production (S3Mock accepts any)
        System.setProperty("aws.accessKeyId", "thumbnail-test");
        System.setProperty("aws.secretAccessKey", "thumbnail-test-secret");
        server = S3Server.start(root);
        settings = Settings.fromEnvironment(
                Map.of("S3_ENDPOINT", server.endpoint().toString(), "AWS_REGION", "eu-west-1"));
        s3 = S3ObjectStore.client(settings);
        s3.createBucket(request -> request.bucket(BUCKET));
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
        server.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void aNeutralEventThumbnailsTheUploadedJpeg() {
        upload("uploads/red flower.jpg", TestImages.jpeg(2000, 1500), "image/jpeg");

        Outcome outcome = service().handle(TestEvents.neutral("s3-1", BUCKET, "uploads/red flower.jpg"));

        ResponseBytes<GetObjectResponse> thumbnail = download("thumbnails/uploads/red flower.jpg");
        assertEquals("image/jpeg", thumbnail.response().contentType());
        assertEquals(
                new Outcome.Written(
                        new ObjectRef(BUCKET, "thumbnails/uploads/red flower.jpg"),
                        thumbnail.asByteArray().length,
                        300,
                        225),
                outcome);
        BufferedImage decoded = TestImages.decode(thumbnail.asByteArray());
        assertEquals(300, decoded.getWidth());
        assertEquals(225, decoded.getHeight());
    }

    @Test
    void anS3EventWithAUnicodeKeyThroughTheHttpFace() throws Exception {
        upload("photos/café ☕.png", TestImages.png(1000, 3000), "image/png");
        String event = new String(
                TestEvents.structured(TestEvents.s3Created("s3-2", BUCKET, "photos/caf%C3%A9+%E2%98%95.png")),
                StandardCharsets.UTF_8);

        try (HttpFunction function =
                HttpFunction.start(service(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + function.port() + "/"))
                                    .header("Content-Type", "application/cloudevents+json")
                                    .POST(HttpRequest.BodyPublishers.ofString(event))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode(), response.body());
            JsonNode body = TestEvents.JSON.readTree(response.body());
            assertEquals("thumbnails/photos/café ☕.png", body.path("thumbnail").asText());
        }
        ResponseBytes<GetObjectResponse> thumbnail = download("thumbnails/photos/café ☕.png");
        assertEquals("image/png", thumbnail.response().contentType());
        assertEquals(100, TestImages.decode(thumbnail.asByteArray()).getWidth());
    }

    @Test
    void aMissingObjectOrBucketIsSkippedAsNotFound() {
        Outcome noObject = service().handle(TestEvents.neutral("s3-3", BUCKET, "deleted-before-we-came.jpg"));
        Outcome noBucket = service().handle(TestEvents.neutral("s3-4", "no-such-bucket", "a.jpg"));

        assertEquals(SkipReason.OBJECT_NOT_FOUND, ((Outcome.Skipped) noObject).reason());
        assertEquals(SkipReason.OBJECT_NOT_FOUND, ((Outcome.Skipped) noBucket).reason());
    }

    @Test
    void anObjectOverTheByteLimitIsSkippedUnread() {
        upload("big.jpg", TestImages.jpeg(400, 300), "image/jpeg");

        UnusableObjectException e = assertThrows(
                UnusableObjectException.class, () -> new S3ObjectStore(s3, 1000).get(new ObjectRef(BUCKET, "big.jpg")));

        assertEquals(SkipReason.OBJECT_TOO_LARGE, e.reason());
    }

    @Test
    void anUnreachableStoreIsUnavailable() throws Exception {
        Settings nowhere = Settings.fromEnvironment(Map.of("S3_ENDPOINT", "http://127.0.0.1:" + S3Server.freePort()));

        try (S3Client unreachable = S3ObjectStore.client(nowhere)) {
            S3ObjectStore store = new S3ObjectStore(unreachable, settings.maxObjectBytes());

            assertThrows(StorageUnavailableException.class, () -> store.get(new ObjectRef(BUCKET, "a.jpg")));
            assertThrows(
                    StorageUnavailableException.class,
                    () -> store.put(new ObjectRef(BUCKET, "b.jpg"), new byte[1], "image/jpeg"));
        }
    }

    private static ThumbnailService service() {
        return new ThumbnailService(
                new S3ObjectStore(s3, settings.maxObjectBytes()), new Thumbnails(settings.maxPixels()));
    }

    private static void upload(String key, byte[] content, String contentType) {
        s3.putObject(
                request -> request.bucket(BUCKET).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    private static ResponseBytes<GetObjectResponse> download(String key) {
        return s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key));
    }
}
