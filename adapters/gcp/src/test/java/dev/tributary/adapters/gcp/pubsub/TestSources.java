package dev.tributary.adapters.gcp.pubsub;

import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.EventDispatch;
import dev.tributary.core.source.SourceContext;
import java.util.Map;

/** Source configurations and contexts for provider tests. */
final class TestSources {

    private TestSources() {}

    static SourceConfig config(String type, Map<String, Object> options) {
        return new SourceConfig("uploads", type, Options.of(options));
    }

    static SourceContext context(EventDispatch dispatch) {
        return SourceContext.of(dispatch);
    }
}
