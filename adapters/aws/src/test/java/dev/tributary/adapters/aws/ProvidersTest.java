package dev.tributary.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.adapters.aws.sqs.SqsPullSource;
import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The gateway finds the AWS source types through {@link ServiceLoader} and builds them from mapping options. */
class ProvidersTest {

    private static final SourceContext NO_GATEWAY = SourceContext.of((source, events) -> {
        throw new AssertionError("not dispatching in this test");
    });

    private final Map<String, SourceProvider> providers = ServiceLoader.load(SourceProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .collect(Collectors.toMap(SourceProvider::type, provider -> provider));

    @Test
    void awsSqsBuildsAPullSourceWithoutTouchingTheNetwork() {
        try (Source source =
                create("aws-sqs", Map.of("queueUrl", "https://sqs.eu-west-1.amazonaws.com/123456789012/uploads"))) {
            assertInstanceOf(SqsPullSource.class, source);
        }
    }

    @Test
    void awsSqsStartRefusesToRunWithoutTheGatewaysCamelContext() {
        try (SqsPullSource source = (SqsPullSource)
                create("aws-sqs", Map.of("queueUrl", "https://sqs.eu-west-1.amazonaws.com/123456789012/uploads"))) {
            IllegalStateException error = assertThrows(IllegalStateException.class, source::start);
            assertTrue(error.getMessage().contains("CamelContext"), error.getMessage());
        }
    }

    @Test
    void bothSourceTypesAreRegistered() {
        assertTrue(
                providers.keySet().containsAll(java.util.Set.of("aws-sqs", "aws-sns")),
                providers.keySet().toString());
    }

    private Source create(String type, Map<String, Object> options) {
        return providers.get(type).create(new SourceConfig("in", type, Options.of(options)), NO_GATEWAY);
    }
}
