package dev.tributary.core.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundPayloadTest {

    @Test
    void headersAreFoundWhateverTheirCase() {
        InboundPayload payload =
                new InboundPayload(Map.of("Ce-Id", "1", "content-TYPE", "Application/JSON; charset=utf-8"), null);

        assertEquals("1", payload.header("ce-id"));
        assertEquals("1", payload.header("CE-ID"));
        assertEquals(Map.of("ce-id", "1", "content-type", "Application/JSON; charset=utf-8"), payload.headers());
        assertEquals("application/json", payload.mediaType());
        assertNull(payload.header("ce-type"));
        assertArrayEquals(new byte[0], payload.body());
    }

    @Test
    void noContentTypeIsAnEmptyMediaType() {
        assertEquals("", new InboundPayload(Map.of(), new byte[] {1}).mediaType());
    }
}
