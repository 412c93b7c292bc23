package dev.tributary.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HeaderValueCodecTest {

    @Test
    void encodesWhatTheHttpBindingRequires() {
        assertEquals("caf%C3%A9%20%22menu%22%20100%25", HeaderValueCodec.encode("café \"menu\" 100%"));
        assertEquals("line%0Abreak", HeaderValueCodec.encode("line\nbreak"));
        assertEquals("%F0%9F%98%80", HeaderValueCodec.encode("😀"));
    }

    @Test
    void leavesPrintableAsciiAlone() {
        String plain = "com.example/a-b_c:d?e=f&g#h+i";
        assertSame(plain, HeaderValueCodec.encode(plain));
    }

    @Test
    void decodesAndRoundTrips() {
        for (String value : new String[] {"café \"menu\" 100%", "😀 emoji", "tab\there", "plain"}) {
            assertEquals(value, HeaderValueCodec.decode(HeaderValueCodec.encode(value)));
        }
        assertEquals("a b", HeaderValueCodec.decode("a%20b"));
        assertEquals("lower é", HeaderValueCodec.decode("lower %c3%a9"));
    }

    @Test
    void refusesBrokenEncodings() {
        assertThrows(IllegalArgumentException.class, () -> HeaderValueCodec.decode("bad%zz"));
        assertThrows(IllegalArgumentException.class, () -> HeaderValueCodec.decode("truncated%4"));
        assertThrows(IllegalArgumentException.class, () -> HeaderValueCodec.decode("not-utf8%C3%28"));
    }
}
