package dev.tributary.adapters.aws.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.testing.RoundTripEvents;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** The entry a CloudEvent becomes, and how a failed entry is classified. */
class EventBridgeSinkTest {

    @Test
    void anEntryCarriesSourceTypeTimeAndTheWholeEvent() {
        CloudEvent event = RoundTripEvents.sample("order-1");
        PutEventsRequestEntry entry = EventBridgeEntries.entry(event, "orders");
        assertEquals("orders", entry.eventBusName());
        assertEquals(event.getSource().toString(), entry.source());
        assertEquals(event.getType(), entry.detailType());
        assertEquals(event.getTime().toInstant(), entry.time());
        assertTrue(entry.detail().contains("\"id\":\"order-1\""), entry.detail());
    }

    @Test
    void aFailedEntryIsClassifiedByItsErrorCode() {
        assertEquals(
                200,
                EventBridgeSink.reply(PutEventsResponse.builder()
                                .failedEntryCount(0)
                                .entries(PutEventsResultEntry.builder()
                                        .eventId("e-1")
                                        .build())
                                .build())
                        .status());
        assertEquals(429, status("ThrottlingException"));
        assertEquals(500, status("InternalFailure"));
        assertEquals(403, status("AccessDeniedException"));
        assertEquals(403, status("NotAuthorizedForSourceException"));
        assertEquals(400, status("ValidationException"));
    }

    private static int status(String code) {
        return EventBridgeSink.reply(PutEventsResponse.builder()
                        .failedEntryCount(1)
                        .entries(PutEventsResultEntry.builder()
                                .errorCode(code)
                                .errorMessage("no")
                                .build())
                        .build())
                .status();
    }
}
