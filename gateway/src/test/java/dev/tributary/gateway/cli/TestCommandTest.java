package dev.tributary.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary test} on the adapters' golden payloads: output and exit status. */
class TestCommandTest {

    private static final String SQS = "../adapters/aws/src/test/resources/golden/aws/sqs/";
    private static final String SNS = "../adapters/aws/src/test/resources/golden/aws/sns/";
    private static final String AZURE = "../adapters/azure/src/test/resources/golden/azure/";
    private static final String EXAMPLE = "../mappings/transform.yaml";

    @TempDir
    Path dir;

    @Test
    void showsTheDecodedEventTheMatchingRouteItsTransformAndTheRejectingFilter() {
        Cli.Result result =
                Cli.run("test", EXAMPLE, "--source", "uploads", "--payload", SQS + "s3-notification.input.json");

        assertEquals(0, result.exitCode(), result.err());
        String out = result.out();
        assertTrue(out.startsWith("event 1 of 1:\n"), out);
        assertTrue(out.contains("\"type\" : \"com.amazonaws.s3.ObjectCreated:Put\""), "the decoded event: " + out);
        assertTrue(out.contains("route 'thumbnails': matches\n    delivers:\n"), out);
        assertTrue(out.contains("\"type\" : \"com.example.image.uploaded\""), "the transformed event: " + out);
        assertTrue(out.contains("\"key\" : \"uploads/red flower.jpg\""), "data reshaped by the transform: " + out);
        assertTrue(out.contains("to sinks: thumbnailer (not contacted)"), out);
        assertTrue(
                out.contains(
                        "route 'deletions': rejected\n    filters[0]: pattern {\"type\":[{\"prefix\":\"com.amazonaws.s3.ObjectRemoved\"}]}"),
                out);
        assertTrue(out.endsWith("1 event(s) from source 'uploads', 1 deliveries; no sink contacted\n"), out);
    }

    @Test
    void aPushSourceDecodesWithItsOwnDecoder() throws Exception {
        Path mappings = Files.writeString(dir.resolve("m.yaml"), """
                apiVersion: tributary.dev/v1
                sources:
                  reports: { type: aws-sns, region: eu-west-1, auth: none }
                  blobs: { type: azure-eventgrid, auth: none }
                sinks:
                  inbox: { type: log }
                routes:
                  - name: reports
                    from: [reports, blobs]
                    filters: [ { cesql: "type LIKE '%Created%'" } ]
                    to: [inbox]
                """);

        Cli.Result sns = Cli.run(
                "test", mappings.toString(), "--source", "reports", "--payload", SNS + "notification-s3.input.json");
        Cli.Result eventGrid = Cli.run(
                "test",
                mappings.toString(),
                "--source",
                "blobs",
                "--payload",
                AZURE + "eventgrid-blob-created.input.json");

        assertEquals(0, sns.exitCode(), sns.err());
        assertTrue(
                sns.out().contains("\"source\" : \"aws:s3.eu-west-1.photos\""),
                "the S3 event inside the envelope: " + sns.out());
        assertTrue(sns.out().contains("route 'reports': matches"), sns.out());
        assertEquals(0, eventGrid.exitCode(), eventGrid.err());
        assertTrue(eventGrid.out().contains("\"type\" : \"Microsoft.Storage.BlobCreated\""), eventGrid.out());
        assertTrue(eventGrid.out().contains("to sinks: inbox (not contacted)"), eventGrid.out());
    }

    @Test
    void aFailingTransformShowsWhereTheEventWouldGo() throws Exception {
        Path mappings = Files.writeString(dir.resolve("m.yaml"), """
                apiVersion: tributary.dev/v1
                sources:
                  uploads: { type: aws-sqs, queueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/uploads" }
                sinks:
                  out: { type: log }
                routes:
                  - name: broken
                    from: [uploads]
                    transform: { jsonata: '{"data": data}' }
                    to: [out]
                """);

        Cli.Result result = Cli.run(
                "test", mappings.toString(), "--source", "uploads", "--payload", SQS + "s3-notification.input.json");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(
                result.out()
                        .contains(
                                "route 'broken': matches\n    transform failed: jsonata result is not a valid CloudEvent"),
                result.out());
        assertTrue(
                result.out()
                        .contains(
                                "would go to dead-letter sink: none (the route has no deadLetterSink: the delivery would fail)"),
                result.out());
    }

    @Test
    void theExampleTestFilePasses() {
        Cli.Result result = Cli.run("test", "../mappings/tests/transform.test.yaml");

        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertEquals("""
                PASS a jpg upload is reshaped for the thumbnailer
                PASS one message, three records, three different fates
                2 passed, 0 failed
                """, result.out());
    }

    @Test
    void aMismatchFailsTheCaseWithEveryDifferenceAndExitsOne() throws Exception {
        Path tests = Files.writeString(dir.resolve("routing.test.yaml"), """
                mappings: %s
                tests:
                  - name: wrong expectations
                    source: uploads
                    payload: %s
                    expect:
                      - routes: [deletions]
                        attributes: { subject: uploads/cat.jpg }
                        transformed:
                          thumbnails: { type: com.example.other }
                  - name: wrong count
                    source: uploads
                    payload: %s
                    expect: []
                """.formatted(
                        Path.of(EXAMPLE).toAbsolutePath(),
                        Path.of(SQS, "s3-notification.input.json").toAbsolutePath(),
                        Path.of(SQS, "s3-notification.input.json").toAbsolutePath()));

        Cli.Result result = Cli.run("test", tests.toString());

        assertEquals(1, result.exitCode(), result.err());
        assertEquals("""
                FAIL wrong expectations
                  event 1: expected routes [deletions], matched [thumbnails]
                  event 1: subject expected 'uploads/cat.jpg', was 'uploads/red flower.jpg'
                  event 1 on route 'thumbnails': type expected 'com.example.other', was 'com.example.image.uploaded'
                FAIL wrong count
                  expected 0 event(s), decoded 1
                0 passed, 2 failed
                """, result.out());
    }

    @Test
    void aPayloadTheSourceRefusesIsAOneLineErrorAndExitsOne() {
        Cli.Result result =
                Cli.run("test", EXAMPLE, "--source", "uploads", "--payload", SQS + "fail_s3-missing-key.input.json");

        assertEquals(1, result.exitCode(), result.out());
        assertTrue(result.err().startsWith("tributary test: "), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void anUnknownSourceIsNamedWithTheKnownOnes() {
        Cli.Result result =
                Cli.run("test", EXAMPLE, "--source", "upload", "--payload", SQS + "s3-notification.input.json");

        assertEquals(1, result.exitCode());
        assertEquals(
                "tributary test: no source 'upload' in ../mappings/transform.yaml (sources: uploads)\n", result.err());
    }
}
