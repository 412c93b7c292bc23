package dev.tributary.adapters.azure.eventgrid;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.PushRequest;
import dev.tributary.core.source.PushSource;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.testing.GoldenFiles;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** Builds push sources through the provider, as the gateway does, and the requests they receive. */
final class TestRequests {

    static final String SOURCE = "grid";

    /** The gateway's context, which an Event Grid source never uses. */
    static final SourceContext CONTEXT = SourceContext.of((source, events) -> {
        throw new AssertionError("push sources do not dispatch");
    });

    private TestRequests() {}

    static PushSource source(Map<String, Object> options) {
        return (PushSource) new EventGridSourceProvider()
                .create(new SourceConfig(SOURCE, EventGridSourceProvider.TYPE, Options.of(options)), CONTEXT);
    }

    static PushRequest post(byte[] body, Map<String, String> headers, Map<String, String> query) {
        return request("POST", body, headers, query);
    }

    static PushRequest options(Map<String, String> headers, Map<String, String> query) {
        return request("OPTIONS", new byte[0], headers, query);
    }

    static PushRequest request(String method, byte[] body, Map<String, String> headers, Map<String, String> query) {
        Map<String, List<String>> parameters = new java.util.HashMap<>();
        query.forEach((name, value) -> parameters.put(name, List.of(value)));
        return new PushRequest(method, new InboundPayload(headers, body), parameters);
    }

    /** What {@code logger} logs while {@code action} runs. */
    static List<ILoggingEvent> logsOf(Class<?> logger, Runnable action) {
        Logger target = (Logger) LoggerFactory.getLogger(logger);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        target.addAppender(appender);
        try {
            action.run();
        } finally {
            target.detachAppender(appender);
        }
        return appender.list;
    }

    /** The body of a golden case, e.g. {@code eventgrid-blob-created}. */
    static byte[] golden(String caseName) {
        return GoldenFiles.input("golden/azure", caseName);
    }
}
