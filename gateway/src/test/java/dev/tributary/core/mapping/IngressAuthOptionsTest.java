package dev.tributary.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The push sources' shared authentication vocabulary, as the loader checks it: same rule, same words. */
class IngressAuthOptionsTest {

    private static final String SECRET_VALUE = "s3cr3t-value-never-printed";

    /** Mappings with one source {@code in}, as given, routed to a log sink. */
    private static String mappings(String source) {
        return """
                apiVersion: tributary.dev/v1
                sources:
                  in: %s
                sinks: { out: { type: log } }
                routes: [ { name: r, from: [in], to: [out] } ]
                """.formatted(source);
    }

    private static List<String> errors(String source) {
        MappingException refused = assertThrows(
                MappingException.class,
                () -> new MappingLoader(name -> name.equals("SECRET") ? SECRET_VALUE : null)
                        .load("m.yaml", mappings(source)));
        return refused.errors().stream().map(MappingError::toString).toList();
    }

    private static void loads(String source) {
        new MappingLoader(name -> SECRET_VALUE).load("m.yaml", mappings(source));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ type: cloudevents }",
                "{ type: azure-eventgrid }",
                "{ type: gcp-pubsub-push, topic: projects/p/topics/t }",
                "{ type: aws-sns }"
            })
    void aPushSourceWithoutAuthenticationIsALocatedErrorNamingTheChoices(String source) {
        List<String> errors = errors(source);
        assertEquals(1, errors.size(), errors.toString());
        String error = errors.get(0);
        assertTrue(error.startsWith("m.yaml:3: source 'in': auth: no authentication configured: set "), error);
        assertTrue(
                error.endsWith(", or auth: none (accept unauthenticated requests; logged as a warning at start-up)"),
                error);
    }

    @Test
    void eachTypeNamesItsOwnChoices() {
        assertTrue(errors("{ type: cloudevents }")
                .get(0)
                .contains(
                        "set jwksUrl, issuer and audience (a JWT/OIDC bearer token; subjects optionally lists the sub allowed), "
                                + "or secret (a shared secret sent as Authorization: Bearer), or auth: none"));
        assertTrue(errors("{ type: azure-eventgrid }").get(0).contains("or as query parameter 'code'"));
        assertTrue(
                errors("{ type: gcp-pubsub-push, topic: projects/p/topics/t }")
                        .get(0)
                        .contains(
                                "set audience and serviceAccount (Pub/Sub's OIDC token; jwksUrl and issuer default to Google's)"));
        assertTrue(errors("{ type: aws-sns }")
                .get(0)
                .contains("set topicArns (SNS-signed messages from these topics only)"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ type: cloudevents, auth: none }",
                "{ type: cloudevents, secret: \"${SECRET}\" }",
                "{ type: cloudevents, jwksUrl: \"https://k/keys\", issuer: i, audience: a, subjects: [\"system:serviceaccount:ns:sa\"] }",
                "{ type: azure-eventgrid, secret: x, secretParameter: token }",
                "{ type: azure-eventgrid, secret: x, jwksUrl: \"https://k/\", issuer: i, audience: a }",
                "{ type: gcp-pubsub-push, topic: projects/p/topics/t, audience: a, serviceAccount: s@p.iam.gserviceaccount.com }",
                "{ type: gcp-pubsub-push, topic: projects/p/topics/t, secret: x, secretParameter: token }",
                "{ type: aws-sns, topicArns: [\"arn:aws:sns:eu-west-1:123456789012:t\"] }",
                "{ type: aws-sns, auth: none }"
            })
    void eachChoiceLoads(String source) {
        loads(source);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{ type: cloudevents, auth: none, secret: x }|m.yaml:3: source 'in': auth: auth: none contradicts secret; remove one of them",
                "{ type: azure-eventgrid, auth: none, jwksUrl: \"https://k/\", issuer: i, audience: a }|auth: none contradicts jwksUrl",
                "{ type: aws-sns, auth: none, topicArns: [a] }|auth: none contradicts topicArns",
                "{ type: cloudevents, auth: basic }|auth: unknown value 'basic'",
                "{ type: cloudevents, jwksUrl: \"https://k/\", audience: a }|issuer: a bearer token check needs issuer",
                "{ type: cloudevents, jwksUrl: \"https://k/\", issuer: i }|audience: a bearer token check needs audience",
                "{ type: cloudevents, secret: s, issuer: i, audience: a }|jwksUrl: a bearer token check needs jwksUrl",
                "{ type: cloudevents, jwksUrl: \"file:///etc/keys\", issuer: i, audience: a }|jwksUrl: must be an http(s) URL",
                "{ type: gcp-pubsub-push, topic: projects/p/topics/t, audience: a }|serviceAccount: a bearer token check needs serviceAccount",
                "{ type: azure-eventgrid, auth: none, secretParameter: token }|secretParameter: secretParameter needs secret",
                "{ type: cloudevents, secret: \"\" }|secret: must not be empty",
                "{ type: cloudevents, secret: s, jwksUrl: \"https://k/\", issuer: i, audience: a }|secret: secret and a bearer token would both be sent in Authorization: choose one",
                "{ type: gcp-pubsub-push, topic: projects/p/topics/t, secret: s, audience: a, serviceAccount: x }|set secretParameter",
                "{ type: aws-sns, secret: x }|secret: unknown option for type 'aws-sns'"
            })
    void contradictionsAndGapsAreLocated(String source, String expected) {
        List<String> errors = errors(source);
        assertTrue(errors.stream().anyMatch(error -> error.contains(expected)), errors.toString());
        assertTrue(errors.stream().allMatch(error -> error.startsWith("m.yaml:3: source 'in': ")), errors.toString());
    }

    @Test
    void errorsNeverPrintTheSecret() {
        List<String> errors =
                errors("{ type: cloudevents, secret: \"${SECRET}\", auth: none, jwksUrl: \"${SECRET}\" }");
        assertFalse(errors.toString().contains(SECRET_VALUE), errors.toString());
    }
}
