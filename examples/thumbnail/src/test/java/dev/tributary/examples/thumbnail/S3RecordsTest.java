package dev.tributary.examples.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3RecordsTest {

    @Test
    void aNotificationBecomesTheCloudEventsTheGatewayWouldProduce() throws Exception {
        List<CloudEvent> events = S3Records.toCloudEvents(TestEvents.resource("aws/s3-object-created.json"));

        JsonNode expected = TestEvents.resource("aws/s3-object-created.expected.json");
        assertEquals(1, events.size());
        assertEquals(expected.get(0), TestEvents.JSON.readTree(TestEvents.structured(events.get(0))));
    }

    @Test
    void eachRecordIsOneEventInOrder() {
        ObjectNode notification = TestEvents.s3Notification(
                TestEvents.s3Record("photos", "one.jpg"), TestEvents.s3Record("archive", "two%C3%A9.png"));

        List<CloudEvent> events = S3Records.toCloudEvents(notification);

        assertEquals(
                List.of("one.jpg", "twoé.png"),
                events.stream().map(CloudEvent::getSubject).toList());
        assertEquals("aws:s3.eu-west-1.archive", events.get(1).getSource().toString());
    }

    @Test
    void aNotificationWithoutRecordsIsMalformed() {
        JsonNode testEvent =
                TestEvents.JSON.createObjectNode().put("Service", "Amazon S3").put("Event", "s3:TestEvent");

        MalformedEventException e =
                assertThrows(MalformedEventException.class, () -> S3Records.toCloudEvents(testEvent));
        assertEquals("Records is missing or not an array", e.getMessage());
    }

    @Test
    void aRecordWithoutItsRequestIdNamesTheField() {
        ObjectNode second = TestEvents.s3Record("photos", "b.jpg");
        second.remove("responseElements");
        ObjectNode notification = TestEvents.s3Notification(TestEvents.s3Record("photos", "a.jpg"), second);

        MalformedEventException e =
                assertThrows(MalformedEventException.class, () -> S3Records.toCloudEvents(notification));
        assertEquals(
                "Records[1].responseElements.x-amz-request-id is missing or not a non-empty string", e.getMessage());
    }

    @Test
    void aRecordWithABadTimeNamesTheField() {
        ObjectNode record = TestEvents.s3Record("photos", "a.jpg").put("eventTime", "yesterday");

        MalformedEventException e = assertThrows(
                MalformedEventException.class, () -> S3Records.toCloudEvents(TestEvents.s3Notification(record)));
        assertEquals("Records[0].eventTime is not an RFC 3339 time: yesterday", e.getMessage());
    }
}
