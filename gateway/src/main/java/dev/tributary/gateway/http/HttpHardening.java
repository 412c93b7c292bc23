package dev.tributary.gateway.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Puts the {@link StrictHttpServerCodec} in place of Micronaut's HTTP/1.x codec on every server
 * connection, with the decoder limits Micronaut is configured with ({@code micronaut.server.netty.*})
 * a header timeout of {@code tributary.http.header-timeout} (default 10 s) and a body timeout of
 * {@code tributary.http.body-timeout} (default 30 s: a body of the 4 MB {@code max-request-size}
 * must arrive at about 140 KB/s).
 */
@Singleton
public class HttpHardening implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** The name Micronaut gives its HTTP/1.x codec in a connection's pipeline. */
    static final String CODEC = "http-server-codec";

    private final NettyHttpServerConfiguration server;
    private final Duration headerTimeout;
    private final Duration bodyTimeout;

    public HttpHardening(
            NettyHttpServerConfiguration server,
            @Value("${tributary.http.header-timeout:10s}") Duration headerTimeout,
            @Value("${tributary.http.body-timeout:30s}") Duration bodyTimeout) {
        this.server = server;
        this.headerTimeout = headerTimeout;
        this.bodyTimeout = bodyTimeout;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private HttpDecoderConfig decoderConfig() {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(server.getMaxInitialLineLength())
                .setMaxHeaderSize(server.getMaxHeaderSize())
                .setMaxChunkSize(server.getMaxChunkSize())
                .setValidateHeaders(server.isValidateHeaders())
                .setInitialBufferSize(server.getInitialBufferSize());
    }

    /** Replaces the codec once the connection's pipeline is built. */
    private final class Customizer implements NettyServerCustomizer {

        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel connection, ChannelRole role) {
            return new Customizer(connection);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            ChannelHandler codec = pipeline.get(CODEC);
            if (codec instanceof HttpServerCodec) {
                pipeline.replace(CODEC, CODEC, new StrictHttpServerCodec(decoderConfig(), headerTimeout, bodyTimeout));
            }
        }
    }
}
