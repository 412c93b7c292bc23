package dev.tributary.gateway.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.models.CloudEvent;
import com.azure.core.models.CloudEventDataFormat;
import com.azure.core.util.BinaryData;
import com.azure.messaging.eventgrid.EventGridEvent;
import com.azure.messaging.eventgrid.EventGridPublisherClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.gateway.testing.GatewayExtension;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Azure's own {@code EventGridPublisherClient} posting to the gateway's Event Grid webhook (both
 * schemas), events arriving at HTTP sinks; handshakes, authentication and a retriable answer when
 * a sink fails.
 */
class EventGridIngressIT {

    private static final String SECRET = "s3cr3t-from-event-grid";
    private static final String TOPIC = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/media"
            + "/providers/Microsoft.Storage/storageAccounts/mediastore";

    @RegisterExtension
    static final GatewayExtension GATEWAY = new GatewayExtension("""
            apiVersion: tributary.dev/v1
            sources:
              blobs: { type: azure-eventgrid, secret: %1$s }
              flaky-blobs: { type: azure-eventgrid, secret: %1$s }
            sinks:
              images: { type: http, url: SINK/images }
              other: { type: http, url: SINK/other }
              flaky: { type: http, url: SINK/flaky }
            routes:
              - name: images
                from: [blobs]
                storageEvents: neutral
                filters: [ { prefix: { type: dev.tributary.storage.object. } } ]
                to: [images]
                delivery: { retry: 1, backoffDelay: PT0.05S }
              - name: other
                from: [blobs]
                filters: [ { prefix: { type: com.example. } } ]
                to: [other]
              - name: flaky
                from: [flaky-blobs]
                to: [flaky]
                delivery: { retry: 1, backoffDelay: PT0.05S }
            """.formatted(SECRET));

    private final RecordingSink sink = GATEWAY.sink();
    private final GatewayUnderTest gateway = GATEWAY.gateway();

    @Test
    void eventGridSchemaEventsFromTheSdkArriveAsNeutralStorageEvents() throws Exception {
        EventGridEvent created = new EventGridEvent(
                        "/blobServices/default/containers/uploads/blobs/avatars/jane doe.png",
                        "Microsoft.Storage.BlobCreated",
                        BinaryData.fromObject(Map.of(
                                "api",
                                "PutBlob",
                                "eTag",
                                "0x8D4BCC2E4835CD0",
                                "contentType",
                                "image/png",
                                "contentLength",
                                524288,
                                "url",
                                "https://mediastore.blob.core.windows.net/uploads/avatars/jane%20doe.png")),
                        "1")
                .setTopic(TOPIC)
                .setEventTime(OffsetDateTime.parse("2026-03-14T09:26:56.521Z"));

        publisher("blobs", "code=" + SECRET)
                .buildEventGridEventPublisherClient()
                .sendEvents(List.of(created));

        RecordingSink.Request delivered = sink.next("/images", 10);
        assertEquals("dev.tributary.storage.object.created", delivered.header("ce-type"));
        assertEquals("https://mediastore.blob.core.windows.net/uploads", delivered.header("ce-source"));
        assertEquals("avatars/jane%20doe.png", delivered.header("ce-subject"));
        assertEquals(created.getId(), delivered.header("ce-id"));
        JsonNode data = new ObjectMapper().readTree(delivered.body());
        assertEquals("uploads", data.get("bucket").asText());
        assertEquals("avatars/jane doe.png", data.get("key").asText());
        assertEquals(524288, data.get("size").asLong());
    }

    @Test
    void cloudEventsSchemaEventsFromTheSdkPassThrough() throws Exception {
        CloudEvent event = new CloudEvent(
                        "/orders",
                        "com.example.order.created",
                        BinaryData.fromObject(Map.of("order", 42)),
                        CloudEventDataFormat.JSON,
                        "application/json")
                .setSubject("orders/42");

        publisher("blobs", "code=" + SECRET).buildCloudEventPublisherClient().sendEvents(List.of(event));

        RecordingSink.Request delivered = sink.next("/other", 10);
        assertEquals(event.getId(), delivered.header("ce-id"));
        assertEquals("com.example.order.created", delivered.header("ce-type"));
        assertEquals("orders/42", delivered.header("ce-subject"));
        assertEquals(
                42, new ObjectMapper().readTree(delivered.body()).get("order").asInt());
    }

    @Test
    void aFailedDeliveryIsAnsweredWithARetriableStatus() throws Exception {
        sink.script("/flaky", Response.status(503), Response.status(503));
        EventGridEvent created = new EventGridEvent(
                        "/blobServices/default/containers/uploads/blobs/x.png",
                        "Microsoft.Storage.BlobCreated",
                        BinaryData.fromObject(Map.of("url", "https://mediastore.blob.core.windows.net/uploads/x.png")),
                        "1")
                .setTopic(TOPIC);

        HttpResponseException error = assertThrows(
                HttpResponseException.class,
                () -> publisher("flaky-blobs", "code=" + SECRET)
                        .buildEventGridEventPublisherClient()
                        .sendEvents(List.of(created)));

        assertEquals(503, error.getResponse().getStatusCode(), "Event Grid retries 5xx");
        assertEquals(2, drain("/flaky"), "one attempt and one retry before answering");
    }

    @Test
    void theValidationHandshakeIsAnsweredAndAWrongSecretRefused() throws Exception {
        String validation = """
                [{"id":"2d1781af","topic":"%s","subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6",
                  "validationUrl":"https://rp-eastus2.eventgrid.azure.net/api/subscriptions/x/validate?code=abc"},
                  "eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-03-14T09:26:56Z",
                  "metadataVersion":"1","dataVersion":"2"}]""".formatted(TOPIC);
        HttpResponse<String> answer = gateway.post(
                "/sources/blobs?code=" + SECRET,
                validation,
                "Content-Type",
                "application/json",
                "aeg-event-type",
                "SubscriptionValidation");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(
                "512d38b6-c7b8-40c8-89fe-f46f9e9622b6",
                new ObjectMapper()
                        .readTree(answer.body())
                        .get("validationResponse")
                        .asText());

        assertEquals(
                403,
                gateway.post("/sources/blobs?code=guess", validation, "Content-Type", "application/json")
                        .statusCode());
        assertEquals(
                401,
                gateway.post("/sources/blobs", validation, "Content-Type", "application/json")
                        .statusCode());
        assertTrue(sink.pending("/images") == 0 && sink.pending("/other") == 0, "handshakes are never routed");
    }

    private int drain(String path) throws InterruptedException {
        int requests = 0;
        while (sink.pending(path) > 0) {
            sink.next(path, 1);
            requests++;
        }
        return requests;
    }

    private EventGridPublisherClientBuilder publisher(String source, String query) {
        // the SDK refuses key credentials over plain HTTP; the webhook secret travels in the query, as Event Grid sends
        // it
        return new EventGridPublisherClientBuilder()
                .endpoint(gateway.uri("/sources/" + source + "?" + query).toString())
                .pipeline(new HttpPipelineBuilder()
                        .httpClient(new JdkHttpClientBuilder().build())
                        .build());
    }
}
