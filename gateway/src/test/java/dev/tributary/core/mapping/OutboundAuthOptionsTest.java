package dev.tributary.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The sinks' {@code headers:} and {@code auth:}, as the loader checks them. */
class OutboundAuthOptionsTest {

    private static final String TOKEN = "t0ken-never-printed";

    private static Mappings load(String sink) {
        return new MappingLoader(name -> TOKEN).load("m.yaml", """
                apiVersion: tributary.dev/v1
                sources: { in: { type: cloudevents, auth: none } }
                sinks:
                  out: %s
                routes: [ { name: r, from: [in], to: [out] } ]
                """.formatted(sink));
    }

    private static List<String> errors(String sink) {
        return assertThrows(MappingException.class, () -> load(sink)).errors().stream()
                .map(MappingError::toString)
                .toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ type: http, url: \"https://fn-xyz.a.run.app/\", auth: { type: google-id-token, audience: \"https://fn-xyz.a.run.app\" } }",
                "{ type: http, url: \"https://api.example.com/\", auth: { type: azure-entra, scope: \"api://tributary-sink/.default\" } }",
                "{ type: http, url: \"https://abc.lambda-url.us-east-1.on.aws/\", auth: { type: aws-sigv4, service: lambda, region: us-east-1 } }",
                "{ type: http, url: \"https://api.example.com/\", auth: { type: bearer, token: \"${API_TOKEN}\" } }",
                "{ type: knative-broker, namespace: default, name: default, auth: { type: token-file, path: /var/run/secrets/tokens/oidc } }",
                "{ type: http, url: \"https://app.azurewebsites.net/api/thumb\", headers: { x-functions-key: \"${AZ_FN_KEY}\" } }"
            })
    void eachCredentialTypeLoads(String sink) {
        load(sink);
    }

    @Test
    void headerValuesAreSubstituted() {
        assertEquals(
                Map.of("x-functions-key", TOKEN),
                load("{ type: http, url: \"https://f/\", headers: { x-functions-key: " + "\"${AZ_FN_KEY}\" } }")
                        .sinks()
                        .get("out")
                        .options()
                        .stringMap("headers"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{ type: http, url: \"https://f/\", auth: { audience: a } }|auth: type is missing (one of google-id-token, azure-entra, aws-sigv4, bearer, token-file)",
                "{ type: http, url: \"https://f/\", auth: { type: google-id-tokn, audience: a } }|auth: unknown credential type 'google-id-tokn' (did you mean 'google-id-token'?)",
                "{ type: http, url: \"https://f/\", auth: { type: aws-sigv4, service: lambda } }|auth: type aws-sigv4 needs region",
                "{ type: http, url: \"https://f/\", auth: { type: bearer, tokn: x } }|auth: unknown option 'tokn' for type bearer (did you mean 'token'?)",
                "{ type: http, url: \"https://f/\", auth: bearer }|auth: expected a mapping of names to values",
                "{ type: http, url: \"https://f/\", headers: { \"bad header\": x } }|headers: 'bad header' is not a valid header name",
                "{ type: aws-lambda, function: f, auth: { type: bearer, token: x } }|auth: unknown option for type 'aws-lambda'"
            })
    void mistakesAreLocatedAndNeverPrintValues(String sink, String expected) {
        List<String> errors = errors(sink.replace("token: x", "token: \"${API_TOKEN}\""));
        assertTrue(
                errors.stream().anyMatch(error -> error.startsWith("m.yaml:4: sink 'out': " + expected)),
                errors.toString());
        assertFalse(errors.toString().contains(TOKEN), errors.toString());
    }
}
