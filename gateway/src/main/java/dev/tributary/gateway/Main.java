package dev.tributary.gateway;

import dev.tributary.gateway.cli.ReplayCommand;
import dev.tributary.gateway.cli.ServeCommand;
import dev.tributary.gateway.cli.TestCommand;
import dev.tributary.gateway.cli.ValidateCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code java -jar tributary.jar [serve|validate FILE...|test FILE...|replay FILE...|--help]}. With no sub-command the gateway serves.
 */
@Command(
        name = "tributary",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Tributary: cloud notifications in, CloudEvents out.",
            "",
            "With no command, serves (same as 'serve'). Configuration comes from the environment:",
            "  TRIBUTARY_MAPPINGS      route-mapping file (default: built-in 'cloudevents' source",
            "                          'default' routed to a log sink)",
            "  MICRONAUT_SERVER_PORT   HTTP port (default 8080)",
            "  K_SINK, K_CE_OVERRIDES  Knative source contract",
        },
        subcommands = {
            ServeCommand.class,
            ValidateCommand.class,
            TestCommand.class,
            ReplayCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {

    /** Micronaut settings given without {@code serve}, e.g. {@code --micronaut.server.port=9000}. */
    @Unmatched
    List<String> micronautArguments = new ArrayList<>();

    @Override
    public Integer call() {
        return new ServeCommand(micronautArguments).call();
    }

    /** The arguments passed on to Micronaut. */
    public List<String> micronautArguments() {
        return List.copyOf(micronautArguments);
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // the usual launch (container, launcher script): serve without building the picocli model,
            // whose annotation scan took about a tenth of the start-up time
            int exitCode = new Main().call();
            if (exitCode != 0) {
                System.exit(exitCode);
            }
            return;
        }
        CommandLine commandLine = new CommandLine(new Main());
        int exitCode = commandLine.execute(args);
        if (exitCode != 0 || !ServeCommand.isServing()) {
            System.exit(exitCode);
        }
    }

    /** The version from the jar manifest ({@code Implementation-Version}). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"tributary " + (version == null ? "(development build)" : version)};
        }
    }
}
