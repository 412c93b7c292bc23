package dev.tributary.core.sink;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sink type {@code log}: writes each event as one line of structured JSON to the log, for trying things out. */
public final class LogSink implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(LogSink.class);

    private final String name;
    private final JsonFormat format =
            (JsonFormat) EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    public LogSink(String name) {
        this.name = name;
    }

    @Override
    public CompletionStage<SinkReply> send(CloudEvent event, Duration timeout) {
        LOG.info("sink '{}' event {}", name, new String(format.serialize(event), StandardCharsets.UTF_8));
        return CompletableFuture.completedFuture(SinkReply.of(200));
    }

    @Override
    public String destination() {
        return "log:" + name;
    }
}
