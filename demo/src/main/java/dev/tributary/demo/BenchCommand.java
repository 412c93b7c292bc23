package dev.tributary.demo;

import dev.tributary.demo.store.DemoObjectStore;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./tributary demo bench}: end-to-end thumbnails per second — uploads through the S3 API,
 * notifications through SQS and the gateway, thumbnails written by the function — on a private
 * demo stack on free ports. A benchmark, not a test: it prints what it measured.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure end-to-end thumbnails per second on a private demo stack (free ports).")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--images", defaultValue = "60", description = "images per run (default ${DEFAULT-VALUE})")
    int images;

    @Option(
            names = "--warmup",
            defaultValue = "20",
            description = "images uploaded first and not counted (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--width", defaultValue = "2000", description = "image width (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "1500", description = "image height (default ${DEFAULT-VALUE})")
    int height;

    @Override
    public Integer call() throws Exception {
        byte[] jpeg = jpeg(width, height);
        try (DemoStack demo = DemoStack.start(DemoStack.Ports.ANY);
                S3Client s3 = S3Client.builder()
                        .endpointOverride(URI.create(demo.store().endpoint()))
                        .forcePathStyle(true)
                        .region(Region.US_EAST_1)
                        .httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                        .build()) {
            run(demo.store(), s3, "warmup", warmup, jpeg);
            long start = System.nanoTime();
            run(demo.store(), s3, "bench", images, jpeg);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "%nend to end: %d images of %dx%d (%d bytes) in %.2f s = %.1f thumbnails/s (%d cores)%n",
                    images,
                    width,
                    height,
                    jpeg.length,
                    seconds,
                    images / seconds,
                    Runtime.getRuntime().availableProcessors());
        }
        return 0;
    }

    private static void run(DemoObjectStore store, S3Client s3, String prefix, int count, byte[] jpeg)
            throws InterruptedException {
        for (int i = 0; i < count; i++) {
            String key = prefix + "/" + i + ".jpg";
            s3.putObject(
                    p -> p.bucket(DemoStack.BUCKET).key(key).contentType("image/jpeg"), RequestBody.fromBytes(jpeg));
        }
        String thumbnails = "thumbnails/" + prefix + "/";
        long deadline = System.nanoTime() + 600_000_000_000L;
        int done = 0;
        while (done < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            int now = store.list(DemoStack.BUCKET, thumbnails).size();
            if (now / 10 != done / 10) {
                System.out.printf("%s: %d/%d thumbnails%n", prefix, now, count);
            }
            done = now;
        }
        if (done < count) {
            throw new IllegalStateException(
                    prefix + ": only " + done + " of " + count + " thumbnails after 10 minutes");
        }
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int y = 0; y < height; y += 50) {
            g.setColor(new Color(Color.HSBtoRGB(y / (float) height, 0.8f, 0.9f)));
            g.fillRect(0, y, width, 50);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
