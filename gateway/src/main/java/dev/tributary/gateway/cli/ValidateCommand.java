package dev.tributary.gateway.cli;

import dev.tributary.core.mapping.MappingError;
import dev.tributary.core.mapping.MappingException;
import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Validates mapping files without starting anything: exit 0 when all are valid, 1 otherwise. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check route-mapping files; print every error as FILE:LINE: context: field: message.",
            "Exit status: 0 all valid, 1 errors found."})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "mapping files to check")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MappingLoader loader = new MappingLoader();
        int errors = 0;
        for (Path file : files) {
            try {
                Mappings mappings = loader.load(file);
                out.printf("%s: OK (%d sources, %d sinks, %d routes)%n", file,
                        mappings.sources().size(), mappings.sinks().size(), mappings.routes().size());
            } catch (MappingException e) {
                for (MappingError error : e.errors()) {
                    err.println(error);
                }
                errors += e.errors().size();
            }
        }
        if (errors > 0) {
            err.printf("%d error%s%n", errors, errors == 1 ? "" : "s");
        }
        out.flush();
        err.flush();
        return errors == 0 ? 0 : 1;
    }
}
