package dev.tributary.gateway.cli;

import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.mapping.MappingError;
import dev.tributary.core.mapping.MappingException;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * How the offline commands ({@code test}, {@code replay}) end on bad input: mapping errors one per
 * line, located; anything else one line prefixed with the command; exit status 1.
 */
final class CommandFailures {

    /** A command's work, returning its exit status. */
    @FunctionalInterface
    interface Body {
        int run() throws Exception;
    }

    private CommandFailures() {}

    static int guard(String command, PrintWriter out, PrintWriter err, Body body) {
        try {
            return body.run();
        } catch (MappingException e) {
            e.errors().stream().map(MappingError::toString).forEach(err::println);
            return 1;
        } catch (IOException e) {
            err.println(command + ": cannot read " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | DecodeException e) {
            err.println(command + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println(command + ": " + e);
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
