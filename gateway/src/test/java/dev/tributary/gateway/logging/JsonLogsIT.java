package dev.tributary.gateway.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.gateway.testing.CountingSink;
import dev.tributary.gateway.testing.GatewayProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code TRIBUTARY_LOG_FORMAT=json}: the packaged gateway writes every line as a JSON object, and a
 * delivery's line carries the event id, route, sink and outcome as fields.
 */
class JsonLogsIT {

    @Test
    void everyLineIsJsonAndADeliveryCarriesItsFields() throws Exception {
        Path target = Path.of("target");
        Path log = target.resolve("json-logs.log");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (CountingSink sink = new CountingSink(0)) {
            Path mappings = Files.writeString(target.resolve("json-logs.yaml"), """
                    apiVersion: tributary.dev/v1
                    sources:
                      in: { type: cloudevents, auth: none }
                    sinks:
                      out: { type: http, url: '%s' }
                    routes:
                      - name: orders
                        from: [in]
                        to: [out]
                    """.formatted(sink.url()));
            try (GatewayProcess gateway = GatewayProcess.start(
                    mappings,
                    Map.of("TRIBUTARY_LOG_FORMAT", "json", "LOGGER_LEVELS_DEV_TRIBUTARY", "DEBUG"),
                    log,
                    port)) {
                HttpClient client = HttpClient.newHttpClient();
                Instant deadline = Instant.now().plusSeconds(60);
                int status = 0;
                while (status != 202) {
                    assertTrue(
                            gateway.isAlive() && Instant.now().isBefore(deadline),
                            "not accepting: " + Files.readString(log));
                    try {
                        status = client.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sources/in"))
                                                .header("ce-specversion", "1.0")
                                                .header("ce-id", "json-1")
                                                .header("ce-source", "/tests")
                                                .header("ce-type", "com.example.order")
                                                .header("content-type", "application/json")
                                                .timeout(Duration.ofSeconds(10))
                                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (java.io.IOException notYet) {
                        Thread.sleep(200);
                    }
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        List<String> lines =
                Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
        Map<String, String> delivery = null;
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertTrue(
                    entry.hasNonNull("level") && entry.hasNonNull("loggerName") && entry.hasNonNull("formattedMessage"),
                    line);
            Map<String, String> fields = new HashMap<>();
            entry.path("kvpList")
                    .forEach(pair -> pair.fields()
                            .forEachRemaining(
                                    f -> fields.put(f.getKey(), f.getValue().asText())));
            if ("json-1".equals(fields.get("event"))) {
                delivery = fields;
            }
        }
        assertEquals(
                Map.of("event", "json-1", "route", "orders", "sink", "out", "outcome", "delivered"),
                delivery,
                String.join("\n", lines));
    }
}
