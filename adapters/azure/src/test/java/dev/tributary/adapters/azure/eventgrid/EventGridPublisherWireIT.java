package dev.tributary.adapters.azure.eventgrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.models.CloudEventDataFormat;
import com.azure.core.util.BinaryData;
import com.azure.messaging.eventgrid.EventGridEvent;
import com.azure.messaging.eventgrid.EventGridPublisherClient;
import com.azure.messaging.eventgrid.EventGridPublisherClientBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import dev.tributary.core.source.PushSource;
import dev.tributary.core.testing.LoopbackHttps;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wire compatibility with the real Azure SDK publisher ({@code azure-messaging-eventgrid}): its
 * {@link EventGridPublisherClient} posts Event Grid schema and CloudEvents schema batches to an
 * HTTPS server on 127.0.0.1 that hands each request to the push source, as the gateway does, and
 * records the events routed. The publisher sends its key in {@code aeg-sas-key}, which webhook
 * deliveries never carry; the source's secret travels as {@code ?code=} in the URL, as Event Grid
 * sends it.
 */
class EventGridPublisherWireIT {

    private static final String SECRET = "wire-s3cret";
    private static final String TOPIC = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/shop"
            + "/providers/Microsoft.EventGrid/topics/orders";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final PushSource SOURCE = TestRequests.source(Map.of("secret", SECRET));
    private static final List<CloudEvent> ROUTED = new CopyOnWriteArrayList<>();
    private static LoopbackHttps server;

    @BeforeAll
    static void start(@TempDir Path directory) throws Exception {
        server = new LoopbackHttps(directory, EventGridPublisherWireIT::handle);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        ROUTED.clear();
    }

    @Test
    void eventGridEventsArriveAsCloudEvents() throws IOException {
        EventGridEvent created = new EventGridEvent(
                "orders/42",
                "Contoso.Orders.Created",
                BinaryData.fromString("{\"orderId\":42,\"total\":19.90}"),
                "1.0");
        created.setTopic(TOPIC);
        EventGridEvent shipped = new EventGridEvent(
                "orders/41", "Contoso.Orders.Shipped", BinaryData.fromString("{\"orderId\":41}"), "");
        shipped.setTopic(TOPIC);

        publisher("code=" + SECRET).buildEventGridEventPublisherClient().sendEvents(List.of(created, shipped));

        assertEquals(2, ROUTED.size());
        assertSameEvent(created, ROUTED.get(0));
        assertEquals(URI.create("#1.0"), ROUTED.get(0).getDataSchema());
        assertSameEvent(shipped, ROUTED.get(1));
        assertEquals(null, ROUTED.get(1).getDataSchema());
    }

    @Test
    void cloudEventsPassThroughUnchanged() throws IOException {
        com.azure.core.models.CloudEvent json = new com.azure.core.models.CloudEvent(
                        TOPIC,
                        "Contoso.Orders.Created",
                        BinaryData.fromString("{\"orderId\":43}"),
                        CloudEventDataFormat.JSON,
                        "application/json")
                .setSubject("orders/43");
        com.azure.core.models.CloudEvent binary = new com.azure.core.models.CloudEvent(
                TOPIC,
                "Contoso.Thumbnail",
                BinaryData.fromBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                CloudEventDataFormat.BYTES,
                "image/png");

        publisher("code=" + SECRET).buildCloudEventPublisherClient().sendEvents(List.of(json, binary));

        assertEquals(2, ROUTED.size());
        CloudEvent first = ROUTED.get(0);
        assertEquals(json.getId(), first.getId());
        assertEquals(URI.create(TOPIC), first.getSource());
        assertEquals("Contoso.Orders.Created", first.getType());
        assertEquals("orders/43", first.getSubject());
        assertEquals(json.getTime().toInstant(), first.getTime().toInstant());
        assertEquals(
                JSON.readTree("{\"orderId\":43}"), JSON.readTree(first.getData().toBytes()));
        CloudEvent second = ROUTED.get(1);
        assertEquals(binary.getId(), second.getId());
        assertEquals("image/png", second.getDataContentType());
        assertEquals(
                List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'),
                bytes(second.getData().toBytes()));
    }

    @Test
    void theRealPublisherSeesTheRefusals() {
        EventGridEvent event =
                new EventGridEvent("orders/44", "Contoso.Orders.Created", BinaryData.fromString("{}"), "1.0");
        HttpResponseException wrongSecret = assertThrows(
                HttpResponseException.class,
                () -> publisher("code=guess")
                        .buildEventGridEventPublisherClient()
                        .sendEvents(List.of(event)));
        assertEquals(403, wrongSecret.getResponse().getStatusCode());

        HttpResponseException noTopic = assertThrows(
                HttpResponseException.class,
                () -> publisher("code=" + SECRET)
                        .buildEventGridEventPublisherClient()
                        .sendEvents(List.of(event)));
        assertEquals(400, noTopic.getResponse().getStatusCode());
        assertTrue(noTopic.getResponse().getBodyAsString().block().contains("'topic'"));
        assertEquals(List.of(), ROUTED);
    }

    private static EventGridPublisherClientBuilder publisher(String query) {
        return new EventGridPublisherClientBuilder()
                .endpoint(server.baseUrl() + "/sources/" + TestRequests.SOURCE + "?" + query)
                .credential(new AzureKeyCredential("topic-key-unused-by-webhooks"))
                .httpClient(new JdkHttpClientBuilder(HttpClient.newBuilder().sslContext(server.context())).build());
    }

    private static void assertSameEvent(EventGridEvent sent, CloudEvent routed) throws IOException {
        assertEquals(sent.getId(), routed.getId());
        assertEquals(URI.create(sent.getTopic()), routed.getSource());
        assertEquals(sent.getEventType(), routed.getType());
        assertEquals(sent.getSubject(), routed.getSubject());
        assertEquals(sent.getEventTime().toInstant(), routed.getTime().toInstant());
        assertEquals("application/json", routed.getDataContentType());
        assertEquals(
                JSON.readTree(sent.getData().toBytes()),
                JSON.readTree(routed.getData().toBytes()));
    }

    /** What the gateway does with a request, minus delivery: a routed batch counts as delivered. */
    private static void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        PushDecision decision = SOURCE.accept(new PushRequest(
                exchange.getRequestMethod(),
                new InboundPayload(headers, body),
                query(exchange.getRequestURI().getRawQuery())));
        if (decision instanceof PushDecision.Route route) {
            ROUTED.addAll(route.events());
            exchange.sendResponseHeaders(route.successStatus(), -1);
        } else {
            PushDecision.Respond respond = (PushDecision.Respond) decision;
            respond.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] answer = respond.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(respond.status(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
        exchange.close();
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> parameters = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                parameters
                        .computeIfAbsent(name, key -> new ArrayList<>())
                        .add(parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }

    private static List<Byte> bytes(byte[] array) {
        List<Byte> list = new ArrayList<>();
        for (byte b : array) {
            list.add(b);
        }
        return list;
    }
}
