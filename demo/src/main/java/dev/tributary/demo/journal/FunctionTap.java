package dev.tributary.demo.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Watches the thumbnail function's HTTP traffic for the journal: a CloudEvent arriving from the
 * gateway is the "gateway" stage; the function's JSON answer is its outcome (written or skipped),
 * or, for an error status, a stage the gateway will retry.
 */
public final class FunctionTap extends Filter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UploadJournal journal;

    public FunctionTap(UploadJournal journal) {
        this.journal = journal;
    }

    @Override
    public String description() {
        return "records the thumbnail function's events and answers in the demo's journal";
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String id = exchange.getRequestHeaders().getFirst("ce-id");
        if (id == null) {
            chain.doFilter(exchange);
            return;
        }
        journal.stage(id, "gateway", "route 'thumbnails' matched; delivered to the thumbnail function");
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        exchange.setStreams(null, new FilterOutputStream(exchange.getResponseBody()) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                answer.write(bytes, offset, length);
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                answer.write(b);
            }
        });
        chain.doFilter(exchange);
        record(id, exchange.getResponseCode(), answer.toByteArray());
    }

    private void record(String id, int status, byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = JSON.createObjectNode();
        }
        if (status >= 300) {
            journal.stage(
                    id,
                    "function",
                    "answered " + status + " (" + json.path("error").asText("error") + ": "
                            + json.path("detail").asText("") + "); the gateway retries");
        } else if (json.path("outcome").asText().equals("written")) {
            String thumbnail = json.path("thumbnail").asText();
            journal.finish(
                    id,
                    "function",
                    UploadJournal.Outcome.WRITTEN,
                    "written: " + thumbnail + " (" + json.path("width").asInt() + "x"
                            + json.path("height").asInt() + ")",
                    Optional.of(thumbnail));
        } else {
            journal.finish(
                    id,
                    "function",
                    UploadJournal.Outcome.SKIPPED,
                    "skipped: " + json.path("reason").asText().replace('-', ' ') + " ("
                            + json.path("detail").asText() + ")",
                    Optional.empty());
        }
    }
}
