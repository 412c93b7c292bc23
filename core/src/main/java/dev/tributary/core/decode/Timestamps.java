package dev.tributary.core.decode;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses RFC 3339 timestamps ({@code 2026-03-14T09:26:53.589Z}) as {@link OffsetDateTime#parse}
 * does, with the same results and the same failures, but reads the UTC form every provider sends
 * ({@code Z}, 0 to 9 fraction digits) directly: {@code java.time}'s formatter took about 1 µs per
 * timestamp, a fifth of an S3 record's decoding. Any other form goes to {@code OffsetDateTime.parse}.
 * Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3339#section-5.6">RFC 3339, section 5.6</a>
 */
public final class Timestamps {

    private static final int SECONDS_END = 19;

    private Timestamps() {}

    /** @throws DateTimeParseException when {@code text} is not an ISO 8601 offset date-time */
    public static OffsetDateTime parse(String text) {
        if (isUtcForm(text)) {
            try {
                int fractionDigits = text.length() - SECONDS_END - 2;
                int nanos = fractionDigits > 0 ? digits(text, SECONDS_END + 1, fractionDigits) : 0;
                for (int i = fractionDigits; i < 9; i++) {
                    nanos *= 10;
                }
                return OffsetDateTime.of(
                        digits(text, 0, 4),
                        digits(text, 5, 2),
                        digits(text, 8, 2),
                        digits(text, 11, 2),
                        digits(text, 14, 2),
                        digits(text, 17, 2),
                        nanos,
                        ZoneOffset.UTC);
            } catch (DateTimeException e) {
                // an impossible date or time (Feb 30, 25:00): the formatter words the error
            }
        }
        return OffsetDateTime.parse(text);
    }

    /** {@code dddd-dd-ddTdd:dd:dd}, then {@code Z} or {@code .} with 1 to 9 digits and {@code Z}. */
    private static boolean isUtcForm(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1
                || length == SECONDS_END + 2
                || length > SECONDS_END + 11
                || text.charAt(length - 1) != 'Z') {
            return false;
        }
        for (int i = 0; i < SECONDS_END; i++) {
            char c = text.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        if (length > SECONDS_END + 1) {
            if (text.charAt(SECONDS_END) != '.') {
                return false;
            }
            for (int i = SECONDS_END + 1; i < length - 1; i++) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                    return false;
                }
            }
        }
        return true;
    }

    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
