package dev.tributary.demo.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import java.io.IOException;
import java.util.Optional;

/**
 * The journal over HTTP, on the gateway's server:
 * <ul>
 *   <li>{@code POST /demo/journal}: the gateway's {@code journal} sink (structured CloudEvents):
 *       events no thumbnail route took, and dead-lettered ones with the gateway's reason;</li>
 *   <li>{@code GET /demo/uploads}: every upload, newest first, with the gateway's live counts,
 *       as JSON with an {@code ETag} ({@code If-None-Match} answers 304 when nothing changed);</li>
 *   <li>{@code GET /demo/uploads/{id}}: one upload, 404 until the store has seen it.</li>
 * </ul>
 */
@Controller("/demo")
public class JournalController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UploadJournal journal;
    private final MeterRegistry metrics;

    public JournalController(UploadJournal journal, MeterRegistry metrics) {
        this.journal = journal;
        this.metrics = metrics;
    }

    @Post("/journal")
    @Consumes({"application/cloudevents+json", MediaType.APPLICATION_JSON})
    public HttpResponse<Void> record(@Body String structuredEvent) throws IOException {
        JsonNode event = JSON.readTree(structuredEvent);
        String id = event.path("id").asText();
        if (event.has("knativeerrordest")) {
            String why = event.has("knativeerrordata")
                    ? event.get("knativeerrordata").asText()
                    : "the sink answered " + event.path("knativeerrorcode").asText("nothing");
            journal.finish(
                    id, "gateway", UploadJournal.Outcome.DEAD_LETTERED, "dead-lettered: " + why, Optional.empty());
        } else {
            journal.finish(
                    id,
                    "gateway",
                    UploadJournal.Outcome.NO_ROUTE,
                    "matched no route: the thumbnails route takes keys ending .jpg, .jpeg or .png (case-sensitive)",
                    Optional.empty());
        }
        return HttpResponse.accepted();
    }

    @Get("/uploads")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<String> uploads(@Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch)
            throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.set("counts", counts());
        ArrayNode uploads = body.putArray("uploads");
        journal.newestFirst().forEach(upload -> uploads.add(json(upload)));
        String json = JSON.writeValueAsString(body);
        String etag = "\"" + Integer.toHexString(json.hashCode()) + "\"";
        if (etag.equals(ifNoneMatch)) {
            return HttpResponse.<String>notModified().header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(json).header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    @Get("/uploads/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<String> upload(@PathVariable String id) throws IOException {
        Optional<UploadJournal.Upload> upload = journal.find(id);
        return upload.isEmpty()
                ? HttpResponse.notFound()
                : HttpResponse.ok(JSON.writeValueAsString(json(upload.get())));
    }

    private static ObjectNode json(UploadJournal.Upload upload) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", upload.id())
                .put("key", upload.key())
                .put("size", upload.size())
                .put("at", upload.at().toString())
                .put(
                        "outcome",
                        upload.outcome()
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '-'))
                .put("summary", upload.summary());
        upload.thumbnail().ifPresent(key -> node.put("thumbnail", key));
        ArrayNode stages = node.putArray("stages");
        upload.stages()
                .forEach(stage -> stages.addObject()
                        .put("name", stage.name())
                        .put("at", stage.at().toString())
                        .put(
                                "afterMs",
                                java.time.Duration.between(upload.at(), stage.at())
                                        .toMillis())
                        .put("detail", stage.detail()));
        return node;
    }

    /** The gateway's own counters, summed over sources, routes and sinks. */
    private ObjectNode counts() {
        return JSON.createObjectNode()
                .put("received", sum("tributary.events.received", null))
                .put("delivered", sum("tributary.deliveries", "delivered"))
                .put("retried", sum("tributary.delivery.retries", null))
                .put("deadLettered", sum("tributary.deliveries", "deadlettered"));
    }

    private long sum(String name, String outcome) {
        var search = metrics.find(name);
        if (outcome != null) {
            search = search.tag("outcome", outcome);
        }
        return (long) search.counters().stream().mapToDouble(Counter::count).sum();
    }
}
