package dev.tributary.core.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.testing.RoundTripEvents;
import io.cloudevents.CloudEvent;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Binary-mode CloudEvents over string attributes, both ways. */
class AttributeBindingTest {

    @Test
    void whatIsWrittenReadsBackAsTheSameEvent() {
        CloudEvent event = RoundTripEvents.sample("order-1");
        Map<String, String> attributes = AttributeBinding.write(event);
        assertEquals("1.0", attributes.get("ce-specversion"));
        assertEquals("2026-12-04T23:30:15.123Z", attributes.get("ce-time"));
        assertEquals("application/json", attributes.get("content-type"));
        RoundTripEvents.assertSameEvent(
                event,
                AttributeBinding.read(attributes, event.getData().toBytes()).orElseThrow());
    }

    @Test
    void namesAreMatchedIgnoringCaseAndOtherAttributesAreNotPartOfTheEvent() {
        CloudEvent event = AttributeBinding.read(
                        Map.of(
                                "CE-SpecVersion",
                                "1.0",
                                "ce-id",
                                "1",
                                "Ce-Source",
                                "/s",
                                "ce-type",
                                "t",
                                "Origin",
                                "eu"),
                        new byte[0])
                .orElseThrow();
        assertEquals("/s", event.getSource().toString());
        assertTrue(
                event.getExtensionNames().isEmpty(), event.getExtensionNames().toString());
    }

    @Test
    void withoutSpecVersionThereIsNoEventAndAnEmptyIdIsRefused() {
        assertEquals(Optional.empty(), AttributeBinding.read(Map.of("ce-id", "1"), new byte[0]));
        assertThrows(
                DecodeException.class,
                () -> AttributeBinding.read(
                        Map.of("ce-specversion", "1.0", "ce-id", "", "ce-source", "/s", "ce-type", "t"), new byte[0]));
    }
}
