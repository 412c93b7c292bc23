package dev.tributary.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.bench.BenchEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrkScriptsTest {

    @TempDir
    Path directory;

    @Test
    void theBinaryCloudEventScriptPostsTheBenchEvent() throws Exception {
        String lua = Files.readString(WrkScripts.binaryCloudEvent(directory));
        assertTrue(lua.startsWith("wrk.method = \"POST\"\n"));
        assertTrue(lua.contains("wrk.headers[\"ce-type\"] = \"" + BenchEvent.TYPE + "\"\n"));
        assertTrue(lua.contains("wrk.body = [==[" + new String(BenchEvent.body()) + "]==]\n"));
    }

    @Test
    void anEventGridBatchHoldsDistinctEventsOfTheFixture() throws Exception {
        JsonNode batch = new ObjectMapper().readTree(WrkScripts.eventGridBody(10));
        assertEquals(10, batch.size());
        Set<String> ids = new HashSet<>();
        batch.forEach(event -> {
            ids.add(event.get("id").asText());
            assertEquals("Microsoft.Storage.BlobCreated", event.get("eventType").asText());
        });
        assertEquals(10, ids.size());
        assertTrue(Files.readString(WrkScripts.eventGridBatch(directory, 10))
                .contains("wrk.headers[\"aeg-event-type\"] = \"Notification\""));
    }

    @Test
    void aBodyThatWouldCloseTheLuaStringIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WrkScripts.lua(Map.of(), "x]==]y"));
    }
}
