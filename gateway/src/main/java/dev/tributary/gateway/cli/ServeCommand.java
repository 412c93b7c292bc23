package dev.tributary.gateway.cli;

import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.gateway.MappingsSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Runs the gateway until it is stopped. Extra arguments ({@code --micronaut.server.port=9000}) go to
 * Micronaut. A mappings file with errors is reported exactly as {@code validate} reports it, and a
 * gateway that cannot start says why in one line ({@link StartupFailure}); both exit 1.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the gateway (HTTP sources, pull consumers, delivery) until stopped.")
public final class ServeCommand implements Callable<Integer> {

    private static final String MAPPINGS_ARGUMENT = "--tributary.mappings=";
    private static final String MANAGEMENT_PORT_ARGUMENT = "--endpoints.all.port=";
    /** The management port application.yml sets when nothing else does. */
    private static final String DEFAULT_MANAGEMENT_PORT = "9090";

    private static volatile boolean serving;

    @Unmatched
    List<String> micronautArguments = new ArrayList<>();

    @Option(
            names = "--exit-when-ready",
            description = "Start, and stop as soon as the gateway is ready: a start-up check for deployments. "
                    + "The build runs it to record the class-data archive that makes later starts faster.")
    boolean exitWhenReady;

    @Spec
    CommandSpec spec;

    public ServeCommand() {}

    /** Serve with Micronaut settings parsed elsewhere (the top-level command). */
    public ServeCommand(List<String> micronautArguments) {
        this.micronautArguments = new ArrayList<>(micronautArguments);
    }

    /** Whether a gateway was started, so {@code main} must not exit the JVM. */
    public static boolean isServing() {
        return serving;
    }

    /** @return 0 once serving (or, with {@code --exit-when-ready}, stopped after start-up); 1 when it cannot start */
    @Override
    public Integer call() {
        PrintWriter err = spec == null
                ? new PrintWriter(System.err, true)
                : spec.commandLine().getErr();
        Optional<Mappings> mappings = Optional.empty();
        Optional<Path> file = mappingsFile();
        if (file.isPresent()) {
            MappingCheck check = new MappingCheck(new MappingLoader(MappingsSource::variable), err);
            mappings = check.load(file.get());
            if (!check.finish()) {
                return 1;
            }
        }
        ApplicationContext context;
        try {
            context = ServerStartLog.quietly(() -> new ReportingMicronaut()
                    .args(micronautArguments.toArray(String[]::new))
                    .mainClass(ServeCommand.class)
                    .banner(false)
                    .start());
        } catch (ApplicationStartupException e) {
            err.println(StartupFailure.describe(e.getCause(), mappings, managementPort()));
            err.flush();
            return 1;
        }
        if (exitWhenReady) {
            context.close();
            spec.commandLine().getOut().println("tributary: started and ready; stopped (--exit-when-ready)");
            spec.commandLine().getOut().flush();
            return 0;
        }
        serving = true;
        return 0;
    }

    /** The management port as configured: {@code --endpoints.all.port=}, a system property, {@code ENDPOINTS_ALL_PORT}, else 9090. */
    private String managementPort() {
        return setting(MANAGEMENT_PORT_ARGUMENT, "endpoints.all.port", "ENDPOINTS_ALL_PORT")
                .orElse(DEFAULT_MANAGEMENT_PORT);
    }

    /** A setting as Micronaut reads it: the last {@code argument} given, else the system property, else the variable. */
    private Optional<String> setting(String argument, String property, String variable) {
        return micronautArguments.stream()
                .filter(a -> a.startsWith(argument))
                .map(a -> a.substring(argument.length()))
                .reduce((first, last) -> last)
                .or(() -> Optional.ofNullable(System.getProperty(property)))
                .or(() -> Optional.ofNullable(System.getenv(variable)));
    }

    /** The file {@code tributary.mappings} names: a {@code --tributary.mappings=} argument, a system property or {@code TRIBUTARY_MAPPINGS}. */
    private Optional<Path> mappingsFile() {
        return setting(MAPPINGS_ARGUMENT, "tributary.mappings", "TRIBUTARY_MAPPINGS")
                .filter(n -> !n.isBlank())
                .map(Path::of);
    }

    /** Micronaut that hands a start-up failure to its caller instead of logging it and exiting the JVM. */
    private static final class ReportingMicronaut extends Micronaut {
        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            throw new ApplicationStartupException("the gateway cannot start", exception);
        }
    }
}
