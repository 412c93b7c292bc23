package dev.tributary.gateway.testing;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link RecordingSink} and one {@link GatewayUnderTest} shared by a test class:
 * {@code @RegisterExtension static final GatewayExtension GATEWAY = new GatewayExtension(MAPPINGS);}
 * For AWS sinks, {@link #withAwsTestCredentials} puts {@link SigV4}'s test credentials in the SDK's
 * default chain while the class runs.
 */
public final class GatewayExtension implements BeforeAllCallback, AfterAllCallback {

    private final String mappings;
    private final Map<String, Object> properties;
    private final boolean awsTestCredentials;
    private RecordingSink sink;
    private GatewayUnderTest gateway;

    public GatewayExtension(String mappings) {
        this(mappings, Map.of());
    }

    public GatewayExtension(String mappings, Map<String, Object> properties) {
        this(mappings, properties, false);
    }

    private GatewayExtension(String mappings, Map<String, Object> properties, boolean awsTestCredentials) {
        this.mappings = mappings;
        this.properties = properties;
        this.awsTestCredentials = awsTestCredentials;
    }

    /** A gateway whose AWS SDK clients sign with {@link SigV4#ACCESS_KEY} and {@link SigV4#SECRET}. */
    public static GatewayExtension withAwsTestCredentials(String mappings) {
        return new GatewayExtension(mappings, Map.of(), true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (awsTestCredentials) {
            SigV4.useTestCredentials();
        }
        sink = new RecordingSink();
        gateway = new GatewayUnderTest(mappings, sink, properties);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        gateway.close();
        sink.close();
        if (awsTestCredentials) {
            SigV4.clearTestCredentials();
        }
    }

    public RecordingSink sink() {
        return sink;
    }

    public GatewayUnderTest gateway() {
        return gateway;
    }
}
