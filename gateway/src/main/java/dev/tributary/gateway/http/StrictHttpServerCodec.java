package dev.tributary.gateway.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;

/**
 * The server's HTTP/1.x codec: a {@link StrictRequestDecoder} and Netty's response encoder. After a
 * refused request is answered, the connection is closed ({@code Connection: close}), as RFC 9112
 * §6.1 requires of a message framed two ways. One instance per connection.
 */
final class StrictHttpServerCodec extends CombinedChannelDuplexHandler<StrictRequestDecoder, HttpResponseEncoder> {

    StrictHttpServerCodec(HttpDecoderConfig config, Duration headerTimeout, Duration bodyTimeout) {
        StrictRequestDecoder decoder = new StrictRequestDecoder(config, headerTimeout, bodyTimeout);
        init(decoder, new HttpResponseEncoder() {
            @Override
            public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
                if (!decoder.refused()) {
                    super.write(context, message, promise);
                    return;
                }
                if (message instanceof HttpResponse response) {
                    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                }
                if (message instanceof LastHttpContent) {
                    ChannelPromise written = promise.unvoid();
                    super.write(context, message, written);
                    written.addListener(ChannelFutureListener.CLOSE);
                } else {
                    super.write(context, message, promise);
                }
            }
        });
    }
}
