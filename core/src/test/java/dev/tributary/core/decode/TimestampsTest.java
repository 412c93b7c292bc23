package dev.tributary.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-03-14T09:26:53.589Z", "2026-03-14T09:26:53Z", "2026-03-14T09:26:53.5Z",
                        "2026-03-14T09:26:53.123456789Z",
                "2024-02-29T23:59:59.999Z", "0001-01-01T00:00:00Z", "2026-03-14T09:26:53.589+02:00",
                        "2026-03-14t09:26:53z",
                "2026-03-14T09:26:53.000000Z", "2026-03-14T09:26:53.Z"
            })
    void readsWhatOffsetDateTimeReads(String text) {
        assertEquals(OffsetDateTime.parse(text), Timestamps.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T09:26:53Z",
                "2026-03-14T25:26:53Z",
                "2026-03-14T09:26:60Z",
                "2026-13-14T09:26:53Z",
                "2026-03-14T09:26:53.1234567891Z",
                "2026-03-14 09:26:53Z",
                "2026-03-14T09:26:53",
                "14 March 2026",
                "",
                "2026-03-14T09:26:5aZ",
                "2026-03-14T09:26:53.58aZ"
            })
    void refusesWhatOffsetDateTimeRefuses(String text) {
        DateTimeParseException expected = assertThrows(DateTimeParseException.class, () -> OffsetDateTime.parse(text));
        DateTimeParseException actual = assertThrows(DateTimeParseException.class, () -> Timestamps.parse(text));
        assertEquals(expected.getMessage(), actual.getMessage());
    }

    @Test
    void agreesWithOffsetDateTimeOnRandomUtcTimestamps() {
        Random random = new Random(9);
        for (int i = 0; i < 10_000; i++) {
            String text = String.format(
                    "%04d-%02d-%02dT%02d:%02d:%02d%sZ",
                    random.nextInt(10_000),
                    random.nextInt(14),
                    random.nextInt(33),
                    random.nextInt(26),
                    random.nextInt(61),
                    random.nextInt(61),
                    random.nextBoolean()
                            ? ""
                            : "."
                                    + String.format("%09d", random.nextInt(1_000_000_000))
                                            .substring(0, 1 + random.nextInt(9)));
            Object expected = outcome(() -> OffsetDateTime.parse(text));
            assertEquals(expected, outcome(() -> Timestamps.parse(text)), text);
        }
    }

    private static Object outcome(java.util.function.Supplier<OffsetDateTime> parse) {
        try {
            return parse.get();
        } catch (DateTimeParseException e) {
            return e.getMessage();
        }
    }
}
