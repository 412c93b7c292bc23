package dev.tributary.gateway.testing;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link RecordingSink} and one {@link GatewayUnderTest} shared by a test class:
 * {@code @RegisterExtension static final GatewayExtension GATEWAY = new GatewayExtension(MAPPINGS);}
 */
public final class GatewayExtension implements BeforeAllCallback, AfterAllCallback {

    private final String mappings;
    private final Map<String, Object> properties;
    private RecordingSink sink;
    private GatewayUnderTest gateway;

    public GatewayExtension(String mappings) {
        this(mappings, Map.of());
    }

    public GatewayExtension(String mappings, Map<String, Object> properties) {
        this.mappings = mappings;
        this.properties = properties;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        sink = new RecordingSink();
        gateway = new GatewayUnderTest(mappings, sink, properties);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        gateway.close();
        sink.close();
    }

    public RecordingSink sink() {
        return sink;
    }

    public GatewayUnderTest gateway() {
        return gateway;
    }
}
