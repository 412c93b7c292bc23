package dev.tributary.core.mapping;

import java.util.List;
import java.util.Optional;

/**
 * A rule about how the options of one source or sink combine, checked by the loader once each
 * option has been read on its own, so that its errors are located like any other.
 */
public interface OptionRule {

    /** Reports every problem through {@link Component#error}. */
    void check(Component component);

    /** What a rule sees of one source or sink. */
    interface Component {

        /** Whether the option is written (its value may have been refused already, and reported). */
        boolean has(String option);

        Optional<String> string(String option);

        List<String> list(String option);

        java.util.Map<String, String> map(String option);

        /**
         * Records an error on the option, located at its key when it is present and at the
         * source's or sink's name otherwise. Messages never quote option values: some are secrets.
         */
        void error(String option, String message);
    }
}
