package dev.tributary.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.bench.BenchEvent;
import dev.tributary.bench.SourceProviders;
import dev.tributary.core.decode.CloudEventsHttpDecoder;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import dev.tributary.core.source.PushSource;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The decodes the benchmarks measure, each on a fixed input, found the way the gateway finds them:
 * core's CloudEvents HTTP decoder; the {@code azure-eventgrid} and {@code gcp-pubsub-push} push
 * sources through the {@link SourceProvider} SPI (with {@code auth: none}, so only decoding is
 * measured); the AWS adapter's S3 notification decoder by class name. Adapters are not compiled
 * into the bench: they come from the gateway's jar on the class path, and an adapter that is not
 * there makes its decode {@link SourceProviders.Unavailable unavailable}.
 */
public final class Decoders {

    /** Every decode, the core baseline first. */
    public static final List<String> NAMES = List.of("cloudevents-binary", "s3", "eventgrid", "pubsub-push");

    static final String S3_DECODER = "dev.tributary.adapters.aws.s3.S3NotificationDecoder";

    private static final Map<String, String> JSON = Map.of("content-type", "application/json");

    /** A decode of one fixed input, ready to repeat; thread-safe. */
    public record Prepared(Supplier<List<CloudEvent>> decode, int eventsPerDecode) {}

    private Decoders() {}

    /**
     * Prepares a decode and runs it once.
     *
     * @throws SourceProviders.Unavailable when its adapter is not on the class path
     * @throws IllegalStateException when the adapter refuses the bench input or yields no event
     */
    public static Prepared prepare(String name) {
        Supplier<List<CloudEvent>> decode = switch (name) {
            case "cloudevents-binary" -> cloudEventsBinary();
            case "s3" -> byClassName(S3_DECODER, input("s3-object-created.json"));
            case "eventgrid" ->
                push(
                        "azure-eventgrid",
                        Map.of("auth", "none"),
                        Map.of("content-type", "application/json", "aeg-event-type", "Notification"),
                        input("eventgrid-blob-created.json"));
            case "pubsub-push" ->
                push(
                        "gcp-pubsub-push",
                        Map.of("topic", "projects/demo-project/topics/orders", "auth", "none"),
                        JSON,
                        input("pubsub-push.json"));
            default -> throw new IllegalArgumentException("unknown decode '" + name + "', known: " + NAMES);
        };
        int events = decode.get().size();
        if (events == 0) {
            throw new IllegalStateException("decode '" + name + "' yielded no event from its bench input");
        }
        return new Prepared(decode, events);
    }

    /** Why a decode cannot run here, or empty when it can. */
    public static Optional<String> unavailable(String name) {
        try {
            prepare(name);
            return Optional.empty();
        } catch (SourceProviders.Unavailable e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Supplier<List<CloudEvent>> cloudEventsBinary() {
        NotificationDecoder<InboundPayload> decoder = new CloudEventsHttpDecoder();
        InboundPayload payload = new InboundPayload(BenchEvent.headers(), BenchEvent.body());
        return () -> decoder.decode(payload);
    }

    /**
     * A decoder found by class name, built with its no-argument constructor: one that reads JSON
     * documents ({@code List<CloudEvent> decode(JsonNode)}) gets the body parsed on every call
     * (parsing is part of decoding); any other {@link NotificationDecoder} is handed the body as an
     * {@code application/json} {@link InboundPayload}.
     */
    @SuppressWarnings("unchecked")
    static Supplier<List<CloudEvent>> byClassName(String className, byte[] body) {
        Object decoder = newInstance(className);
        Optional<MethodHandle> jsonDecode = jsonDecode(decoder);
        if (jsonDecode.isPresent()) {
            MethodHandle decode = jsonDecode.get();
            ObjectMapper mapper = new ObjectMapper();
            return () -> {
                try {
                    return (List<CloudEvent>) decode.invoke(mapper.readTree(body));
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
        }
        if (decoder instanceof NotificationDecoder<?> notificationDecoder) {
            NotificationDecoder<InboundPayload> payloadDecoder =
                    (NotificationDecoder<InboundPayload>) notificationDecoder;
            InboundPayload payload = new InboundPayload(JSON, body);
            return () -> payloadDecoder.decode(payload);
        }
        throw new IllegalStateException(
                className + " neither implements NotificationDecoder nor has a public List decode(JsonNode)");
    }

    private static Object newInstance(String className) {
        try {
            return Class.forName(className).getConstructor().newInstance();
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new SourceProviders.Unavailable(
                    className + " is not on the class path (its adapter is not in the " + "gateway jar yet)");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + " cannot be built with a no-argument constructor", e);
        }
    }

    /** {@code List<CloudEvent> decode(JsonNode)}, bound to the decoder, when it has one. */
    private static Optional<MethodHandle> jsonDecode(Object decoder) {
        try {
            return Optional.of(MethodHandles.publicLookup()
                    .findVirtual(decoder.getClass(), "decode", MethodType.methodType(List.class, JsonNode.class))
                    .bindTo(decoder));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        }
    }

    private static Supplier<List<CloudEvent>> push(
            String type, Map<String, Object> options, Map<String, String> headers, byte[] body) {
        SourceProvider provider = SourceProviders.require(type);
        Source source =
                provider.create(new SourceConfig("bench", type, Options.of(options)), NoGatewayContext.INSTANCE);
        if (!(source instanceof PushSource pushSource)) {
            throw new IllegalStateException("source type '" + type + "' is not a push source");
        }
        PushRequest request = new PushRequest("POST", new InboundPayload(headers, body), Map.of());
        return () -> {
            PushDecision decision = pushSource.accept(request);
            if (decision instanceof PushDecision.Route route) {
                return route.events();
            }
            PushDecision.Respond respond = (PushDecision.Respond) decision;
            throw new IllegalStateException(
                    "source type '" + type + "' answered " + respond.status() + ": " + respond.body());
        };
    }

    private static byte[] input(String name) {
        try (InputStream in = Decoders.class.getResourceAsStream("/inputs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("bench input /inputs/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decoding needs no gateway: a push source built here never dispatches. */
    private enum NoGatewayContext implements SourceContext {
        INSTANCE;

        @Override
        public dev.tributary.core.source.EventDispatch dispatch() {
            throw new UnsupportedOperationException("decode benchmarks dispatch nothing");
        }

        @Override
        public <T> Optional<T> service(Class<T> type) {
            return Optional.empty();
        }
    }
}
