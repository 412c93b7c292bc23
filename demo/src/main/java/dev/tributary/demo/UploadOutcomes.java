package dev.tributary.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Asks the running demo's journal ({@code GET /demo/uploads/{id}}) what became of an upload, waiting for its outcome. */
final class UploadOutcomes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;

    UploadOutcomes(URI gateway) {
        this.gateway = gateway;
    }

    /**
     * The upload's outcome in words once it has one, e.g. {@code written: thumbnails/cat.jpg (300x225) ...}; or, after
     * {@code seconds}, what is known so far and where to follow it.
     *
     * @param bucketUrl the bucket's URL, to show where a thumbnail is
     */
    String await(String eventId, int seconds, String bucketUrl) throws InterruptedException {
        URI uri = gateway.resolve("/demo/uploads/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        String lastKnown = "not seen by the demo's journal yet";
        do {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode upload = JSON.readTree(response.body());
                    lastKnown = upload.path("summary").asText();
                    if (!upload.path("outcome").asText().equals("in-progress")) {
                        return lastKnown
                                + (upload.has("thumbnail")
                                        ? " at " + bucketUrl
                                                + upload.get("thumbnail").asText()
                                        : "");
                    }
                }
            } catch (IOException e) {
                lastKnown = "the demo gateway at " + gateway + " does not answer (" + e.getMessage() + ")";
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return lastKnown + " after " + seconds + " s; follow it at " + gateway + "/demo";
    }
}
