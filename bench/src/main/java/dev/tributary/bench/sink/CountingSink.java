package dev.tributary.bench.sink;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;

/**
 * The HTTP sink of every scenario: answers each POST with {@code 202 Accepted} and no body, and
 * counts them; {@code GET /count} answers the count as plain text. It reads nothing of what it
 * receives beyond the request line, so it costs as little per event as a Netty server can.
 *
 * <p>Binds to a loopback address only. Thread-safe; {@link #close()} waits for the event loops.
 */
public final class CountingSink implements AutoCloseable {

    private final LongAdder received;
    private final EventLoopGroup group;
    private final Channel server;

    private CountingSink(LongAdder received, EventLoopGroup group, Channel server) {
        this.received = received;
        this.group = group;
        this.server = server;
    }

    /**
     * Starts a sink on {@code 127.0.0.1:port} (0 for any free port) with {@code threads} event loops.
     *
     * @throws InterruptedException when interrupted while binding
     */
    public static CountingSink start(int port, int threads) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        LongAdder received = new LongAdder();
        Channel server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new CountingHandler(received));
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", port))
                .sync()
                .channel();
        return new CountingSink(received, group, server);
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** How many POSTs were answered so far. */
    public long count() {
        return received.sum();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
