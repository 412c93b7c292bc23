package dev.tributary.demo.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The demo store with real S3 clients: the {@code aws} CLI (multipart {@code s3 cp} of a file over
 * its 8 MB threshold, ranged downloads, {@code s3api get-object --range}) and the SDK v2 (its Java
 * multipart client, and {@code UploadPart}/{@code AbortMultipartUpload} as S3 answers them).
 */
class S3ClientsIT {

    private static final int MB = 1024 * 1024;
    private static final List<String> NOTIFICATIONS = new CopyOnWriteArrayList<>();
    private static DemoObjectStore store;
    private static S3Client s3;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        store = new DemoObjectStore(0, "us-east-1", created -> NOTIFICATIONS.add(created.message()));
        store.createBucket("uploads");
        s3 = S3Client.builder()
                .endpointOverride(URI.create(store.endpoint()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        Files.writeString(dir.resolve("config"), "[default]\nregion = us-east-1\ns3 =\n    addressing_style = path\n");
    }

    @AfterAll
    static void stop() {
        s3.close();
        store.close();
    }

    @BeforeEach
    void forgetNotifications() {
        NOTIFICATIONS.clear();
    }

    @Test
    void awsCliCopiesABigFileInPartsAndBackWithRanges() throws Exception {
        byte[] bytes = random(9 * MB + 12345);
        Path big = Files.write(dir.resolve("big.jpg"), bytes);

        aws("s3", "cp", big.toString(), "s3://uploads/big.jpg");

        DemoObjectStore.StoredObject stored = store.list("uploads", "big.jpg").get("big.jpg");
        assertArrayEquals(bytes, stored.bytes());
        assertTrue(stored.partSizes().size() > 1, "uploaded in parts: " + stored.partSizes());
        assertEquals(multipartEtag(bytes, stored.partSizes()), stored.etag());
        assertEquals(1, NOTIFICATIONS.size(), "one notification, on complete: " + NOTIFICATIONS);
        JsonNode record = new ObjectMapper().readTree(NOTIFICATIONS.get(0)).at("/Records/0");
        assertEquals(
                "ObjectCreated:CompleteMultipartUpload", record.get("eventName").asText());
        assertEquals(bytes.length, record.at("/s3/object/size").asLong());

        Path copy = dir.resolve("copy.jpg");
        aws("s3", "cp", "s3://uploads/big.jpg", copy.toString());
        assertArrayEquals(bytes, Files.readAllBytes(copy), "downloaded in ranges, reassembled exactly");

        Path range = dir.resolve("range.bin");
        JsonNode answer = new ObjectMapper()
                .readTree(aws(
                        "s3api",
                        "get-object",
                        "--bucket",
                        "uploads",
                        "--key",
                        "big.jpg",
                        "--range",
                        "bytes=100-199",
                        range.toString()));
        assertEquals("bytes 100-199/" + bytes.length, answer.get("ContentRange").asText());
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 100, 200), Files.readAllBytes(range));
    }

    @Test
    void sdkMultipartClientUploadsInPartsAndDownloadsTheSameBytes() throws Exception {
        byte[] bytes = random(20 * MB);
        try (S3AsyncClient async = S3AsyncClient.builder()
                .endpointOverride(URI.create(store.endpoint()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                .multipartEnabled(true)
                .multipartConfiguration(c -> c.minimumPartSizeInBytes(8L * MB).thresholdInBytes(8L * MB))
                .build()) {
            async.putObject(p -> p.bucket("uploads").key("transfer.png"), AsyncRequestBody.fromBytes(bytes))
                    .get(60, TimeUnit.SECONDS);

            DemoObjectStore.StoredObject stored =
                    store.list("uploads", "transfer.png").get("transfer.png");
            assertEquals(List.of(8 * MB, 8 * MB, 4 * MB), stored.partSizes());
            assertEquals(multipartEtag(bytes, stored.partSizes()), stored.etag());
            assertEquals(1, NOTIFICATIONS.size(), NOTIFICATIONS.toString());

            byte[] downloaded = async.getObject(
                            g -> g.bucket("uploads").key("transfer.png"), AsyncResponseTransformer.toBytes())
                    .get(60, TimeUnit.SECONDS)
                    .asByteArray();
            assertArrayEquals(bytes, downloaded);
        }
    }

    @Test
    void uploadPartWithAnUnknownUploadIdIsNoSuchUploadAndStoresNothing() {
        S3Exception e = assertThrows(
                S3Exception.class,
                () -> s3.uploadPart(
                        p -> p.bucket("uploads")
                                .key("fragment.jpg")
                                .uploadId("no-such-upload")
                                .partNumber(1),
                        RequestBody.fromBytes(random(1000))));

        assertEquals(404, e.statusCode());
        assertEquals("NoSuchUpload", e.awsErrorDetails().errorCode());
        assertFalse(store.list("uploads", "").containsKey("fragment.jpg"));
        assertEquals(List.of(), NOTIFICATIONS);
    }

    @Test
    void anAbortedUploadIsGoneAndNotifiesNothing() {
        String id = s3.createMultipartUpload(c -> c.bucket("uploads").key("aborted.jpg"))
                .uploadId();
        s3.uploadPart(
                p -> p.bucket("uploads").key("aborted.jpg").uploadId(id).partNumber(1),
                RequestBody.fromBytes(random(1000)));

        s3.abortMultipartUpload(a -> a.bucket("uploads").key("aborted.jpg").uploadId(id));

        S3Exception e = assertThrows(
                S3Exception.class,
                () -> s3.completeMultipartUpload(
                        c -> c.bucket("uploads").key("aborted.jpg").uploadId(id)));
        assertEquals("NoSuchUpload", e.awsErrorDetails().errorCode());
        assertFalse(store.list("uploads", "").containsKey("aborted.jpg"));
        assertEquals(List.of(), NOTIFICATIONS);
    }

    @Test
    void rangesBeyondTheObjectAreInvalidRange() {
        s3.putObject(p -> p.bucket("uploads").key("small.txt"), RequestBody.fromString("0123456789"));

        assertEquals(
                "789",
                s3.getObjectAsBytes(g -> g.bucket("uploads").key("small.txt").range("bytes=-3"))
                        .asUtf8String());
        assertEquals(
                "56789",
                s3.getObjectAsBytes(g -> g.bucket("uploads").key("small.txt").range("bytes=5-100"))
                        .asUtf8String());
        S3Exception e = assertThrows(
                S3Exception.class,
                () -> s3.getObjectAsBytes(
                        g -> g.bucket("uploads").key("small.txt").range("bytes=10-")));
        assertEquals(416, e.statusCode());
    }

    /** S3's multipart ETag, computed here independently: MD5 of the parts' binary MD5s, then "-N". */
    private static String multipartEtag(byte[] bytes, List<Integer> partSizes) throws Exception {
        ByteArrayOutputStream digests = new ByteArrayOutputStream();
        int offset = 0;
        for (int size : partSizes) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(bytes, offset, size);
            digests.writeBytes(md5.digest());
            offset += size;
        }
        return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(digests.toByteArray())) + "-"
                + partSizes.size() + "\"";
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** Runs the {@code aws} CLI against the store; its standard output. */
    private static String aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", store.endpoint()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "demo");
        env.put("AWS_SECRET_ACCESS_KEY", "demo");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", dir.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        Path out = Files.createTempFile(dir, "aws", ".out");
        Path err = Files.createTempFile(dir, "aws", ".err");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "aws " + String.join(" ", args) + " finished");
        assertEquals(0, process.exitValue(), "aws " + String.join(" ", args) + ": " + Files.readString(err));
        return Files.readString(out);
    }
}
