package dev.tributary.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Raw HTTP/1.1 over a plain socket, for requests a client library would normalise away
 * (conflicting framing, repeated headers, raw bytes in header values, slow senders).
 */
public final class RawHttp {

    /** What came back: the bytes read as ISO-8859-1 text, and whether the server closed the connection. */
    public record Answer(String text, boolean closed) {
        public int status() {
            return text.startsWith("HTTP/") ? Integer.parseInt(text.substring(9, 12)) : -1;
        }

        /** The first response's body (after the first blank line). */
        public String body() {
            int start = text.indexOf("\r\n\r\n");
            return start < 0 ? "" : text.substring(start + 4);
        }
    }

    private RawHttp() {}

    /** Sends {@code request} and reads until the server closes the connection or is quiet for {@code quietMillis}. */
    public static Answer exchange(int port, byte[] request, int quietMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(quietMillis);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    /**
     * Sends {@code request} and reads its first answer: returns once a whole response (head and
     * {@code Content-Length} body) arrived, the server closed the connection, or it was quiet for
     * {@code quietMillis}.
     */
    public static Answer firstAnswer(int port, byte[] request, int quietMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(quietMillis);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream(), true);
        }
    }

    static Answer read(InputStream in) throws IOException {
        return read(in, false);
    }

    private static Answer read(InputStream in, boolean firstOnly) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean closed = false;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (firstOnly && complete(out.toString(StandardCharsets.ISO_8859_1))) {
                    return new Answer(out.toString(StandardCharsets.ISO_8859_1), false);
                }
            }
            closed = true;
        } catch (SocketTimeoutException e) {
            // quiet for the whole wait: the connection stays open
        } catch (IOException e) {
            closed = true; // reset by the server
        }
        return new Answer(out.toString(StandardCharsets.ISO_8859_1), closed);
    }

    /** Whether {@code text} holds a whole response with a {@code Content-Length} body. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return text.length()
                        >= end + 4 + Integer.parseInt(line.substring(15).trim());
            }
        }
        return false;
    }

    /** A request head ({@code \r\n} line ends added) followed by a body, all as ISO-8859-1 except the body. */
    public static byte[] request(String head, byte[] body) {
        byte[] headBytes = (head.replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
