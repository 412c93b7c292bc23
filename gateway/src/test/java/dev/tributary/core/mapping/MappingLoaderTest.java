package dev.tributary.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.delivery.BackoffPolicy;
import dev.tributary.core.delivery.DeliveryPolicy;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MappingLoaderTest {

    private static final Map<String, String> ENV = Map.of("QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/1/q");

    private final MappingLoader loader = new MappingLoader(ENV::get);

    @Test
    void compilesAValidFileWithDefaultsAndEnvironment() {
        Mappings mappings = loader.load("valid.yaml", resource("valid.yaml"));

        SourceConfig uploads = mappings.sources().get("uploads");
        assertEquals("aws-sqs", uploads.type());
        assertEquals(
                Optional.of("https://sqs.eu-west-1.amazonaws.com/1/q"),
                uploads.options().string("queueUrl"));
        assertEquals(Optional.of("eu-west-1"), uploads.options().string("region"), "default after :-");
        assertEquals(4, uploads.options().integer("concurrency", 1));
        assertFalse(uploads.push());
        assertTrue(mappings.sources().get("hooks").push());

        CompiledRoute images = mappings.routes().get(0);
        assertEquals(List.of("uploads", "hooks"), images.from());
        assertEquals(StorageEvents.NEUTRAL, images.storageEvents());
        assertEquals(
                new DeliveryPolicy(
                        5, BackoffPolicy.LINEAR, Duration.ofMillis(500), Duration.ofSeconds(10), Optional.of("dlq")),
                images.delivery());

        CompiledRoute everything = mappings.routes().get(1);
        assertEquals(DeliveryPolicy.DEFAULT, everything.delivery());
        assertEquals(StorageEvents.NATIVE, everything.storageEvents());
        assertEquals(List.of(images, everything), mappings.routesFrom("hooks"));
        assertEquals(List.of(images), mappings.routesFrom("uploads"));
    }

    @Test
    void compiledFiltersCombineEveryEntry() {
        CompiledRoute images =
                loader.load("valid.yaml", resource("valid.yaml")).routes().get(0);

        assertTrue(images.filter().test(event("dev.tributary.storage.object.created", "s3://photos", "cat.jpg")));
        assertFalse(
                images.filter().test(event("dev.tributary.storage.object.created", "s3://photos", "cat.gif")),
                "any: neither suffix matches");
        assertFalse(
                images.filter().test(event("dev.tributary.storage.object.deleted", "s3://photos", "cat.jpg")),
                "prefix on type");
        assertFalse(
                images.filter().test(event("dev.tributary.storage.object.created", "s3://private", "cat.jpg")),
                "not exact source");
        assertFalse(
                images.filter()
                        .test(event("dev.tributary.storage.object.created", "s3://photos", "thumbnails/cat.jpg")),
                "cesql");
    }

    @Test
    void reportsEveryMistakeWithFileLineContextAndSuggestion() {
        MappingException error = assertThrows(
                MappingException.class, () -> loader.load("three-mistakes.yaml", resource("three-mistakes.yaml")));

        assertEquals(
                List.of(
                        "three-mistakes.yaml:11: sink 'thumbnailer': type: unknown sink type 'htp' (did you mean 'http'?)",
                        "three-mistakes.yaml:16: route 'images': to[1]: unknown sink 'defualt-broker' (did you mean 'default-broker'?)",
                        "three-mistakes.yaml:18: route 'images': delivery.retry: expected a whole number >= 0, got '-1'"),
                error.errors().stream().map(MappingError::toString).toList());
    }

    @Test
    void unsetVariableWithoutDefaultIsALocatedError() {
        MappingException error = assertThrows(
                MappingException.class,
                () -> new MappingLoader(name -> null).load("valid.yaml", resource("valid.yaml")));

        assertEquals(
                "valid.yaml:5: source 'uploads': queueUrl: environment variable 'QUEUE_URL' is not set "
                        + "(write ${QUEUE_URL:-default} to give a default)",
                error.errors().get(0).toString());
    }

    @Test
    void refusesIntegersOutsideWhatTheServiceAllowsAtLoadTime() {
        assertErrors(
                """
                apiVersion: tributary.dev/v1
                sources:
                  subs: { type: gcp-pubsub, subscription: projects/p/subscriptions/s, ackDeadlineSeconds: 5 }
                  q: { type: aws-sqs, queueUrl: 'https://sqs.us-east-1.amazonaws.com/1/q', waitTimeSeconds: 25 }
                sinks:
                  out: { type: log }
                routes:
                  - { name: all, from: [subs, q], to: [out] }
                """,
                "x.yaml:3: source 'subs': ackDeadlineSeconds: expected 10 to 600, got 5",
                "x.yaml:4: source 'q': waitTimeSeconds: expected 1 to 20, got 25");
    }

    @Test
    void rejectsStructuralMistakes() {
        assertErrors(
                """
                apiVersion: tributary.dev/v2
                sources:
                  in:
                    { type: cloudevents, auth: none,
                    colour: blue }
                  "bad name!":
                    { type: cloudevents, auth: none }
                sinks:
                  out:
                    type: http
                routes:
                  - name: r
                    from: [in, in]
                    to: []
                    storageEvent: neutral
                  - name: r
                    from: [in]
                    to: [out]
                    reply: nowhere
                    delivery: { backoffPolicy: quadratic, timeout: 10s, deadLetter: out }
                """,
                "x.yaml:1: apiVersion: unsupported version 'tributary.dev/v2' (use 'tributary.dev/v1')",
                "x.yaml:5: source 'in': colour: unknown option for type 'cloudevents' "
                        + "(expected one of auth, jwksUrl, issuer, audience, subjects, secret)",
                "x.yaml:6: source 'bad name!': name must match [A-Za-z0-9][A-Za-z0-9._-]{0,62}",
                "x.yaml:9: sink 'out': url: required option is missing for type 'http'",
                "x.yaml:13: route 'r': from[1]: source 'in' is listed twice",
                "x.yaml:14: route 'r': to: needs at least one sink",
                "x.yaml:15: route 'r': storageEvent: unknown field (did you mean 'storageEvents'?)",
                "x.yaml:16: route 'r': name: another route has the same name",
                "x.yaml:19: route 'r': reply: unknown source 'nowhere' (expected one of bad name!, in)",
                "x.yaml:20: route 'r': delivery.deadLetter: unknown field (did you mean 'deadLetterSink'?)",
                "x.yaml:20: route 'r': delivery.backoffPolicy: unknown value 'quadratic' (expected one of linear, exponential)",
                "x.yaml:20: route 'r': delivery.timeout: expected a positive ISO-8601 duration such as PT0.5S or PT1M, got '10s'");
    }

    @Test
    void rejectsInvalidFilters() {
        assertErrors(
                """
                apiVersion: tributary.dev/v1
                sources: { in: { type: cloudevents, auth: none } }
                sinks: { out: { type: log } }
                routes:
                  - name: r
                    from: [in]
                    to: [out]
                    filters:
                      - exact: { type: a, source: b }
                      - prefx: { type: a }
                      - suffix: { Type: a }
                      - { exact: { type: a }, prefix: { type: b } }
                      - cesql: "type = = 'x'"
                      - prefix: { type: "" }
                      - not: [ { exact: { type: a } } ]
                """,
                "x.yaml:9: route 'r': filters[0].exact: 'exact' takes exactly one attribute, found 2 (combine several with 'all')",
                "x.yaml:10: route 'r': filters[1]: unknown filter dialect 'prefx' (did you mean 'prefix'?)",
                "x.yaml:11: route 'r': filters[2].suffix.Type: not a CloudEvents attribute name (lower-case letters and digits only)",
                "x.yaml:12: route 'r': filters[3]: a filter names exactly one dialect (exact, prefix, suffix, all, any, not, cesql, pattern), found exact, prefix",
                "x.yaml:14: route 'r': filters[5].prefix.type: an empty prefix matches everything",
                "x.yaml:15: route 'r': filters[6].not: expected a mapping of names to values");
    }

    @Test
    void invalidYamlIsLocated() {
        MappingException error = assertThrows(
                MappingException.class, () -> loader.load("x.yaml", "apiVersion: tributary.dev/v1\nsources: [\n"));
        assertEquals(1, error.errors().size());
        assertTrue(error.errors().get(0).toString().startsWith("x.yaml:3: not valid YAML"), error.getMessage());
    }

    @Test
    void duplicateKeysAreErrors() {
        assertErrors("""
                apiVersion: tributary.dev/v1
                sources: { in: { type: cloudevents, auth: none } }
                sinks:
                  out: { type: log }
                  out: { type: log }
                routes: []
                """, "x.yaml:5: sinks.out: duplicate key");
    }

    private void assertErrors(String yaml, String... expected) {
        MappingException error = assertThrows(MappingException.class, () -> loader.load("x.yaml", yaml));
        List<String> actual =
                error.errors().stream().map(MappingError::toString).toList();
        List<String> withoutCesql =
                actual.stream().filter(line -> !line.contains("invalid CESQL")).toList();
        if (yaml.contains("cesql")) {
            assertEquals(1, actual.size() - withoutCesql.size(), () -> "one CESQL error expected in " + actual);
        }
        assertEquals(List.of(expected), withoutCesql);
    }

    private static CloudEvent event(String type, String source, String subject) {
        return CloudEventBuilder.v1()
                .withId("1")
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(subject)
                .build();
    }

    static String resource(String name) {
        try (InputStream in = MappingLoaderTest.class.getClassLoader().getResourceAsStream("mappings/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
