package dev.tributary.demo;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * {@code ./tributary demo upload FILE...}: puts files into the running demo's bucket with the S3
 * API, then prints what became of each (written, skipped and why, matched no route, dead-lettered),
 * as the demo's journal tells it.
 */
@Command(
        name = "upload",
        mixinStandardHelpOptions = true,
        description = {
            "Upload files to the running demo's bucket and print what became of each.",
            "Exit status: 0 all uploaded, 1 a file is missing or the demo is not running."
        })
final class UploadCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(
            names = "--store",
            defaultValue = "http://127.0.0.1:9000",
            description = "the demo store (default ${DEFAULT-VALUE})")
    URI store;

    @Option(
            names = "--gateway",
            defaultValue = "http://127.0.0.1:8080",
            description = "the demo gateway (default ${DEFAULT-VALUE})")
    URI gateway;

    @Option(
            names = "--wait",
            defaultValue = "60",
            description = "seconds to wait for each outcome (default ${DEFAULT-VALUE})")
    int waitSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            if (!Files.exists(file)) {
                return fail(err, "no such file: " + file);
            }
            if (Files.isDirectory(file)) {
                return fail(err, file + " is a directory: give the files in it, e.g. " + file.resolve("*.jpg"));
            }
        }
        UploadOutcomes outcomes = new UploadOutcomes(gateway);
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(store)
                .forcePathStyle(true)
                .region(Region.of(DemoStack.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            for (Path file : files) {
                String key = file.getFileName().toString();
                String contentType = Files.probeContentType(file);
                PutObjectResponse response = s3.putObject(
                        p -> p.bucket(DemoStack.BUCKET)
                                .key(key)
                                .contentType(contentType == null ? "application/octet-stream" : contentType),
                        RequestBody.fromFile(file));
                // the store's event id, as the gateway derives it from the S3 notification: x-amz-request-id.x-amz-id-2
                String eventId = header(response, "x-amz-request-id") + "." + header(response, "x-amz-id-2");
                out.printf(
                        "%s -> s3://%s/%s, event %s: %s%n",
                        file,
                        DemoStack.BUCKET,
                        key,
                        eventId,
                        outcomes.await(eventId, waitSeconds, store + "/" + DemoStack.BUCKET + "/"));
                out.flush();
            }
        } catch (SdkClientException e) {
            if (Stream.iterate((Throwable) e, t -> t != null, Throwable::getCause)
                    .anyMatch(ConnectException.class::isInstance)) {
                return fail(err, "no demo listening on " + store + " — start it with ./tributary demo");
            }
            throw e;
        }
        return 0;
    }

    private static String header(PutObjectResponse response, String name) {
        return response.sdkHttpResponse().firstMatchingHeader(name).orElse("?");
    }

    private static int fail(PrintWriter err, String message) {
        err.println("tributary demo upload: " + message);
        err.flush();
        return 1;
    }
}
