package dev.tributary.bench.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class S3NotificationsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void eachNotificationIsOneObjectCreatedRecordWithItsOwnKeyAndIds() throws Exception {
        JsonNode seventh = record(7);
        assertEquals("ObjectCreated:Put", seventh.get("eventName").asText());
        assertEquals("photos", seventh.at("/s3/bucket/name").asText());
        assertEquals("uploads/bench-7.jpg", seventh.at("/s3/object/key").asText());
        JsonNode eighth = record(8);
        assertNotEquals(
                seventh.at("/responseElements/x-amz-request-id"), eighth.at("/responseElements/x-amz-request-id"));
        assertNotEquals(seventh.at("/s3/object/sequencer"), eighth.at("/s3/object/sequencer"));
    }

    private JsonNode record(long index) throws Exception {
        JsonNode records = mapper.readTree(S3Notifications.body(index)).get("Records");
        assertEquals(1, records.size());
        return records.get(0);
    }
}
