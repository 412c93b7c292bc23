package dev.tributary.adapters.azure.eventgrid;

import static dev.tributary.adapters.azure.eventgrid.TestRequests.golden;
import static dev.tributary.adapters.azure.eventgrid.TestRequests.logsOf;
import static dev.tributary.adapters.azure.eventgrid.TestRequests.post;
import static dev.tributary.adapters.azure.eventgrid.TestRequests.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.tributary.core.auth.IngressAuthenticators;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.SourceProvider;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class EventGridSourceProviderTest {

    @Test
    void isRegisteredForItsType() {
        SourceProvider provider = ServiceLoader.load(SourceProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.type().equals("azure-eventgrid"))
                .findFirst()
                .orElseThrow();
        assertInstanceOf(EventGridSourceProvider.class, provider);
    }

    // How the authentication options combine is checked when the mappings load: core's IngressAuthOptionsTest.

    @Test
    void authNoneWarnsLoudlyAndAcceptsAnyRequest() {
        List<ILoggingEvent> logged = logsOf(IngressAuthenticators.class, () -> {
            var open = source(Map.of("auth", "none"));
            assertInstanceOf(
                    PushDecision.Route.class, open.accept(post(golden("eventgrid-blob-created"), Map.of(), Map.of())));
        });
        ILoggingEvent warning = logged.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no WARN logged for auth: none"));
        assertTrue(
                warning.getFormattedMessage().contains("'grid' ACCEPTS UNAUTHENTICATED REQUESTS"),
                warning.getFormattedMessage());
    }

    @Test
    void aSecuredSourceLogsNoWarning() {
        assertEquals(List.of(), logsOf(IngressAuthenticators.class, () -> source(Map.of("secret", "s3cret"))));
    }
}
