package dev.tributary.demo.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JournalControllerTest {

    private final UploadJournal journal = new UploadJournal();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final JournalController controller = new JournalController(journal, metrics);

    @Test
    void aDeadLetteredEventSaysWhy() throws Exception {
        journal.stored("E1", "cat.jpg", 10, Instant.now());

        controller.record("""
                {"specversion":"1.0","id":"E1","source":"s3://uploads","type":"dev.tributary.storage.object.created",
                 "knativeerrordest":"http://127.0.0.1:8081/","knativeerrorcode":"503","knativeerrordata":"connection refused"}""");

        JsonNode upload = new ObjectMapper().readTree(controller.upload("E1").body());
        assertEquals("dead-lettered", upload.get("outcome").asText());
        assertEquals("dead-lettered: connection refused", upload.get("summary").asText());
        assertEquals("gateway", upload.at("/stages/1/name").asText());
    }

    @Test
    void anEventNoThumbnailRouteTookMatchedNoRoute() throws Exception {
        journal.stored("E2", "UPPER.JPG", 10, Instant.now());

        controller.record("{\"specversion\":\"1.0\",\"id\":\"E2\",\"source\":\"s3://uploads\",\"type\":\"t\"}");

        assertEquals(
                "no-route",
                new ObjectMapper()
                        .readTree(controller.upload("E2").body())
                        .get("outcome")
                        .asText());
    }

    @Test
    void anUnchangedListIsNotModified() throws Exception {
        journal.stored("E3", "a.png", 10, Instant.now());
        metrics.counter("tributary.events.received", "source", "uploads").increment();

        HttpResponse<String> first = controller.uploads(null);
        String etag = first.header("ETag");
        HttpResponse<String> again = controller.uploads(etag);
        metrics.counter("tributary.events.received", "source", "uploads").increment();
        HttpResponse<String> counted = controller.uploads(etag);

        assertEquals(HttpStatus.OK, first.status());
        assertEquals(
                1,
                new ObjectMapper().readTree(first.body()).at("/counts/received").asInt());
        assertEquals(HttpStatus.NOT_MODIFIED, again.status());
        assertEquals(HttpStatus.OK, counted.status(), "a new count is a change");
        assertEquals(404, controller.upload("unknown").code());
    }
}
