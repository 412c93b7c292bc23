package dev.tributary.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.List;

/**
 * Netty's HTTP/1.x request decoder, refusing what it would otherwise interpret leniently:
 * <ul>
 *   <li>a message framed two ways ({@code Content-Length} and {@code Transfer-Encoding}, RFC 9112
 *       §6.1), or with a {@code Transfer-Encoding} other than one plain {@code chunked};</li>
 *   <li>an HTTP/1.1 request without exactly one {@code Host} (RFC 9112 §3.2);</li>
 *   <li>a request line naming a version other than HTTP/1.0 or HTTP/1.1.</li>
 * </ul>
 * A refused message is an invalid one: its decoder result is the failure, and Netty's decoder
 * discards every byte after it on the connection, so nothing smuggled behind it is ever read.
 * {@link #refused()} tells the codec to close the connection after answering.
 *
 * <p>A request head must be complete within the header timeout of its first byte, and its body
 * within the body timeout of the head, else the connection is closed: a client trickling its
 * headers or its body holds no connection for ever, and a request whose body never completed is
 * never decoded, so nothing of it is delivered. One instance per connection; runs on its event
 * loop.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {

    private final Duration headerTimeout;
    private final Duration bodyTimeout;
    private final ReadDeadline deadline = new ReadDeadline();
    private boolean refused;

    StrictRequestDecoder(HttpDecoderConfig config, Duration headerTimeout, Duration bodyTimeout) {
        super(config);
        this.headerTimeout = headerTimeout;
        this.bodyTimeout = bodyTimeout;
    }

    /** Whether a message on this connection was refused: the connection must close after the answer. */
    boolean refused() {
        return refused;
    }

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf buffer, List<Object> out) throws Exception {
        if (!deadline.isSet() && buffer.isReadable() && !refused) {
            deadline.set(context, headerTimeout);
        }
        int before = out.size();
        super.decode(context, buffer, out);
        for (int i = before; i < out.size(); i++) {
            Object decoded = out.get(i);
            if (decoded instanceof LastHttpContent) {
                deadline.clear();
            } else if (decoded instanceof HttpMessage) {
                deadline.set(context, bodyTimeout);
            }
        }
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage message) {
        String problem = problem(message);
        if (problem != null) {
            refused = true;
            throw new RefusedRequestException(problem);
        }
        return super.isContentAlwaysEmpty(message);
    }

    /** What is wrong with the message's version or framing headers, or null. */
    static String problem(HttpMessage message) {
        HttpVersion version = message.protocolVersion();
        if (version.majorVersion() != 1 || version.minorVersion() > 1) {
            return "HTTP version " + version.text() + " is not served on this port; use HTTP/1.1";
        }
        HttpHeaders headers = message.headers();
        if (message instanceof HttpRequest
                && version.minorVersion() == 1
                && headers.getAll(HttpHeaderNames.HOST).size() != 1) {
            return "an HTTP/1.1 request needs exactly one Host header";
        }
        List<String> encodings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (encodings.isEmpty()) {
            return null;
        }
        if (encodings.size() != 1 || !encodings.get(0).trim().equalsIgnoreCase("chunked")) {
            return "Transfer-Encoding must be exactly one 'chunked'";
        }
        if (headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            return "a request cannot have both Content-Length and Transfer-Encoding";
        }
        return null;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext context) throws Exception {
        deadline.cancel();
        super.handlerRemoved0(context);
    }
}
