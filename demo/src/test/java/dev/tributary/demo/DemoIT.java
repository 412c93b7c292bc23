package dev.tributary.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.demo.store.DemoObjectStore;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole demo, end to end: images uploaded through the S3 API come back as thumbnails that fit
 * 300×300 with their aspect ratio kept; a text file named {@code .jpg} is skipped once, not retried.
 */
class DemoIT {

    private static DemoStack demo;
    private static S3Client s3;

    @BeforeAll
    static void start() throws IOException {
        demo = DemoStack.start(DemoStack.Ports.ANY);
        s3 = S3Client.builder()
                .endpointOverride(URI.create(demo.store().endpoint()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                .build();
    }

    @AfterAll
    static void stop() {
        s3.close();
        demo.close();
    }

    @Test
    void uploadsBecomeThumbnailsAndNonImagesAreSkippedOnce() throws Exception {
        upload("photos/big cat.jpg", image(2000, 1500, "jpg"), "image/jpeg");
        upload("portrait.png", image(900, 1200, "png"), "image/png");
        upload("notes.jpg", "these are not pixels".getBytes(StandardCharsets.UTF_8), "image/jpeg");

        assertThumbnail("photos/big cat.jpg", 300, 225);
        assertThumbnail("portrait.png", 225, 300);

        String metrics = waitForMetric(
                "tributary_deliveries_total{outcome=\"delivered\",route=\"thumbnails\",sink=\"thumbnailer\"} 3.0");
        assertTrue(
                metrics.contains("tributary_delivery_retries_total{route=\"thumbnails\",sink=\"thumbnailer\"} 0.0"),
                metrics);
        assertFalse(demo.store().list(DemoStack.BUCKET, "thumbnails/").containsKey("thumbnails/notes.jpg"));
        assertQueueEmpties();

        String uploads = get(demo.gatewayUrl() + "/demo/uploads");
        assertTrue(
                uploads.contains("\"key\":\"photos/big cat.jpg\"")
                        && uploads.contains("\"thumbnail\":\"thumbnails/portrait.png\"")
                        && uploads.contains(
                                "\"summary\":\"skipped: not an image (no image reader recognises the content)\""),
                uploads);
    }

    private static void upload(String key, byte[] bytes, String contentType) {
        s3.putObject(p -> p.bucket(DemoStack.BUCKET).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    private static void assertThumbnail(String key, int width, int height) throws Exception {
        DemoObjectStore.StoredObject thumbnail = null;
        for (long deadline = System.nanoTime() + 60_000_000_000L; thumbnail == null && System.nanoTime() < deadline; ) {
            thumbnail = demo.store().list(DemoStack.BUCKET, "thumbnails/" + key).get("thumbnails/" + key);
            Thread.sleep(100);
        }
        if (thumbnail == null) {
            throw new AssertionError("no thumbnail for " + key + " within 60 s");
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertEquals(width, image.getWidth(), key);
        assertEquals(height, image.getHeight(), key);
    }

    private static String waitForMetric(String line) throws Exception {
        String metrics = "";
        for (long deadline = System.nanoTime() + 30_000_000_000L; System.nanoTime() < deadline; Thread.sleep(200)) {
            metrics = get(demo.managementUrl() + "/prometheus");
            if (metrics.contains(line)) {
                return metrics;
            }
        }
        throw new AssertionError("metric line '" + line + "' not seen:\n" + metrics);
    }

    private static void assertQueueEmpties() throws InterruptedException {
        URI endpoint = URI.create(demo.queueUrl()).resolve("/");
        try (SqsClient sqs = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                .build()) {
            Map<QueueAttributeName, String> counts = Map.of();
            for (long deadline = System.nanoTime() + 20_000_000_000L; System.nanoTime() < deadline; Thread.sleep(200)) {
                counts = sqs.getQueueAttributes(a -> a.queueUrl(demo.queueUrl())
                                .attributeNames(
                                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                        .attributes();
                if (counts.values().stream().allMatch("0"::equals)) {
                    return;
                }
            }
            throw new AssertionError("queue not empty: " + counts);
        }
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
