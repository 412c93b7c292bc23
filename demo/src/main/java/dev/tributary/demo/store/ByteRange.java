package dev.tributary.demo.store;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an object, from a {@code Range: bytes=...} header as S3 reads it: {@code a-b},
 * {@code a-} or {@code -suffix}; an end past the object is cut to its last byte.
 *
 * @param first the first byte's offset
 * @param last the last byte's offset, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern BYTES = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** Thrown for a range that starts past the end of the object (S3's 416 InvalidRange). */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable(String message) {
            super(message);
        }
    }

    /**
     * The range of an object of {@code size} bytes; empty when there is no header or S3 would ignore
     * it (not a single {@code bytes=} range), so the whole object is sent.
     */
    static Optional<ByteRange> parse(String header, long size) throws Unsatisfiable {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = BYTES.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                throw new Unsatisfiable("The requested range is not satisfiable");
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        if (first >= size) {
            throw new Unsatisfiable("The requested range is not satisfiable");
        }
        if (last < first) {
            return Optional.empty();
        }
        return Optional.of(new ByteRange(first, last));
    }

    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value for an object of {@code size} bytes. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
