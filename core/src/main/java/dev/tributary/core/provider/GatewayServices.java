package dev.tributary.core.provider;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Gateway services a provider may use when it builds a source or sink, looked up by type: the
 * transport glue core cannot name (Camel's {@code CamelContext}, the gateway's pooled HTTP client,
 * the Knative {@code K_SINK} binding). Implementations are immutable.
 */
public interface GatewayServices {

    /** The service of that type, or empty when this gateway offers none. */
    <T> Optional<T> service(Class<T> type);

    /** The services offered (nulls are skipped), looked up by {@link Class#isInstance}; the first match wins. */
    static GatewayServices of(Object... services) {
        List<Object> offered = Stream.of(services).filter(Objects::nonNull).toList();
        return new GatewayServices() {
            @Override
            public <T> Optional<T> service(Class<T> type) {
                return offered.stream().filter(type::isInstance).map(type::cast).findFirst();
            }
        };
    }
}
