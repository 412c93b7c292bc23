package dev.tributary.adapters.azure.eventgrid;

import static dev.tributary.adapters.azure.eventgrid.TestRequests.golden;
import static dev.tributary.adapters.azure.eventgrid.TestRequests.logsOf;
import static dev.tributary.adapters.azure.eventgrid.TestRequests.post;
import static dev.tributary.adapters.azure.eventgrid.TestRequests.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.SourceProvider;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventGridSourceProviderTest {

    @Test
    void isRegisteredForItsType() {
        SourceProvider provider = ServiceLoader.load(SourceProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.type().equals("azure-eventgrid"))
                .findFirst().orElseThrow();
        assertInstanceOf(EventGridSourceProvider.class, provider);
    }

    static Stream<Arguments> unusableOptions() {
        return Stream.of(
                Arguments.of(Map.of(), "no authentication configured"),
                Arguments.of(Map.of("allowedOrigins", List.of("eventgrid.azure.net")), "no authentication configured"),
                Arguments.of(Map.of("auth", "basic"), "auth must be 'none'"),
                Arguments.of(Map.of("auth", "none", "secret", "s"), "auth: none contradicts secret"),
                Arguments.of(Map.of("auth", "none", "jwksUrl", "https://keys.example/jwks", "issuer", "i",
                        "audience", "a"), "auth: none contradicts jwksUrl"),
                Arguments.of(Map.of("secret", ""), "secret is empty"),
                Arguments.of(Map.of("secretParameter", "token", "auth", "none"),
                        "secretParameter is set but secret is not"),
                Arguments.of(Map.of("secret", "s", "issuer", "i"), "issuer is set but jwksUrl is not"),
                Arguments.of(Map.of("secret", "s", "audience", "a"), "audience is set but jwksUrl is not"),
                Arguments.of(Map.of("jwksUrl", "https://keys.example/jwks", "issuer", "i"), "jwksUrl needs audience"),
                Arguments.of(Map.of("jwksUrl", "https://keys.example/jwks", "audience", "a"), "jwksUrl needs issuer"),
                Arguments.of(Map.of("jwksUrl", "file:///etc/keys", "issuer", "i", "audience", "a"),
                        "jwksUrl must be an http(s) URL"),
                Arguments.of(Map.of("jwksUrl", "keys here", "issuer", "i", "audience", "a"),
                        "jwksUrl is not a valid URL"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unusableOptions")
    void refusesOptionsThatCannotWork(Map<String, Object> options, String why) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> source(options));
        assertTrue(refused.getMessage().startsWith("source 'grid': "), refused.getMessage());
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    @Test
    void authNoneWarnsLoudlyAndAcceptsAnyRequest() {
        List<ILoggingEvent> logged = logsOf(EventGridSourceProvider.class, () -> {
            var open = source(Map.of("auth", "none"));
            assertInstanceOf(PushDecision.Route.class,
                    open.accept(post(golden("eventgrid-blob-created"), Map.of(), Map.of())));
        });
        ILoggingEvent warning = logged.stream().filter(event -> event.getLevel() == Level.WARN)
                .findFirst().orElseThrow(() -> new AssertionError("no WARN logged for auth: none"));
        assertTrue(warning.getFormattedMessage().contains("'grid' ACCEPTS UNAUTHENTICATED REQUESTS"),
                warning.getFormattedMessage());
    }

    @Test
    void aSecuredSourceLogsNoWarning() {
        assertEquals(List.of(), logsOf(EventGridSourceProvider.class, () -> source(Map.of("secret", "s3cret"))));
    }
}
