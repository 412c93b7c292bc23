package dev.tributary.bench.load;

import dev.tributary.bench.OwnCpu;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load generator: sends POSTs at a fixed rate whatever the server's latency,
 * over a fixed pool of keep-alive HTTP/1.1 connections on one Netty event loop, and measures each
 * latency from the request's intended send time. A slow server therefore shows up as growing
 * latency rather than as a silently lower rate (coordinated omission, which closed-loop tools such
 * as wrk suffer from).
 *
 * <p>Bounded: it schedules for warm-up plus duration, then waits at most {@code drainTimeout} for
 * answers. Loopback targets only are expected; nothing checks.
 */
public final class OpenLoopClient {

    /**
     * @param target where to POST
     * @param headers the request headers ({@code Host} and {@code Content-Length} are added)
     * @param body the request body
     * @param rate requests per second
     * @param warmup how long to send before measuring
     * @param duration how long to measure
     * @param connections the pool size
     * @param drainTimeout how long to wait for answers after the last request is due
     */
    public record Settings(
            URI target,
            Map<String, String> headers,
            byte[] body,
            double rate,
            Duration warmup,
            Duration duration,
            int connections,
            Duration drainTimeout) {}

    private OpenLoopClient() {}

    /**
     * Runs one load.
     *
     * @throws InterruptedException when interrupted
     * @throws IllegalStateException when no connection to the target can be opened
     */
    public static LoadResult run(Settings settings) throws InterruptedException {
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            EventLoop loop = group.next();
            int expected = (int) Math.min(
                    Integer.MAX_VALUE - 8, settings.rate() * settings.duration().toNanos() / 1e9 * 1.1);
            RequestDispatcher dispatcher =
                    new RequestDispatcher(path(settings.target()), headers(settings), settings.body(), expected);
            connect(group, settings, dispatcher);
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            long measureFrom = start + settings.warmup().toNanos();
            long end = measureFrom + settings.duration().toNanos();
            call(loop, Executors.callable(() -> dispatcher.measureFrom(measureFrom)));
            double cpuBefore = schedule(loop, dispatcher, settings.rate(), start, measureFrom, end);
            awaitAnswers(loop, dispatcher, settings.drainTimeout());
            double cpuMillis = (OwnCpu.nanos() - cpuBefore) / 1e6;
            return call(loop, () -> result(settings, dispatcher, cpuMillis));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static void connect(MultiThreadIoEventLoopGroup group, Settings settings, RequestDispatcher dispatcher)
            throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(
                                        new HttpClientCodec(),
                                        new HttpObjectAggregator(1 << 20),
                                        new ClientConnection(dispatcher));
                    }
                });
        URI target = settings.target();
        for (int i = 0; i < settings.connections(); i++) {
            var connected =
                    bootstrap.connect(target.getHost(), target.getPort()).await();
            if (!connected.isSuccess()) {
                throw new IllegalStateException("cannot connect to " + target + ": " + connected.cause());
            }
        }
    }

    /** Submits every request at its intended time; answers the process CPU time when measuring began. */
    private static double schedule(
            EventLoop loop, RequestDispatcher dispatcher, double rate, long start, long measureFrom, long end) {
        double period = 1e9 / rate;
        double cpuAtMeasureStart = Double.NaN;
        for (long i = 0; ; i++) {
            long intended = start + (long) (i * period);
            if (intended >= end) {
                return Double.isNaN(cpuAtMeasureStart) ? OwnCpu.nanos() : cpuAtMeasureStart;
            }
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (Double.isNaN(cpuAtMeasureStart) && intended >= measureFrom) {
                cpuAtMeasureStart = OwnCpu.nanos();
            }
            loop.execute(() -> dispatcher.submit(intended));
        }
    }

    private static void awaitAnswers(EventLoop loop, RequestDispatcher dispatcher, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && call(loop, dispatcher::outstanding) > 0) {
            Thread.sleep(10);
        }
    }

    private static LoadResult result(Settings settings, RequestDispatcher dispatcher, double cpuMillis) {
        long[] sorted = dispatcher.latencies().sorted();
        long unanswered = dispatcher.sent() - dispatcher.ok() - dispatcher.failed();
        return new LoadResult(
                settings.rate(),
                settings.connections(),
                settings.duration().toNanos() / 1e9,
                dispatcher.sent(),
                dispatcher.ok(),
                dispatcher.failed(),
                unanswered,
                millis(sorted, 50),
                millis(sorted, 99),
                millis(sorted, 99.9),
                millis(sorted, 100),
                cpuMillis);
    }

    private static double millis(long[] sorted, double percent) {
        return sorted.length == 0 ? 0 : Percentiles.nearestRank(sorted, percent) / 1e6;
    }

    private static HttpHeaders headers(Settings settings) {
        HttpHeaders headers = new DefaultHttpHeaders();
        URI target = settings.target();
        headers.set(HttpHeaderNames.HOST, target.getHost() + ":" + target.getPort());
        settings.headers().forEach(headers::set);
        headers.set(HttpHeaderNames.CONTENT_LENGTH, settings.body().length);
        return headers;
    }

    private static String path(URI target) {
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
    }

    private static <T> T call(EventLoop loop, java.util.concurrent.Callable<T> task) throws InterruptedException {
        try {
            return loop.submit(task).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
