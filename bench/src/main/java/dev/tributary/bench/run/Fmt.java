package dev.tributary.bench.run;

import java.util.Locale;

/** How figures are written in the results file. */
final class Fmt {

    private Fmt() {}

    /** A rate or count, whole, with thousands separators: {@code 57,012}. */
    static String whole(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** One decimal: {@code 17.5}. */
    static String one(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Two decimals: {@code 1.23}. */
    static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A ratio: {@code 0.18×}. */
    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    /** Mebibytes from kibibytes: {@code 212 MiB}. */
    static String mib(long kib) {
        return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }
}
