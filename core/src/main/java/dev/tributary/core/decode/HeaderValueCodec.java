package dev.tributary.core.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of CloudEvent attribute values carried in HTTP headers.
 *
 * <p>Implements section 3.1.3.2 of the CloudEvents HTTP protocol binding 1.0: on the wire, every
 * character outside printable US-ASCII (U+0021 to U+007E), plus space, double quote and percent,
 * is written as the percent-encoded bytes of its UTF-8 form. cloudevents-java 4 does neither step,
 * so the gateway applies this codec to {@code ce-*} headers in both directions. Stateless and
 * thread-safe.
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/http-protocol-binding.md#3132-http-header-values">HTTP binding 3.1.3.2</a>
 */
public final class HeaderValueCodec {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HeaderValueCodec() {}

    /** Encodes a value for use as a header; returns the same instance when nothing needs escaping. */
    public static String encode(String value) {
        if (!needsEncoding(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c > 0x20 && c < 0x7F && c != '"' && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes a header value.
     *
     * @throws IllegalArgumentException when a {@code %} is not followed by two hex digits or the
     *     bytes are not valid UTF-8
     */
    public static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new IllegalArgumentException("truncated percent-encoding in '" + value + "'");
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("invalid percent-encoding in '" + value + "'");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("percent-encoded bytes are not UTF-8 in '" + value + "'", e);
        }
    }

    private static boolean needsEncoding(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '"' || c == '%') {
                return true;
            }
        }
        return false;
    }
}
