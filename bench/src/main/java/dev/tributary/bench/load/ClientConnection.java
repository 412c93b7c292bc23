package dev.tributary.bench.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;

/**
 * One keep-alive connection of the pool, with at most one request in flight. Runs on the pool's
 * single event loop, like {@link RequestDispatcher}, so it needs no locking.
 */
final class ClientConnection extends SimpleChannelInboundHandler<FullHttpResponse> {

    private final RequestDispatcher dispatcher;
    private Channel channel;
    private long intendedNanos = -1;

    ClientConnection(RequestDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    void send(FullHttpRequest request, long intended) {
        intendedNanos = intended;
        channel.writeAndFlush(request, channel.voidPromise());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        dispatcher.ready(this);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        long intended = intendedNanos;
        intendedNanos = -1;
        dispatcher.answered(this, intended, response.status().code());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        lost();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        lost();
        ctx.close();
    }

    private void lost() {
        long intended = intendedNanos;
        intendedNanos = -1;
        dispatcher.lost(this, intended);
    }
}
