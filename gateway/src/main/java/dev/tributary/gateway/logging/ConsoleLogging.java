package dev.tributary.gateway.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The gateway's logging, set up in code (found by Logback through {@code META-INF/services}): one
 * line per event on standard output, INFO and up; Camel's own failure logs quieted, since the
 * Dispatcher logs every failed or dead-lettered delivery once, with the event id. Reading the same
 * settings from a {@code logback.xml} took about a twentieth of the gateway's start-up.
 *
 * <p>With {@code TRIBUTARY_LOG_FORMAT=json} each line is instead a JSON object written by Logback's
 * own {@link JsonEncoder}: {@code timestamp}, {@code level}, {@code threadName}, {@code loggerName},
 * {@code formattedMessage}, {@code throwable}, and the event's fields in {@code kvpList} (the
 * delivery outcomes carry {@code event}, {@code route}, {@code sink} and {@code outcome}; see
 * {@link DeliveryLog}).
 *
 * <p>A file named by {@code -Dlogback.configurationFile}, or a {@code logback-test.xml} on the
 * class path, takes over instead. Levels can also be set per logger with Micronaut's
 * {@code logger.levels.*} settings, e.g. {@code LOGGER_LEVELS_DEV_TRIBUTARY=DEBUG}.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    /** The pattern of every line: {@value}. */
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || ConsoleLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Encoder<ILoggingEvent> encoder =
                "json".equalsIgnoreCase(System.getenv("TRIBUTARY_LOG_FORMAT")) ? json() : pattern();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("org.apache.camel").setLevel(Level.WARN);
        context.getLogger("org.apache.camel.processor").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Encoder<ILoggingEvent> pattern() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setPattern(PATTERN);
        return encoder;
    }

    private static Encoder<ILoggingEvent> json() {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMDC(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        return encoder;
    }
}
