package dev.tributary.gateway.cli;

import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.gateway.MappingsSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Validates mapping files without starting anything: exit 0 when all are valid, 1 otherwise. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check route-mapping files; print every error as FILE:LINE: context: field: message.",
            "Exit status: 0 all valid, 1 errors found."
        })
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "mapping files to check")
    List<Path> files;

    @Option(
            names = "--allow-unset",
            description = "Check files whose ${VAR}s are not set here (e.g. secrets only the deployment has): "
                    + "an unset variable stands for its own ${VAR} text.")
    boolean allowUnset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MappingCheck check = new MappingCheck(
                new MappingLoader(allowUnset ? ValidateCommand::valueOrItself : MappingsSource::variable),
                spec.commandLine().getErr());
        for (Path file : files) {
            check.load(file).ifPresent(mappings -> out.printf("%s: OK (%s)%n", file, mappings.summary()));
        }
        out.flush();
        return check.finish() ? 0 : 1;
    }

    private static String valueOrItself(String name) {
        String value = MappingsSource.variable(name);
        return value == null ? "${" + name + "}" : value;
    }
}
