package dev.tributary.gateway.cli;

import dev.tributary.core.mapping.Mappings;
import java.net.BindException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns why the gateway could not start into one line that says what to do: a busy port names the
 * port and the setting that changes it; missing cloud credentials name the sources and sinks that
 * need them and how to provide them; anything else gives its innermost cause.
 */
final class StartupFailure {

    private static final Pattern PORT = Pattern.compile("server on \\S*:(\\d+)");

    private StartupFailure() {}

    /**
     * @param failure what the start-up threw
     * @param mappings the mappings being started, when they loaded, to name what needs credentials
     * @param managementPort the management endpoints' port, to name its own setting when it is the busy one
     */
    static String describe(Throwable failure, Optional<Mappings> mappings, String managementPort) {
        List<Throwable> chain = Stream.iterate(failure, t -> t != null, Throwable::getCause)
                .limit(20)
                .toList();
        Throwable innermost = chain.get(chain.size() - 1);
        if (chain.stream().anyMatch(StartupFailure::isAddressInUse)) {
            String port = chain.stream()
                    .map(t -> PORT.matcher(String.valueOf(t.getMessage())))
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .findFirst()
                    .orElse("the HTTP port");
            String setting = port.equals(managementPort)
                    ? "ENDPOINTS_ALL_PORT=PORT (or --endpoints.all.port=PORT), the management port"
                    : "MICRONAUT_SERVER_PORT=PORT (or --micronaut.server.port=PORT)";
            return "tributary: port " + port + " is in use: stop what uses it, or choose another port with " + setting;
        }
        if (mentions(chain, "Unable to load credentials")) {
            return "tributary: " + needing(mappings, type -> type.startsWith("aws-") && !type.equals("aws-sns"))
                    + " AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_REGION), "
                    + "or AWS_PROFILE, or run with an IAM role";
        }
        if (mentions(chain, "default credentials were not found")) {
            return "tributary: " + needing(mappings, "gcp-pubsub"::equals)
                    + " Google Cloud credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, "
                    + "or run 'gcloud auth application-default login'";
        }
        return "tributary: cannot start: " + firstLine(innermost);
    }

    private static boolean isAddressInUse(Throwable t) {
        return t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use");
    }

    private static boolean mentions(List<Throwable> chain, String text) {
        return chain.stream().anyMatch(t -> String.valueOf(t.getMessage()).contains(text));
    }

    /** {@code source 'orders' (aws-sqs) and sink 'resize' (aws-lambda) need}, or a generic subject. */
    private static String needing(Optional<Mappings> mappings, Predicate<String> type) {
        List<String> names = mappings.stream()
                .flatMap(m -> Stream.concat(
                        m.sources().values().stream()
                                .filter(s -> type.test(s.type()))
                                .map(s -> "source '" + s.name() + "' (" + s.type() + ")"),
                        m.sinks().values().stream()
                                .filter(s -> type.test(s.type()))
                                .map(s -> "sink '" + s.name() + "' (" + s.type() + ")")))
                .toList();
        if (names.isEmpty()) {
            return "the mappings need";
        }
        return String.join(" and ", names) + (names.size() == 1 ? " needs" : " need");
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null
                ? t.getClass().getSimpleName()
                : t.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
