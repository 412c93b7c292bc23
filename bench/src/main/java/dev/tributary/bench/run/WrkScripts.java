package dev.tributary.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.bench.BenchEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wrk Lua scripts: a static request (method, headers, body) that wrk sends on every connection
 * over and over, which is wrk's cheapest way to send.
 */
final class WrkScripts {

    private WrkScripts() {}

    /** POSTs {@link BenchEvent}: the push scenario's binary-mode CloudEvent. */
    static Path binaryCloudEvent(Path directory) throws IOException {
        return write(
                directory.resolve("binary-cloudevent.lua"),
                BenchEvent.headers(),
                new String(BenchEvent.body(), StandardCharsets.UTF_8));
    }

    /** POSTs an Event Grid delivery (schema {@code EventGridEvent}) of {@code size} events, ids all distinct. */
    static Path eventGridBatch(Path directory, int size) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("aeg-event-type", "Notification");
        return write(directory.resolve("eventgrid-" + size + ".lua"), headers, eventGridBody(size));
    }

    /** A JSON array of {@code size} copies of the fixture's event, the n-th with id {@code <id>-n}. */
    static String eventGridBody(int size) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode event;
        try (InputStream in = WrkScripts.class.getResourceAsStream("/inputs/eventgrid-blob-created.json")) {
            event = (ObjectNode) mapper.readTree(in).get(0);
        }
        ArrayNode batch = mapper.createArrayNode();
        for (int i = 0; i < size; i++) {
            batch.add(event.deepCopy().put("id", event.get("id").asText() + "-" + i));
        }
        return mapper.writeValueAsString(batch);
    }

    static String lua(Map<String, String> headers, String body) {
        StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\n");
        headers.forEach((name, value) -> lua.append("wrk.headers[\"")
                .append(name)
                .append("\"] = \"")
                .append(value)
                .append("\"\n"));
        if (body.contains("]==]")) {
            throw new IllegalArgumentException("the body would end the Lua long string early");
        }
        return lua.append("wrk.body = [==[").append(body).append("]==]\n").toString();
    }

    private static Path write(Path file, Map<String, String> headers, String body) throws IOException {
        return Files.writeString(file, lua(headers, body), StandardCharsets.UTF_8);
    }
}
