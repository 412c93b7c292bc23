package dev.tributary.gateway.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.gateway.dispatch.Dispatcher;
import dev.tributary.gateway.testing.GatewayExtension;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Knative reply semantics: a sink's CloudEvent answer is routed back in when the route says {@code reply}. */
class ReplyIT {

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              ask: { type: cloudevents, auth: none }
              ask-and-forget: { type: cloudevents, auth: none }
              answers: { type: cloudevents, auth: none }
              loop: { type: cloudevents, auth: none }
            sinks:
              replier: { type: http, url: SINK/replier }
              silent-replier: { type: http, url: SINK/silent-replier }
              collected: { type: http, url: SINK/collected }
              echo: { type: http, url: SINK/echo }
            routes:
              - { name: ask, from: [ask], to: [replier], reply: answers }
              - { name: forget, from: [ask-and-forget], to: [silent-replier] }
              - { name: answers, from: [answers], to: [collected] }
              - { name: loop, from: [loop], to: [echo], reply: loop }
            """;

    private static final Response BINARY_REPLY = new Response(
            200,
            Map.of(
                    "ce-specversion",
                    "1.0",
                    "ce-id",
                    "reply-1",
                    "ce-source",
                    "/replier",
                    "ce-type",
                    "com.example.thumbnail.created",
                    "Content-Type",
                    "application/json"),
            "{\"ok\":true}",
            0);

    @RegisterExtension
    static final GatewayExtension GATEWAY = new GatewayExtension(MAPPINGS);

    private final RecordingSink sink = GATEWAY.sink();
    private final GatewayUnderTest gateway = GATEWAY.gateway();

    @Test
    void aReplyIsRoutedFromTheReplySource() throws Exception {
        sink.script("/replier", BINARY_REPLY);

        assertEquals(202, push("ask", "question-1").statusCode());

        assertEquals("question-1", sink.next("/replier", 10).header("ce-id"));
        RecordingSink.Request reply = sink.next("/collected", 10);
        assertEquals("reply-1", reply.header("ce-id"));
        assertEquals("com.example.thumbnail.created", reply.header("ce-type"));
        assertEquals("{\"ok\":true}", reply.bodyText());
    }

    @Test
    void replyIsIgnoredWithoutAReplySource() throws Exception {
        sink.script("/silent-replier", BINARY_REPLY);

        assertEquals(202, push("ask-and-forget", "question-2").statusCode());

        sink.next("/silent-replier", 10);
        Thread.sleep(300);
        assertEquals(0, sink.pending("/collected"));
    }

    @Test
    void aReplyThatRoutesBackToItsOwnSinkStopsAtTheHopLimit() throws Exception {
        Response[] echoes = new Response[Dispatcher.MAX_REPLY_HOPS + 5];
        java.util.Arrays.fill(echoes, BINARY_REPLY);
        sink.script("/echo", echoes);

        assertEquals(202, push("loop", "question-3").statusCode(), "the original delivery stays delivered");

        assertEquals("question-3", sink.next("/echo", 10).header("ce-id"));
        for (int hop = 1; hop <= Dispatcher.MAX_REPLY_HOPS; hop++) {
            RecordingSink.Request reply = sink.next("/echo", 10);
            assertEquals("reply-1", reply.header("ce-id"));
            assertEquals(
                    String.valueOf(hop),
                    reply.header("ce-" + Dispatcher.HOPS_EXTENSION),
                    "the gateway counts hops although the sink's answer carries none");
        }
        Thread.sleep(300);
        assertEquals(0, sink.pending("/echo"), "no reply beyond the hop limit");
    }

    private java.net.http.HttpResponse<String> push(String source, String id) throws Exception {
        return gateway.post(
                "/sources/" + source,
                "{}",
                "Content-Type",
                "application/json",
                "ce-specversion",
                "1.0",
                "ce-id",
                id,
                "ce-source",
                "/tests",
                "ce-type",
                "com.example.question");
    }
}
