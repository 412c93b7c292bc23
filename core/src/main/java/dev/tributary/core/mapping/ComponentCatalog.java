package dev.tributary.core.mapping;

import static dev.tributary.core.mapping.OptionKind.BOOLEAN;
import static dev.tributary.core.mapping.OptionKind.POSITIVE_INTEGER;
import static dev.tributary.core.mapping.OptionKind.STRING;
import static dev.tributary.core.mapping.OptionKind.STRING_LIST;

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
            ComponentType.named("cloudevents").push().build(),
            ComponentType.named("aws-sqs")
                    .required("queueUrl", STRING)
                    .optional("region", STRING)
                    .optional("endpoint", STRING)
                    .optional("concurrency", POSITIVE_INTEGER)
                    .optional("waitTimeSeconds", POSITIVE_INTEGER)
                    .optional("visibilityTimeout", POSITIVE_INTEGER)
                    .optional("forwardTestEvents", BOOLEAN)
                    .build(),
            ComponentType.named("aws-sns").push()
                    .optional("topicArns", STRING_LIST)
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
            ComponentType.named("gcp-pubsub-push").push()
                    .required("topic", STRING)
                    .optional("audience", STRING)
                    .optional("serviceAccount", STRING)
                    .optional("auth", "none")
                    .optional("jwksUrl", STRING)
                    .optional("issuer", STRING)
                    .build(),
            ComponentType.named("azure-eventgrid").push()
                    .optional("secret", STRING)
                    .optional("secretParameter", STRING)
                    .optional("jwksUrl", STRING)
                    .optional("issuer", STRING)
                    .optional("audience", STRING)
                    .optional("auth", "none")
                    .optional("allowedOrigins", STRING_LIST)
                    .build());

    static final Map<String, ComponentType> SINKS = index(
            ComponentType.named("http")
                    .required("url", STRING)
                    .optional("mode", "binary", "structured")
                    .build(),
            ComponentType.named("knative-broker")
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
            ComponentType.named("log").build(),
            ComponentType.named("file")
                    .required("path", STRING)
                    .optional("maxBytes", POSITIVE_INTEGER)
                    .optional("maxFiles", POSITIVE_INTEGER)
                    .build());

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
