package dev.tributary.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.demo.store.DemoObjectStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The demo store speaks enough S3 for the real AWS SDK, and publishes real-format S3 notifications. */
class DemoObjectStoreTest {

    private static final List<String> NOTIFICATIONS = new CopyOnWriteArrayList<>();
    private static DemoObjectStore store;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        store = new DemoObjectStore(0, "us-east-1", created -> NOTIFICATIONS.add(created.message()));
        s3 = S3Client.builder()
                .endpointOverride(URI.create(store.endpoint()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        s3.createBucket(b -> b.bucket("uploads"));
    }

    @AfterAll
    static void stop() {
        s3.close();
        store.close();
    }

    @Test
    void putGetListAndNotify() throws Exception {
        byte[] bytes = "not really a picture".getBytes(StandardCharsets.UTF_8);
        s3.putObject(
                p -> p.bucket("uploads").key("photos/red flower+1.jpg").contentType("image/jpeg"),
                RequestBody.fromBytes(bytes));

        var object = s3.getObjectAsBytes(g -> g.bucket("uploads").key("photos/red flower+1.jpg"));
        assertArrayEquals(bytes, object.asByteArray());
        assertEquals("image/jpeg", object.response().contentType());
        assertEquals(
                List.of("photos/red flower+1.jpg"),
                s3.listObjectsV2(l -> l.bucket("uploads").prefix("photos/")).contents().stream()
                        .map(o -> o.key())
                        .toList());
        assertThrows(
                NoSuchKeyException.class,
                () -> s3.getObject(g -> g.bucket("uploads").key("missing")));

        JsonNode record = new ObjectMapper()
                .readTree(NOTIFICATIONS.get(NOTIFICATIONS.size() - 1))
                .at("/Records/0");
        assertEquals("ObjectCreated:Put", record.get("eventName").asText());
        assertEquals("aws:s3", record.get("eventSource").asText());
        assertEquals("uploads", record.at("/s3/bucket/name").asText());
        assertEquals(
                "photos/red+flower%2B1.jpg", record.at("/s3/object/key").asText(), "keys are form-encoded as S3 does");
        assertEquals(bytes.length, record.at("/s3/object/size").asInt());
    }
}
