package dev.tributary.gateway.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** Runs the gateway until it is stopped. Extra arguments ({@code --micronaut.server.port=9000}) go to Micronaut. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the gateway (HTTP sources, pull consumers, delivery) until stopped.")
public final class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    @Unmatched
    List<String> micronautArguments = new ArrayList<>();

    @Option(names = "--exit-when-ready",
            description = "Start, and stop as soon as the gateway is ready: a start-up check for deployments. "
                    + "The build runs it to record the class-data archive that makes later starts faster.")
    boolean exitWhenReady;

    @Spec
    CommandSpec spec;

    public ServeCommand() {
    }

    /** Serve with Micronaut settings parsed elsewhere (the top-level command). */
    public ServeCommand(List<String> micronautArguments) {
        this.micronautArguments = new ArrayList<>(micronautArguments);
    }

    /** Whether a gateway was started, so {@code main} must not exit the JVM. */
    public static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        ApplicationContext context = Micronaut.build(micronautArguments.toArray(String[]::new))
                .mainClass(ServeCommand.class)
                .banner(false)
                .start();
        if (exitWhenReady) {
            context.close();
            spec.commandLine().getOut().println("tributary: started and ready; stopped (--exit-when-ready)");
            spec.commandLine().getOut().flush();
            return 0;
        }
        serving = true;
        return 0;
    }
}
