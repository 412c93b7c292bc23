package dev.tributary.gateway.sink;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.ChannelPool;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * Sends HTTP/1.1 requests over pooled keep-alive connections, built from Netty's own parts
 * ({@link SimpleChannelPool}, {@link HttpClientCodec}, {@link HttpObjectAggregator}). There is one
 * pool per event loop and origin, and a request sent from an event loop of the group (the server
 * thread that received the event) is sent on that same loop: no thread hand-off on the way out
 * or back. Micronaut's client, which this replaced for sinks, cost about twice the CPU per request
 * in profiles (request conversion, filters, reactive adapters; see {@code bench/results}).
 *
 * <p>Redirects are never followed: a 3xx is an answer like any other. {@code https://} origins are
 * verified against the JDK's trust store, host name included; the TLS context is created when the
 * first {@code https://} request is sent. A request that has no answer within its timeout fails with
 * a {@link TimeoutException} and its connection is closed, so a late answer cannot be taken for
 * the next request's. Connections the server marks {@code Connection: close} are not reused, and
 * pooled ones unused for the idle timeout are closed.
 * Thread-safe.
 */
public final class PooledHttpClient implements AutoCloseable {

    /** An answer: status, headers and the whole body. */
    public record Response(int status, HttpHeaders headers, byte[] body) {}

    private static final AttributeKey<Exchange> EXCHANGE = AttributeKey.valueOf("tributary.exchange");

    private record Origin(EventLoop loop, String host, int port, boolean tls) {}

    /** The request in flight on a connection, and the pool the connection goes back to. */
    private record Exchange(CompletableFuture<Response> response, ChannelPool pool, ScheduledFuture<?> timeout) {}

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final int maxResponseBytes;
    private final Duration idleTimeout;
    private final Map<Origin, ChannelPool> pools = new ConcurrentHashMap<>();
    private volatile SslContext tls;

    /**
     * @param group the event loops connections live on (the gateway's server loops)
     * @param channelType the socket channel type matching {@code group}'s transport
     * @param idleTimeout how long a pooled connection may sit unused before it is closed
     * @param maxResponseBytes larger answers fail the request
     */
    public PooledHttpClient(
            EventLoopGroup group,
            Class<? extends Channel> channelType,
            Duration connectTimeout,
            Duration idleTimeout,
            int maxResponseBytes) {
        this.group = group;
        this.maxResponseBytes = maxResponseBytes;
        this.idleTimeout = idleTimeout;
        this.bootstrap = new Bootstrap()
                .channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true);
    }

    /**
     * Sends {@code request} (whose URI is the path and query) to the origin of {@code url}. The
     * request's reference is released. The future fails with a {@link TimeoutException} when no
     * answer came within {@code timeout} of this call, connecting included, and with the connection
     * or I/O error otherwise; it never blocks the caller.
     */
    public CompletableFuture<Response> send(URI url, FullHttpRequest request, Duration timeout) {
        boolean secure = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
        EventLoop loop = currentLoop();
        ChannelPool pool;
        try {
            pool = pools.computeIfAbsent(new Origin(loop, unbracketed(url.getHost()), port, secure), this::newPool);
        } catch (IllegalStateException e) {
            request.release();
            return CompletableFuture.failedFuture(e.getCause() == null ? e : e.getCause());
        }
        CompletableFuture<Response> response = new CompletableFuture<>();
        // the pool's connections, its acquire listeners and this timer all run on `loop`
        Channel[] connection = new Channel[1];
        ScheduledFuture<?> timer = loop.schedule(
                () -> {
                    TimeoutException late = new TimeoutException("no answer within " + timeout);
                    if (connection[0] != null) {
                        finish(connection[0], null, late, false);
                    } else {
                        response.completeExceptionally(late);
                    }
                },
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        pool.acquire().addListener((Future<Channel> acquired) -> {
            if (!acquired.isSuccess()) {
                timer.cancel(false);
                request.release();
                response.completeExceptionally(acquired.cause());
                return;
            }
            Channel channel = acquired.getNow();
            if (response.isDone()) {
                // timed out while connecting: the connection is fine for the next request
                request.release();
                pool.release(channel);
                return;
            }
            connection[0] = channel;
            channel.attr(EXCHANGE).set(new Exchange(response, pool, timer));
            channel.writeAndFlush(request).addListener(written -> {
                if (!written.isSuccess()) {
                    finish(channel, null, written.cause(), false);
                }
            });
        });
        return response;
    }

    /** An IPv6 literal as a socket address takes it: {@code [::1]} is {@code ::1}. */
    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The calling thread's event loop when it is one of the group's, so the request stays on it. */
    private EventLoop currentLoop() {
        for (EventExecutor executor : group) {
            if (executor.inEventLoop()) {
                return (EventLoop) executor;
            }
        }
        return group.next();
    }

    private ChannelPool newPool(Origin origin) {
        SslContext context = origin.tls() ? tlsContext() : null;
        return new SimpleChannelPool(
                bootstrap.clone(origin.loop()).remoteAddress(origin.host(), origin.port()),
                new AbstractChannelPoolHandler() {
                    @Override
                    public void channelCreated(Channel channel) {
                        if (context != null) {
                            SslHandler ssl = context.newHandler(channel.alloc(), origin.host(), origin.port());
                            SSLParameters parameters = ssl.engine().getSSLParameters();
                            parameters.setEndpointIdentificationAlgorithm("HTTPS");
                            ssl.engine().setSSLParameters(parameters);
                            channel.pipeline().addLast(ssl);
                        }
                        channel.pipeline()
                                .addLast(
                                        new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS),
                                        new HttpClientCodec(),
                                        new HttpObjectAggregator(maxResponseBytes),
                                        RESPONSES);
                    }
                },
                ChannelHealthChecker.ACTIVE,
                true);
    }

    private SslContext tlsContext() {
        SslContext context = tls;
        if (context == null) {
            synchronized (this) {
                if (tls == null) {
                    try {
                        tls = SslContextBuilder.forClient().build();
                    } catch (SSLException e) {
                        throw new IllegalStateException("cannot set up TLS for https:// sinks", e);
                    }
                }
                context = tls;
            }
        }
        return context;
    }

    /**
     * Ends the connection's exchange once: completes it with {@code response} or fails it with
     * {@code error}, then returns the connection to its pool, closed unless {@code reusable}.
     * Runs on the connection's event loop.
     */
    private static void finish(Channel channel, Response response, Throwable error, boolean reusable) {
        Exchange exchange = channel.attr(EXCHANGE).getAndSet(null);
        if (exchange == null) {
            return;
        }
        exchange.timeout().cancel(false);
        if (!reusable) {
            channel.close();
        }
        exchange.pool().release(channel);
        if (error != null) {
            exchange.response().completeExceptionally(error);
        } else {
            exchange.response().complete(response);
        }
    }

    private static final ChannelHandler RESPONSES = new Responses();

    /** Completes the exchange of the connection an answer (or a failure) arrives on. */
    @ChannelHandler.Sharable
    private static final class Responses extends SimpleChannelInboundHandler<FullHttpResponse> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpResponse answer) {
            Response response = new Response(
                    answer.status().code(), answer.headers().copy(), ByteBufUtil.getBytes(answer.content()));
            finish(context.channel(), response, null, HttpUtil.isKeepAlive(answer));
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            finish(context.channel(), null, new IOException("connection closed before the answer"), false);
            context.fireChannelInactive();
        }

        /** An idle connection with no request in flight is closed; the pool drops it at the next acquire. */
        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof IdleStateEvent
                    && context.channel().attr(EXCHANGE).get() == null) {
                context.close();
            } else {
                context.fireUserEventTriggered(event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            finish(context.channel(), null, cause, false);
        }
    }

    @Override
    public void close() {
        pools.values().forEach(ChannelPool::close);
        pools.clear();
    }
}
