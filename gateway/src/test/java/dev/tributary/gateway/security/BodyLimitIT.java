package dev.tributary.gateway.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Push bodies are capped while they are read (4 MB, {@code micronaut.server.max-request-size}),
 * before authentication and parsing: an oversized body, announced or chunked, is refused with 413
 * long before it has all been sent, even to an authenticated source and without credentials.
 */
class BodyLimitIT {

    private static final long HUGE = 256L * 1024 * 1024;

    @RegisterExtension
    static final GatewayExtension GATEWAY = new GatewayExtension("""
            apiVersion: tributary.dev/v1
            sources:
              in: { type: cloudevents, secret: not-sent-by-this-test }
            sinks:
              out: { type: log }
            routes:
              - { name: all, from: [in], to: [out] }
            """);

    @Test
    void aHugeChunkedBodyIs413BeforeItIsAllSent() throws Exception {
        assertRefusedEarly("Transfer-Encoding: chunked\r\n", true);
    }

    @Test
    void aHugeAnnouncedBodyIs413BeforeItIsSent() throws Exception {
        assertRefusedEarly("Content-Length: " + HUGE + "\r\n", false);
    }

    private static void assertRefusedEarly(String framing, boolean chunked) throws Exception {
        int port = GATEWAY.gateway().uri("/").getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /sources/in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "ce-specversion: 1.0\r\nce-id: big\r\nce-source: /t\r\nce-type: t\r\n" + framing + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[64 * 1024];
                byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < HUGE) {
                        if (chunked) {
                            out.write(header);
                        }
                        out.write(chunk);
                        if (chunked) {
                            out.write('\r');
                            out.write('\n');
                        }
                        sent.addAndGet(chunk.length);
                    }
                } catch (IOException closedByTheGateway) {
                    // expected: the gateway answers and closes the connection
                }
            });
            String status = statusLine(socket.getInputStream());
            assertTrue(status.startsWith("HTTP/1.1 413"), status);
            // what the counter shows also holds what the kernel's socket buffers took while the answer
            // was on its way (several MB on loopback, more while two builds share the cores): an
            // eighth of the body is far beyond that and far below having read it all
            assertTrue(sent.get() < HUGE / 8, "answered only after " + sent.get() + " bytes were sent");
            socket.close();
            writer.get(30, TimeUnit.SECONDS);
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
