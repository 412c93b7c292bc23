package dev.tributary.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.decode.HeaderValueCodec;
import dev.tributary.gateway.testing.GatewayExtension;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RawHttp;
import dev.tributary.gateway.testing.RawHttp.Answer;
import dev.tributary.gateway.testing.RecordingSink;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The push endpoints against hostile HTTP, over raw sockets: request smuggling, trailing JSON,
 * header encodings, repeated attributes, leaky error bodies, missing Host, wrong versions and
 * slow senders. Every push endpoint shares the HTTP layer; each decoder is tried for trailing content.
 */
class HttpHardeningIT {

    static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              ce: { type: cloudevents, auth: none }
              target: { type: cloudevents, auth: none }
              grid: { type: azure-eventgrid, secret: s3cret }
              push: { type: gcp-pubsub-push, topic: projects/demo/topics/uploads, auth: none }
            sinks:
              out: { type: http, url: SINK/out }
              smuggled: { type: http, url: SINK/smuggled }
            routes:
              - name: all
                from: [ce, grid, push]
                to: [out]
              - name: smuggled
                from: [target]
                to: [smuggled]
            """;

    @RegisterExtension
    static final GatewayExtension GATEWAY = new GatewayExtension(
            MAPPINGS, Map.of("tributary.http.header-timeout", "1s", "tributary.http.body-timeout", "1s"));

    private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"/t\",\"type\":\"t\"}";
    private static final List<String> INTERNALS = List.of(
            "io.cloudevents",
            "com.fasterxml",
            "dev.tributary",
            "`",
            "Exception",
            "DeserializationFeature",
            "StreamReadConstraints",
            "TextNode",
            "java.");

    private final RecordingSink sink = GATEWAY.sink();
    private final GatewayUnderTest gateway = GATEWAY.gateway();

    @Test
    void aRequestFramedTwoWaysIsRefusedAndTheConnectionClosedSoNothingIsSmuggled() throws Exception {
        String smuggled = "POST /sources/target HTTP/1.1\r\nHost: x\r\nContent-Type: application/cloudevents+json\r\n"
                + "Content-Length: " + EVENT.length() + "\r\n\r\n" + EVENT;
        String chunkedThenSmuggled = "0\r\n\r\n" + smuggled;
        Map<String, String> framings = Map.of(
                "Content-Length: 5\nTransfer-Encoding: chunked\n",
                "a request cannot have both Content-Length and Transfer-Encoding",
                "Content-Length: 5\nTransfer-Encoding: chunked, identity\n",
                "Transfer-Encoding must be exactly one 'chunked'",
                "Transfer-Encoding: chunked, identity\n",
                "Transfer-Encoding must be exactly one 'chunked'",
                "Transfer-Encoding: chunked\nTransfer-Encoding: chunked\n",
                "Transfer-Encoding must be exactly one 'chunked'",
                "Transfer-Encoding: identity\nTransfer-Encoding: chunked\n",
                "Transfer-Encoding must be exactly one 'chunked'");
        for (Map.Entry<String, String> refusal : framings.entrySet()) {
            String framing = refusal.getKey();
            Answer answer = raw(
                    "POST /sources/ce HTTP/1.1\nHost: x\nContent-Type: application/cloudevents+json\n" + framing,
                    chunkedThenSmuggled.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(400, answer.status(), framing + answer.text());
            assertEquals("Bad Request: " + refusal.getValue(), answer.body(), framing);
            assertTrue(answer.closed(), "connection closed after " + framing);
            assertFalse(answer.text().substring(12).contains("HTTP/1.1"), "one answer only: " + answer.text());
        }
        Thread.sleep(300);
        assertEquals(0, sink.pending("/smuggled"), "no smuggled request was delivered");
    }

    @Test
    void contentAfterTheJsonDocumentIsRefusedByEveryDecoder() throws Exception {
        String junk = " junk";
        assertRefused(post("/sources/ce", "application/cloudevents+json", EVENT + junk), "(line 1, column 58)");
        assertRefused(
                post("/sources/ce", "application/cloudevents-batch+json", "[" + EVENT + "]" + "{}"),
                "after the end of the JSON");
        assertRefused(
                post("/sources/grid?code=s3cret", "application/cloudevents-batch+json", "[" + EVENT + "]{}"),
                "after the end of the JSON");
        assertRefused(
                post("/sources/grid?code=s3cret", "application/cloudevents+json", EVENT + "{}"),
                "after the end of the JSON");
        String wrapped = "{\"message\":{\"data\":\"" + Base64.getEncoder().encodeToString("hi".getBytes()) + "\","
                + "\"messageId\":\"m1\",\"publishTime\":\"2026-01-01T00:00:00Z\"},"
                + "\"subscription\":\"projects/demo/subscriptions/s\"}";
        assertEquals(
                2, post("/sources/push", "application/json", wrapped).status() / 100, "the clean body is accepted");
        sink.next("/out", 10);
        Answer trailing = post("/sources/push", "application/json", wrapped + junk);
        assertEquals(400, trailing.status(), trailing.text());
        assertClean(trailing);
    }

    @Test
    void ceHeaderValuesAreUtf8AndInvalidBytesAreRefused() throws Exception {
        byte[] head =
                ("POST /sources/ce HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nce-specversion: 1.0\r\n"
                                + "ce-id: utf8\r\nce-source: /t\r\nce-type: t\r\nContent-Length: 2\r\nce-subject: ")
                        .getBytes(StandardCharsets.UTF_8);
        Answer accepted = RawHttp.firstAnswer(
                gateway.port(), concat(head, "café\r\n\r\n{}".getBytes(StandardCharsets.UTF_8)), 3000);
        assertEquals(202, accepted.status(), accepted.text());
        assertEquals("café", HeaderValueCodec.decode(sink.next("/out", 10).header("ce-subject")));

        Answer invalid = RawHttp.firstAnswer(
                gateway.port(),
                concat(head, new byte[] {'c', (byte) 0xC3, '(', '\r', '\n', '\r', '\n', '{', '}'}),
                3000);
        assertEquals(400, invalid.status(), invalid.text());
        assertTrue(invalid.body().contains("ce-subject") && invalid.body().contains("UTF-8"), invalid.body());
    }

    @Test
    void overlongUtf8InAJsonBodyIsRefused() throws Exception {
        byte[] body = concat(
                "{\"specversion\":\"1.0\",\"id\":\"a".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                "b\",\"source\":\"/t\",\"type\":\"t\"}".getBytes(StandardCharsets.UTF_8));
        Answer answer = first(
                "POST /sources/ce HTTP/1.1\nHost: x\nContent-Type: application/cloudevents+json\nContent-Length: "
                        + body.length + "\n",
                body);
        assertEquals(400, answer.status(), answer.text());
        assertTrue(answer.body().contains("not valid UTF-8"), answer.body());
    }

    @Test
    void aRepeatedCeAttributeHeaderIsRefused() throws Exception {
        Answer answer = first(
                "POST /sources/ce HTTP/1.1\nHost: x\nContent-Type: application/json\nce-specversion: 1.0\n"
                        + "ce-id: a\nce-id: b\nce-source: /t\nce-type: t\nContent-Length: 2\n",
                "{}".getBytes());
        assertEquals(400, answer.status(), answer.text());
        assertTrue(answer.body().contains("ce-id is repeated"), answer.body());
    }

    @Test
    void errorBodiesSayWhatIsWrongWithoutOurInternals() throws Exception {
        Answer wrongType = post("/sources/ce", "application/cloudevents-batch+json", EVENT);
        assertRefused(wrongType, "wrong JSON type");
        Answer deep = post(
                "/sources/ce",
                "application/cloudevents+json",
                "{\"specversion\":\"1.0\",\"id\":\"d\",\"source\":\"/t\",\"type\":\"t\",\"data\":" + "[".repeat(1200)
                        + "]".repeat(1200) + "}");
        assertRefused(deep, "nested too deeply");
        Answer textAsObject = post("/sources/ce", "application/cloudevents+json", "\"text\"");
        assertEquals(400, textAsObject.status(), textAsObject.text());
        assertClean(textAsObject);
    }

    @Test
    void micronautsOwnErrorsDoNotEchoTheUri() throws Exception {
        Answer wrongMethod = first("PUT /sources/ce?code=SECRET-1 HTTP/1.1\nHost: x\nContent-Length: 0\n", new byte[0]);
        assertEquals(405, wrongMethod.status(), wrongMethod.text());
        Answer unknown = first("GET /nothing?code=SECRET-1 HTTP/1.1\nHost: x\n", new byte[0]);
        assertEquals(404, unknown.status(), unknown.text());
        byte[] big = new byte[5 * 1024 * 1024];
        Answer tooLarge = first(
                "POST /sources/ce?code=SECRET-1 HTTP/1.1\nHost: x\nContent-Type: application/json\n"
                        + "Content-Length: " + big.length + "\n",
                big);
        assertEquals(
                413,
                tooLarge.status(),
                tooLarge.text().substring(0, Math.min(300, tooLarge.text().length())));
        for (Answer answer : List.of(wrongMethod, unknown, tooLarge)) {
            assertFalse(answer.text().contains("SECRET-1"), answer.text());
            assertClean(answer);
        }
    }

    @Test
    void aRequestWithoutHostOrOnAnotherHttpVersionIsRefused() throws Exception {
        byte[] event = EVENT.getBytes(StandardCharsets.UTF_8);
        Answer noHost = raw(
                "POST /sources/ce HTTP/1.1\nContent-Type: application/cloudevents+json\nContent-Length: " + event.length
                        + "\n",
                event);
        assertEquals(400, noHost.status(), noHost.text());
        assertEquals("Bad Request: an HTTP/1.1 request needs exactly one Host header", noHost.body());
        assertTrue(noHost.closed());
        Answer twoHosts = raw(
                "POST /sources/ce HTTP/1.1\nHost: a\nHost: b\nContent-Type: application/cloudevents+json\n"
                        + "Content-Length: " + event.length + "\n",
                event);
        assertEquals(400, twoHosts.status(), twoHosts.text());
        Answer http2 = raw(
                "POST /sources/ce HTTP/2.0\nHost: x\nContent-Type: application/cloudevents+json\nContent-Length: "
                        + event.length + "\n",
                event);
        assertEquals(400, http2.status(), http2.text());
        assertEquals("Bad Request: HTTP version HTTP/2.0 is not served on this port; use HTTP/1.1", http2.body());
        assertTrue(http2.closed());
        Thread.sleep(300);
        assertEquals(0, sink.pending("/out"), "none of them was delivered");
    }

    @Test
    void aClientTricklingItsHeadersIsDisconnected() throws Exception {
        List<byte[]> headers = Collections.nCopies(80, "X-Slow: y\r\n".getBytes(StandardCharsets.ISO_8859_1));
        long millis = millisUntilClosed("POST /sources/ce HTTP/1.1\r\nHost: x\r\n", headers);
        assertTrue(millis >= 0, "still open after 8 s of trickled headers");
        assertTrue(millis < 6000, "closed after " + millis + " ms; the header timeout is 1 s");
    }

    @Test
    void aClientTricklingItsBodyIsDisconnectedAndNothingOfItDelivered() throws Exception {
        byte[] body = ("{\"specversion\":\"1.0\",\"id\":\"trickled\",\"source\":\"/t\",\"type\":\"t\",\"data\":\""
                        + "x".repeat(200) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        List<byte[]> bytes = new ArrayList<>();
        for (int i = 0; i < body.length - 1; i++) {
            bytes.add(new byte[] {body[i]});
        }
        long millis = millisUntilClosed(
                "POST /sources/ce HTTP/1.1\r\nHost: x\r\nContent-Type: application/cloudevents+json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n",
                bytes);
        assertTrue(millis >= 0, "still open after " + bytes.size() + " bytes of a trickled body");
        assertTrue(millis < 6000, "closed after " + millis + " ms; the body timeout is 1 s");
        Thread.sleep(300);
        assertEquals(0, sink.pending("/out"), "nothing of the cut-off request was delivered");
    }

    /**
     * Writes the head, then the pieces one by one with a 100 ms wait for the server after each,
     * and returns how many milliseconds after the head the server closed the connection, or -1
     * when it was still open after the last piece.
     */
    private long millisUntilClosed(String head, List<byte[]> pieces) throws IOException {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            for (byte[] piece : pieces) {
                try {
                    out.write(piece);
                    out.flush();
                    if (socket.getInputStream().read() < 0) {
                        return (System.nanoTime() - started) / 1_000_000;
                    }
                } catch (SocketTimeoutException e) {
                    // still open
                } catch (IOException e) {
                    return (System.nanoTime() - started) / 1_000_000; // reset: closed
                }
            }
        }
        return -1;
    }

    private static void assertRefused(Answer answer, String saying) {
        assertEquals(400, answer.status(), answer.text());
        assertTrue(answer.body().contains(saying), answer.body());
        assertClean(answer);
    }

    private static void assertClean(Answer answer) {
        for (String internal : INTERNALS) {
            assertFalse(answer.body().contains(internal), "'" + internal + "' in: " + answer.body());
        }
    }

    private Answer post(String path, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return first(
                "POST " + path + " HTTP/1.1\nHost: x\nContent-Type: " + contentType + "\nContent-Length: "
                        + bytes.length + "\n",
                bytes);
    }

    /** Reads until the server closes the connection (or is quiet for 3 s): for answers that must close it. */
    private Answer raw(String head, byte[] body) throws IOException {
        return RawHttp.exchange(gateway.port(), RawHttp.request(head, body), 3000);
    }

    /** Reads the first answer only: for answers on a connection that stays open. */
    private Answer first(String head, byte[] body) throws IOException {
        return RawHttp.firstAnswer(gateway.port(), RawHttp.request(head, body), 3000);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
