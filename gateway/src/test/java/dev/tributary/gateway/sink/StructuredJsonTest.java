package dev.tributary.gateway.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StructuredJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void textDataIsWrittenAsAString() throws Exception {
        JsonNode json = structured("text/plain", "héllo, world".getBytes(StandardCharsets.UTF_8));

        assertEquals("héllo, world", json.get("data").asText());
        assertFalse(json.has("data_base64"), json.toString());
    }

    @Test
    void xmlAndUtf8CharsetsAreTextToo() throws Exception {
        assertEquals(
                "<a/>",
                structured("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8))
                        .get("data")
                        .asText());
        assertEquals(
                "hi",
                structured("text/csv; charset=UTF-8", "hi".getBytes(StandardCharsets.UTF_8))
                        .get("data")
                        .asText());
    }

    @Test
    void jsonDataStaysJson() throws Exception {
        JsonNode json = structured("application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertEquals(1, json.at("/data/a").asInt());
    }

    @Test
    void binaryDataAndTextThatIsNotUtf8StayBase64() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF};
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

        assertEquals(
                Base64.getEncoder().encodeToString(png),
                structured("image/png", png).get("data_base64").asText());
        assertEquals(
                Base64.getEncoder().encodeToString(latin1),
                structured("text/plain; charset=iso-8859-1", latin1)
                        .get("data_base64")
                        .asText());
        assertEquals(
                Base64.getEncoder().encodeToString(latin1),
                structured("text/plain", latin1).get("data_base64").asText());
    }

    private static JsonNode structured(String contentType, byte[] data) throws Exception {
        CloudEvent event = CloudEventBuilder.v1()
                .withId("1")
                .withSource(URI.create("/test"))
                .withType("t")
                .withData(contentType, data)
                .build();
        return MAPPER.readTree(StructuredJson.formatFor(event).serialize(event));
    }
}
