package dev.tributary.examples.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class SettingsTest {

    @Test
    void unsetOrBlankVariablesTakeTheDefaults() {
        Settings settings = Settings.fromEnvironment(Map.of("S3_ENDPOINT", " "));

        assertEquals(new Settings(8080, Optional.empty(), Region.US_EAST_1, 50_000_000L, 64 * 1024 * 1024), settings);
    }

    @Test
    void everyVariableIsRead() {
        Settings settings = Settings.fromEnvironment(Map.of(
                "PORT",
                "9000",
                "S3_ENDPOINT",
                "http://127.0.0.1:9090",
                "AWS_REGION",
                "eu-west-1",
                "THUMBNAIL_MAX_PIXELS",
                "1000000",
                "THUMBNAIL_MAX_OBJECT_BYTES",
                "2048"));

        assertEquals(
                new Settings(
                        9000, Optional.of(URI.create("http://127.0.0.1:9090")), Region.EU_WEST_1, 1_000_000L, 2048),
                settings);
    }

    @Test
    void invalidValuesNameTheVariable() {
        assertEquals("PORT must be an integer from 0 to 65535, got 'http'", message(Map.of("PORT", "http")));
        assertEquals(
                "THUMBNAIL_MAX_PIXELS must be an integer from 1 to 9223372036854775807, got '0'",
                message(Map.of("THUMBNAIL_MAX_PIXELS", "0")));
        assertEquals(
                "S3_ENDPOINT must be an http(s) URL such as http://127.0.0.1:9000, got 'localhost:9000'",
                message(Map.of("S3_ENDPOINT", "localhost:9000")));
    }

    private static String message(Map<String, String> env) {
        return assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(env))
                .getMessage();
    }
}
