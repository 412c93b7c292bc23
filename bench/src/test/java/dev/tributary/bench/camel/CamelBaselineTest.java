package dev.tributary.bench.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CamelBaselineTest {

    private final List<String> forwarded = new CopyOnWriteArrayList<>();
    private HttpServer sink;

    @BeforeEach
    void startRecordingSink() throws Exception {
        sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            forwarded.add(exchange.getRequestHeaders().getFirst("ce-type") + " " + body);
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        sink.start();
    }

    @AfterEach
    void stopSink() {
        sink.stop(0);
    }

    @Test
    void forwardsEventsWithTheTypePrefixAndAnswers202ForAll() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI sinkUrl = URI.create("http://127.0.0.1:" + sink.getAddress().getPort() + "/");
        try (CamelBaseline ignored = CamelBaseline.start(port, sinkUrl, "com.example.")) {
            URI ingress = URI.create("http://127.0.0.1:" + port + CamelBaseline.PATH);
            assertEquals(202, post(ingress, "com.example.order", "{\"id\":1}"));
            assertEquals(202, post(ingress, "org.other.thing", "{\"id\":2}"));
            assertEquals(List.of("com.example.order {\"id\":1}"), forwarded);
        }
    }

    private static int post(URI uri, String type, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("ce-specversion", "1.0")
                .header("ce-type", type)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
