package dev.tributary.examples.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpFunctionTest {

    private static final InMemoryObjectStore STORE = new InMemoryObjectStore();
    private static HttpFunction function;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        STORE.makeUnavailable("down");
        STORE.makeBroken("broken");
        ThumbnailService service = new ThumbnailService(STORE, new Thumbnails(Settings.DEFAULT_MAX_PIXELS));
        function = HttpFunction.start(service, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    @Test
    void binaryModeEventWritesTheThumbnail() throws Exception {
        STORE.with("photos", "uploads/dog.jpg", TestImages.jpeg(2000, 1500));

        HttpResponse<String> response = postBinary(TestEvents.neutral("b-1", "photos", "uploads/dog.jpg"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "application/json",
                response.headers().firstValue("content-type").orElseThrow());
        JsonNode body = json(response);
        assertEquals("b-1", body.path("id").asText());
        assertEquals("written", body.path("outcome").asText());
        assertEquals("thumbnails/uploads/dog.jpg", body.path("thumbnail").asText());
        assertEquals(
                STORE.stored("photos", "thumbnails/uploads/dog.jpg").content().length,
                body.path("size").asInt());
        assertEquals(225, body.path("height").asInt());
    }

    @Test
    void structuredModeS3EventWritesTheThumbnail() throws Exception {
        STORE.with("photos", "uploads/red flower.png", TestImages.png(600, 600));
        CloudEvent event = TestEvents.s3Created("s-1", "photos", "uploads/red+flower.png");

        HttpResponse<String> response = post(
                request().header("Content-Type", "application/cloudevents+json"),
                new String(TestEvents.structured(event), StandardCharsets.UTF_8));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "thumbnails/uploads/red flower.png",
                json(response).path("thumbnail").asText());
        assertNotNull(STORE.stored("photos", "thumbnails/uploads/red flower.png"));
    }

    @Test
    void aNonImageIsSkippedWith200SoItIsNotRetried() throws Exception {
        STORE.with("photos", "readme.jpg", "hello".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = postBinary(TestEvents.neutral("b-2", "photos", "readme.jpg"));

        assertEquals(200, response.statusCode());
        assertEquals("skipped", json(response).path("outcome").asText());
        assertEquals("not-an-image", json(response).path("reason").asText());
    }

    @Test
    void garbageIsA400NamingTheProblem() throws Exception {
        HttpResponse<String> response = post(request().header("Content-Type", "text/plain"), "hello?");

        assertEquals(400, response.statusCode());
        assertEquals("malformed-event", json(response).path("error").asText());
        assertTrue(json(response).path("detail").asText().contains("ce-specversion"), response.body());
    }

    @Test
    void aBinaryEventWithoutIdIsA400() throws Exception {
        HttpRequest.Builder request = request()
                .header("ce-specversion", "1.0")
                .header("ce-type", StorageEvents.NEUTRAL_CREATED)
                .header("ce-source", "s3://photos")
                .header("Content-Type", "application/json");

        HttpResponse<String> response = post(request, "{\"bucket\":\"photos\",\"key\":\"a.jpg\"}");

        assertEquals(400, response.statusCode(), response.body());
    }

    @Test
    void aStorageEventWithoutKeyIsA400NamingTheField() throws Exception {
        CloudEvent event = TestEvents.neutral("b-3", "photos", "a.jpg");

        HttpResponse<String> response = post(binary(event), "{\"bucket\":\"photos\"}");

        assertEquals(400, response.statusCode());
        assertEquals(
                "data.key is missing or not a non-empty string",
                json(response).path("detail").asText());
    }

    /** 503 lets the sender retry a store outage; a bug answers 500 rather than resetting the connection. */
    @ParameterizedTest
    @CsvSource({"down, 503, storage-unavailable", "broken, 500, internal-error"})
    void storeFailuresAreAnsweredNotDropped(String bucket, int status, String error) throws Exception {
        HttpResponse<String> response = postBinary(TestEvents.neutral("b-4", bucket, "a.jpg"));

        assertEquals(status, response.statusCode());
        assertEquals(error, json(response).path("error").asText());
    }

    @Test
    void anOversizedBodyIsA413() throws Exception {
        String body = "x".repeat(CloudEventHttpHandler.MAX_BODY_BYTES + 1);

        assertEquals(
                413,
                post(request().header("Content-Type", "application/cloudevents+json"), body)
                        .statusCode());
    }

    @Test
    void otherMethodsAndPathsAreRefusedAndHealthAnswers() throws Exception {
        HttpResponse<String> get = client.send(request().GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> elsewhere = client.send(
                HttpRequest.newBuilder(url("/events"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health =
                client.send(HttpRequest.newBuilder(url("/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("allow").orElseThrow());
        assertEquals(404, elsewhere.statusCode());
        assertEquals(200, health.statusCode());
    }

    private HttpResponse<String> postBinary(CloudEvent event) throws Exception {
        return post(binary(event), new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder binary(CloudEvent event) {
        return request()
                .header("ce-specversion", "1.0")
                .header("ce-id", event.getId())
                .header("ce-type", event.getType())
                .header("ce-source", event.getSource().toString())
                .header("ce-subject", event.getSubject())
                .header("Content-Type", "application/json");
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(url("/"));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + function.port() + path);
    }

    private HttpResponse<String> post(HttpRequest.Builder request, String body) throws Exception {
        return client.send(
                request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return TestEvents.JSON.readTree(response.body());
    }
}
