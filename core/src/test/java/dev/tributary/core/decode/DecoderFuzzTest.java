package dev.tributary.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing (jqwik, bounded tries) of the CloudEvents HTTP decoder and the header
 * value codec: whatever the bytes, the decoder returns events or refuses with a
 * {@link DecodeException} whose message names none of our or our libraries' classes; the codec
 * round-trips every string and refuses bad input only with {@link IllegalArgumentException}.
 */
class DecoderFuzzTest {

    private static final List<String> INTERNALS =
            List.of("`", "com.fasterxml", "io.cloudevents", "dev.tributary", "java.", "Exception");
    private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\","
            + "\"time\":\"2026-01-01T00:00:00Z\",\"data\":{\"a\":[1,2,{\"b\":null}]}}";

    private final CloudEventsHttpDecoder decoder = new CloudEventsHttpDecoder();

    @Property(tries = 400)
    void anyStructuredOrBatchBodyIsDecodedOrRefusedCleanly(
            @ForAll("bodies") byte[] body, @ForAll("contentTypes") String contentType) {
        try {
            decoder.decode(new InboundPayload(Map.of("content-type", contentType), body));
        } catch (DecodeException e) {
            String ours = withoutQuotesOf(body, e.getMessage());
            INTERNALS.forEach(internal -> assertFalse(ours.contains(internal), e.getMessage()));
        }
    }

    /**
     * The message without what it quotes of the sender's own body (a {@code '…'} whose content
     * the body holds, such as {@code Unexpected character ('`' (code 96))}): only the rest must not
     * name an internal.
     */
    private static String withoutQuotesOf(byte[] body, String message) {
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher quoted = Pattern.compile("'([^']*)'").matcher(message);
        StringBuilder kept = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(
                    kept, text.contains(quoted.group(1)) ? "" : Matcher.quoteReplacement(quoted.group()));
        }
        quoted.appendTail(kept);
        return kept.toString();
    }

    @Property(tries = 300)
    void anyBinaryModeHeadersAreDecodedOrRefusedCleanly(
            @ForAll("headerValues") String id,
            @ForAll("headerValues") String source,
            @ForAll("headerValues") String time) {
        try {
            decoder.decode(new InboundPayload(
                    Map.of(
                            "content-type",
                            "application/json",
                            "ce-specversion",
                            "1.0",
                            "ce-id",
                            id,
                            "ce-source",
                            source,
                            "ce-type",
                            "t",
                            "ce-time",
                            time),
                    "{}".getBytes(StandardCharsets.UTF_8)));
        } catch (DecodeException e) {
            // the sender's own values may be quoted back; nothing else may name an internal
            String ours = e.getMessage().replace(id, "").replace(source, "").replace(time, "");
            INTERNALS.forEach(internal -> assertFalse(ours.contains(internal), e.getMessage()));
        }
    }

    @Property(tries = 500)
    void theHeaderCodecRoundTripsEveryString(@ForAll String value) {
        assertEquals(value, HeaderValueCodec.decode(HeaderValueCodec.encode(value)));
    }

    @Property(tries = 500)
    void theHeaderCodecRefusesBadInputOnlyWithAMessage(@ForAll("headerValues") String value) {
        try {
            HeaderValueCodec.decode(value);
        } catch (IllegalArgumentException e) {
            assertFalse(e.getMessage().isEmpty());
        }
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(CloudEventsHttpDecoder.STRUCTURED_JSON, CloudEventsHttpDecoder.BATCH_JSON);
    }

    /** Valid events mutated (bytes flipped, cut, appended to, wrapped) and raw noise. */
    @Provide
    Arbitrary<byte[]> bodies() {
        byte[] event = EVENT.getBytes(StandardCharsets.UTF_8);
        byte[] batch = ("[" + EVENT + "," + EVENT + "]").getBytes(StandardCharsets.UTF_8);
        Arbitrary<byte[]> base = Arbitraries.of(event, batch);
        Arbitrary<byte[]> flipped = Combinators.combine(
                        base, Arbitraries.integers().between(0, 10_000), Arbitraries.bytes())
                .as((bytes, at, value) -> {
                    byte[] copy = bytes.clone();
                    copy[at % copy.length] = value;
                    return copy;
                });
        Arbitrary<byte[]> cut = Combinators.combine(base, Arbitraries.integers().between(0, 10_000))
                .as((bytes, at) -> java.util.Arrays.copyOf(bytes, at % bytes.length));
        Arbitrary<byte[]> appended = Combinators.combine(
                        base, Arbitraries.bytes().array(byte[].class).ofMaxSize(8))
                .as((bytes, tail) -> {
                    byte[] copy = java.util.Arrays.copyOf(bytes, bytes.length + tail.length);
                    System.arraycopy(tail, 0, copy, bytes.length, tail.length);
                    return copy;
                });
        Arbitrary<byte[]> nested = Arbitraries.integers()
                .between(1, 3000)
                .map(depth -> ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Arbitraries.oneOf(flipped, cut, appended, nested, noise);
    }

    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange((char) 0x20, (char) 0xFF).ofMaxLength(24),
                Arbitraries.strings()
                        .withChars("%0123456789ABCDEFabcdefgxyz:/-")
                        .ofMaxLength(24));
    }
}
