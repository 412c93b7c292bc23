package dev.tributary.core.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 (RFC 3629): overlong forms (such as {@code C0 AF} for {@code /}), surrogates and
 * truncated sequences are errors, not characters. Stateless.
 */
public final class Utf8 {

    private Utf8() {}

    /** @throws DecodeException naming {@code what} and the byte offset of the first invalid sequence */
    public static void require(byte[] bytes, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.min(bytes.length, 8192) + 1);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw DecodeException.malformed(what + " is not valid UTF-8 (byte offset " + in.position() + ")");
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        out.clear();
        if (decoder.flush(out).isError()) {
            throw DecodeException.malformed(what + " is not valid UTF-8 (truncated at the end)");
        }
    }

    /**
     * Reads a header value Netty delivered one byte per character (ISO-8859-1) as the UTF-8 the
     * bytes are; values that are plain ASCII come back as they are.
     *
     * @throws IllegalArgumentException when the bytes are not valid UTF-8
     */
    public static String fromLatin1Bytes(String value) {
        boolean ascii = true;
        for (int i = 0; i < value.length() && ascii; i++) {
            ascii = value.charAt(i) < 0x80;
        }
        if (ascii) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("value is not valid UTF-8");
        }
    }
}
