package dev.tributary.core.source;

import java.util.List;
import java.util.Optional;

/** What the gateway offers a source it builds. */
public interface SourceContext {

    /** Where pull sources hand their events. */
    EventDispatch dispatch();

    /**
     * A gateway service by type, for transport glue that core cannot name (for example Camel's
     * {@code CamelContext}, shared by every Camel-based source); empty when the gateway has none.
     */
    <T> Optional<T> service(Class<T> type);

    /** A context handing events to {@code dispatch} and offering {@code services}, looked up by type. */
    static SourceContext of(EventDispatch dispatch, Object... services) {
        List<Object> offered = List.of(services);
        return new SourceContext() {
            @Override
            public EventDispatch dispatch() {
                return dispatch;
            }

            @Override
            public <T> Optional<T> service(Class<T> type) {
                return offered.stream().filter(type::isInstance).map(type::cast).findFirst();
            }
        };
    }
}
