package dev.tributary.gateway.cli;

import dev.tributary.core.mapping.MappingError;
import dev.tributary.core.mapping.MappingException;
import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads mapping files and prints what is wrong with them, one located line per error and a total,
 * the same for {@code validate} and for {@code serve} refusing to start.
 */
final class MappingCheck {

    private final MappingLoader loader;
    private final PrintWriter err;
    private int errors;

    MappingCheck(MappingLoader loader, PrintWriter err) {
        this.loader = loader;
        this.err = err;
    }

    /** The file's mappings; empty when it has errors, each printed as {@code FILE:LINE: context: field: message}. */
    Optional<Mappings> load(Path file) {
        try {
            return Optional.of(loader.load(file));
        } catch (MappingException e) {
            List<MappingError> found = e.errors();
            found.forEach(err::println);
            errors += found.size();
            return Optional.empty();
        }
    }

    /** Prints the total ({@code 3 errors}) when any file had errors; {@code true} when none had. */
    boolean finish() {
        if (errors > 0) {
            err.printf("%d error%s%n", errors, errors == 1 ? "" : "s");
        }
        err.flush();
        return errors == 0;
    }
}
