package dev.tributary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void readsTypedOptionsAndDefaults() {
        Args args = new Args(List.of("--port", "8080", "--rate", "1000.5", "--warmup", "0.25"));
        assertEquals(8080, args.integer("port", 0));
        assertEquals(1000.5, args.decimal("rate"));
        assertEquals(Duration.ofMillis(250), args.seconds("warmup", 3));
        assertEquals(Duration.ofSeconds(15), args.seconds("seconds", 15));
        assertEquals(32, args.integer("connections", 32));
    }

    @Test
    void namesTheOptionThatIsMissingOrMalformed() {
        Args args = new Args(List.of("--port", "eighty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> args.string("sink"))
                .getMessage()
                .contains("--sink"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> args.integer("port", 0))
                .getMessage()
                .contains("--port"));
        assertThrows(IllegalArgumentException.class, () -> new Args(List.of("--port")));
        assertThrows(IllegalArgumentException.class, () -> new Args(List.of("port", "1")));
    }
}
