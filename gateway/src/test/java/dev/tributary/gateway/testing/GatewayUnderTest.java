package dev.tributary.gateway.testing;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real gateway on a random loopback port, started from a mappings text in which {@code SINK}
 * stands for the {@link RecordingSink}'s base URL.
 */
public final class GatewayUnderTest implements AutoCloseable {

    private final EmbeddedServer server;
    private final Path mappingsFile;
    private final RecordingSink sink;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public GatewayUnderTest(String mappings, RecordingSink sink, Map<String, Object> properties) throws IOException {
        Path file = Files.createTempFile("mappings", ".yaml");
        this.mappingsFile = file;
        this.sink = sink;
        Files.writeString(file, mappings.replace("SINK", sink.url()));
        file.toFile().deleteOnExit();
        Map<String, Object> config = new HashMap<>(properties);
        config.put("tributary.mappings", file.toString());
        server = start(config);
    }

    public GatewayUnderTest(String mappings, RecordingSink sink) throws IOException {
        this(mappings, sink, Map.of());
    }

    /** Replaces the mappings file the gateway was started with ({@code SINK} as in the constructor). */
    public void rewriteMappings(String mappings) throws IOException {
        Files.writeString(mappingsFile, mappings.replace("SINK", sink.url()));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    public int port() {
        return server.getPort();
    }

    /** A URL on the management port (health and Prometheus), which differs from the push port. */
    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:"
                + server.getApplicationContext()
                        .getProperty("endpoints.all.port", Integer.class)
                        .orElseThrow() + path);
    }

    /** GETs a path on the management port. */
    public HttpResponse<String> getManagement(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(managementUri(path)).GET().build());
    }

    /**
     * Starts a gateway on loopback, on a random push port and a free management port, again (three
     * times at most) when another process took one of them between their choice and the bind.
     */
    public static EmbeddedServer start(Map<String, Object> properties) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Map<String, Object> config = new HashMap<>(properties);
            config.put("micronaut.server.port", -1);
            config.put("micronaut.server.host", "127.0.0.1");
            config.putIfAbsent("endpoints.all.port", freePort());
            try {
                return ApplicationContext.run(EmbeddedServer.class, config);
            } catch (io.micronaut.http.server.exceptions.ServerStartupException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** A TCP port free at the time of the call, on loopback. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    /** POSTs a body with headers given as name, value, name, value… */
    public HttpResponse<String> post(String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * POSTs a binary-mode CloudEvent with JSON data, from source {@code /tests}, to {@code
     * /sources/{source}}, with more headers given as name, value, name, value…
     */
    public HttpResponse<String> pushEvent(String source, String id, String type, String json, String... moreHeaders)
            throws IOException, InterruptedException {
        List<String> headers = new ArrayList<>(List.of(
                "Content-Type",
                "application/json",
                "ce-specversion",
                "1.0",
                "ce-id",
                id,
                "ce-source",
                "/tests",
                "ce-type",
                type));
        headers.addAll(List.of(moreHeaders));
        return post("/sources/" + source, json, headers.toArray(String[]::new));
    }

    /** POSTs a CloudEvent in the structured JSON format to {@code /sources/{source}}. */
    public HttpResponse<String> pushStructured(String source, CloudEvent event)
            throws IOException, InterruptedException {
        return post(
                "/sources/" + source,
                new String(new JsonFormat().serialize(event), StandardCharsets.UTF_8),
                "Content-Type",
                "application/cloudevents+json");
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    @Override
    public void close() {
        server.close();
    }
}
