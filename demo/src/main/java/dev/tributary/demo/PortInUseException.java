package dev.tributary.demo;

import java.io.IOException;
import java.net.BindException;
import java.util.stream.Stream;

/** A part of the demo could not listen on its port because something else does. */
final class PortInUseException extends IOException {

    private final DemoStack.Part part;
    private final int port;

    PortInUseException(DemoStack.Part part, int port, Throwable cause) {
        super(part.description() + ": port " + port + " is in use", cause);
        this.part = part;
        this.port = port;
    }

    DemoStack.Part part() {
        return part;
    }

    int port() {
        return port;
    }

    /** Whether {@code failure}, or one of its causes, is an address already in use. */
    static boolean isAddressInUse(Throwable failure) {
        return Stream.iterate(failure, t -> t != null, Throwable::getCause)
                .limit(20)
                .anyMatch(t -> t instanceof BindException
                        || String.valueOf(t.getMessage()).contains("Address already in use"));
    }
}
