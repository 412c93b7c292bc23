package dev.tributary.core.mapping;

import static dev.tributary.core.mapping.OptionKind.BOOLEAN;
import static dev.tributary.core.mapping.OptionKind.POSITIVE_INTEGER;
import static dev.tributary.core.mapping.OptionKind.STRING;
import static dev.tributary.core.mapping.OptionKind.STRING_LIST;

import dev.tributary.core.mapping.IngressAuthOptions.Profile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The source and sink types of mapping-file version {@code tributary.dev/v1} and their options.
 * This is the public contract of {@code route-mappings.md}; the JSON Schema in {@code mappings/}
 * mirrors it and a test keeps the two in step.
 */
public final class ComponentCatalog {

    static final Map<String, ComponentType> SOURCES = index(
            IngressAuthOptions.declare(ComponentType.named("cloudevents").push(), Profile.CLOUDEVENTS).build(),
            ComponentType.named("aws-sqs")
                    .required("queueUrl", STRING)
                    .optional("region", STRING)
                    .optional("endpoint", STRING)
                    .optional("concurrency", POSITIVE_INTEGER)
                    .optional("waitTimeSeconds", POSITIVE_INTEGER)
                    .optional("visibilityTimeout", POSITIVE_INTEGER)
                    .optional("forwardTestEvents", BOOLEAN)
                    .build(),
            IngressAuthOptions.declare(ComponentType.named("aws-sns").push(), Profile.SNS)
                    .optional("autoConfirm", BOOLEAN)
                    .optional("signingCertificate", STRING)
                    .optional("region", STRING)
                    .optional("forwardTestEvents", BOOLEAN)
                    .build(),
            ComponentType.named("gcp-pubsub")
                    .required("subscription", STRING)
                    .optional("topic", STRING)
                    .optional("endpoint", STRING)
                    .optional("maxOutstandingMessages", POSITIVE_INTEGER)
                    .optional("maxOutstandingBytes", POSITIVE_INTEGER)
                    .optional("parallelPullCount", POSITIVE_INTEGER)
                    .build(),
            IngressAuthOptions.declare(ComponentType.named("gcp-pubsub-push").push(), Profile.PUBSUB_PUSH)
                    .required("topic", STRING)
                    .build(),
            IngressAuthOptions.declare(ComponentType.named("azure-eventgrid").push(), Profile.EVENT_GRID)
                    .optional("allowedOrigins", STRING_LIST)
                    .build());

    static final Map<String, ComponentType> SINKS = index(
            OutboundAuthOptions.declare(ComponentType.named("http"))
                    .required("url", STRING)
                    .optional("mode", "binary", "structured")
                    .build(),
            OutboundAuthOptions.declare(ComponentType.named("knative-broker"))
                    .optional("url", STRING)
                    .optional("namespace", STRING)
                    .optional("name", STRING)
                    .build(),
            ComponentType.named("aws-lambda")
                    .required("function", STRING)
                    .optional("region", STRING)
                    .optional("endpoint", STRING)
                    .optional("invocationType", "RequestResponse", "Event")
                    .optional("payload", "cloudevent", "data")
                    .build(),
            ComponentType.named("log").build());

    private ComponentCatalog() {
    }

    /** Whether sources of this type receive pushes on {@code POST /sources/{name}}. */
    public static boolean isPushSource(String type) {
        ComponentType known = SOURCES.get(type);
        return known != null && known.push();
    }

    private static Map<String, ComponentType> index(ComponentType... types) {
        Map<String, ComponentType> byName = new LinkedHashMap<>();
        Stream.of(types).forEach(type -> byName.put(type.name(), type));
        return java.util.Collections.unmodifiableMap(byName);
    }
}
