package dev.tributary.core.source;

import dev.tributary.core.provider.GatewayServices;
import java.util.Optional;

/** What the gateway offers a source it builds: where events go, and its {@link GatewayServices}. */
public interface SourceContext extends GatewayServices {

    /** Where pull sources hand their events. */
    EventDispatch dispatch();

    /** A context handing events to {@code dispatch} and offering {@code services}, looked up by type. */
    static SourceContext of(EventDispatch dispatch, Object... services) {
        GatewayServices offered = GatewayServices.of(services);
        return new SourceContext() {
            @Override
            public EventDispatch dispatch() {
                return dispatch;
            }

            @Override
            public <T> Optional<T> service(Class<T> type) {
                return offered.service(type);
            }
        };
    }
}
