package dev.tributary.adapters.azure.eventgrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SinkConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The options of an {@code azure-eventgrid} sink. */
class EventGridSinkSettingsTest {

    private static final String ENDPOINT = "https://orders.westeurope-1.eventgrid.azure.net/api/events";

    @Test
    void anApiVersionIsAddedWhenTheEndpointNamesNone() {
        assertEquals(
                ENDPOINT + "?api-version=2018-01-01",
                settings(ENDPOINT).endpoint().toString());
        assertEquals(
                ENDPOINT + "?api-version=2024-06-01",
                settings(ENDPOINT + "?api-version=2024-06-01").endpoint().toString());
    }

    @Test
    void theKeyIsNeverPrinted() {
        EventGridSinkSettings settings = settings(ENDPOINT);
        assertFalse(settings.toString().contains("s3cret-key"), settings.toString());
        assertTrue(settings.toString().contains("key=***"));
    }

    @Test
    void anEndpointThatIsNotAUrlIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings("orders.eventgrid.azure.net"))
                .getMessage()
                .startsWith("sink 'functions': endpoint 'orders.eventgrid.azure.net' is not a topic endpoint URL"));
    }

    private static EventGridSinkSettings settings(String endpoint) {
        return EventGridSinkSettings.of(new SinkConfig(
                "functions", "azure-eventgrid", Options.of(Map.of("endpoint", endpoint, "key", "s3cret-key"))));
    }
}
