package dev.tributary.gateway.camel;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why a sink never answered, in an operator's terms: unknown host, connection refused, no answer
 * within the timeout, and so on. Recorded as {@code knativeerrordata} when the event is
 * dead-lettered, and logged. Stateless.
 */
final class TransportFailure {

    private TransportFailure() {}

    static String describe(Throwable cause, Duration timeout) {
        String detail = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        if (cause instanceof TimeoutException) {
            return "no answer within " + timeout;
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host" + detail;
        }
        if (cause instanceof ConnectTimeoutException) {
            return "connect timed out" + detail;
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to host" + detail;
        }
        if (cause instanceof ConnectException) {
            return "connection refused" + detail;
        }
        if (cause instanceof SSLException) {
            return "TLS failed" + detail;
        }
        if (cause instanceof ClosedChannelException) {
            return "connection closed before the answer";
        }
        return cause.getMessage() == null
                ? "connection failed (" + cause.getClass().getSimpleName() + ")"
                : cause.getMessage();
    }
}
