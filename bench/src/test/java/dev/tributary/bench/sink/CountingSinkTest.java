package dev.tributary.bench.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class CountingSinkTest {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void answersEveryPostWith202AndCountsThem() throws Exception {
        try (CountingSink sink = CountingSink.start(0, 1)) {
            URI url = URI.create("http://127.0.0.1:" + sink.port() + "/anything");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(url)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(202, response.statusCode());
                assertEquals("", response.body());
            }
            assertEquals(3, sink.count());
            HttpResponse<String> count = http.send(
                    HttpRequest.newBuilder(url.resolve("/count")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, count.statusCode());
            assertEquals("3", count.body());
            assertEquals(3, sink.count(), "GET /count is not counted as an event");
        }
    }

    @Test
    void countsRequestsWithoutBody() throws Exception {
        try (CountingSink sink = CountingSink.start(0, 1)) {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sink.port() + "/"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(202, response.statusCode());
            assertEquals(1, sink.count());
        }
    }
}
