package dev.tributary.gateway.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Starts the HTTP server without the Netty server's own error log, which prints a failed start
 * (a busy port) as a stack trace: callers say what went wrong in one line instead.
 */
public final class ServerStartLog {

    private static final String SERVER_LOGGER = "io.micronaut.http.server.netty.NettyHttpServer";

    private ServerStartLog() {}

    /** Runs {@code start} with the server's logger off, and restores its level after. */
    public static <T> T quietly(Supplier<T> start) {
        Logger logger = (Logger) LoggerFactory.getLogger(SERVER_LOGGER);
        Level level = logger.getLevel();
        logger.setLevel(Level.OFF);
        try {
            return start.get();
        } finally {
            logger.setLevel(level);
        }
    }
}
