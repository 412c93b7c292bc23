package dev.tributary.adapters.aws.lambda;

import static dev.tributary.core.mapping.OptionKind.STRING;

import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/**
 * Provides sink type {@code aws-lambda}: a {@link LambdaClient} per sink (credentials from the
 * SDK's default provider chain, SDK retries off) and a pool of {@value #CALL_THREADS} threads for
 * its blocking calls.
 */
public final class LambdaSinkProvider implements SinkProvider {

    /** Concurrent Invoke calls per sink. */
    static final int CALL_THREADS = 32;

    static final ComponentType DECLARATION = ComponentType.of("aws-lambda",
            "Invokes an AWS Lambda function with each event; a function error is a failed delivery.",
            OptionSpec.required("function", STRING, "Lambda function name or ARN."),
            OptionSpec.optional("region", STRING, "AWS region (default: the standard provider chain)."),
            OptionSpec.optional("endpoint", STRING, "Endpoint override URL (emulators, VPC endpoints)."),
            OptionSpec.oneOf("invocationType", "Synchronous (RequestResponse) or asynchronous (Event) invocation.",
                    "RequestResponse", "Event").withDefault("RequestResponse"),
            OptionSpec.oneOf("payload", "cloudevent (structured JSON) or data (only the event data).",
                    "cloudevent", "data").withDefault("cloudevent"));

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public EventSink create(SinkConfig config, GatewayServices services) {
        LambdaSinkSettings settings = LambdaSinkSettings.of(config);
        LambdaClientBuilder builder = LambdaClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        settings.region().map(Region::of).ifPresent(builder::region);
        settings.endpoint().ifPresent(builder::endpointOverride);
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor calls = new ThreadPoolExecutor(CALL_THREADS, CALL_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "lambda-" + config.name() + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        calls.allowCoreThreadTimeOut(true);
        return new LambdaSink(builder.build(), calls, settings);
    }
}
