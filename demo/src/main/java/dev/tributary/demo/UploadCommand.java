package dev.tributary.demo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code ./tributary demo upload FILE...}: puts files into the running demo's bucket with the S3 API. */
@Command(name = "upload", mixinStandardHelpOptions = true, description = "Upload files to the running demo's bucket.")
final class UploadCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--store", defaultValue = "http://127.0.0.1:9000", description = "the demo store (default ${DEFAULT-VALUE})")
    URI store;

    @Override
    public Integer call() throws Exception {
        try (S3Client s3 = S3Client.builder().endpointOverride(store).forcePathStyle(true).region(Region.of(DemoStack.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            for (Path file : files) {
                String key = file.getFileName().toString();
                String contentType = Files.probeContentType(file);
                s3.putObject(p -> p.bucket(DemoStack.BUCKET).key(key)
                        .contentType(contentType == null ? "application/octet-stream" : contentType), RequestBody.fromFile(file));
                System.out.printf("uploaded %s -> %s/%s/%s (thumbnail: %s/%s/thumbnails/%s)%n",
                        file, store, DemoStack.BUCKET, key, store, DemoStack.BUCKET, key);
            }
        }
        return 0;
    }
}
