package dev.tributary.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * An HTTP/1.1 sink on loopback that misbehaves for a while, per path: from the first request to a
 * path, for {@code faultMillis}, it answers as the path's {@link Fault} says; afterwards 202. Every
 * 2xx answer is reported (path, {@code ce-subject}) to the listener: that is a delivery.
 */
public final class FaultySink implements AutoCloseable {

    /** How a path misbehaves while its fault lasts. */
    public enum Fault {
        /** answers 503 */
        UNAVAILABLE,
        /** answers 202, but only after {@code slowMillis} */
        SLOW,
        /** reads the request and resets the connection without answering */
        RESET,
        /** answers 429 with {@code Retry-After: 1} */
        THROTTLED,
        /** never misbehaves */
        NONE
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Fault> faults;
    private final Map<String, Long> faultEnds = new ConcurrentHashMap<>();
    private final long faultMillis;
    private final long slowMillis;
    private final BiConsumer<String, String> delivered;

    public FaultySink(
            Map<String, Fault> faults, long faultMillis, long slowMillis, BiConsumer<String, String> delivered)
            throws IOException {
        this.faults = faults;
        this.faultMillis = faultMillis;
        this.slowMillis = slowMillis;
        this.delivered = delivered;
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                threads.execute(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String path = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
                String subject = header(head, "ce-subject");
                in.readNBytes(Integer.parseInt(
                        header(head, "content-length") == null ? "0" : header(head, "content-length")));
                long now = System.currentTimeMillis();
                boolean faulty = now < faultEnds.computeIfAbsent(path, p -> now + faultMillis);
                Fault fault = faulty ? faults.getOrDefault(path, Fault.NONE) : Fault.NONE;
                switch (fault) {
                    case UNAVAILABLE -> answer(out, "503 Service Unavailable", "");
                    case THROTTLED -> answer(out, "429 Too Many Requests", "Retry-After: 1\r\n");
                    case RESET -> {
                        connection.setSoLinger(true, 0);
                        return;
                    }
                    case SLOW -> {
                        Thread.sleep(slowMillis);
                        accepted(out, path, subject);
                    }
                    case NONE -> accepted(out, path, subject);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the gateway gave up on the connection
        }
    }

    private void accepted(OutputStream out, String path, String subject) throws IOException {
        answer(out, "202 Accepted", "");
        delivered.accept(path, subject);
    }

    private static void answer(OutputStream out, String status, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : 0;
        }
        return matched == 4 ? head.toString(StandardCharsets.ISO_8859_1) : null;
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0
                    && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
