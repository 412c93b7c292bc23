package dev.tributary.adapters.aws.sqs;

import dev.tributary.adapters.aws.envelope.InnerDocuments;
import dev.tributary.core.source.PullSource;
import dev.tributary.core.source.SourceContext;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.sqs.Sqs2Component;
import org.apache.camel.component.aws2.sqs.Sqs2Configuration;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Source type {@code aws-sqs}: a Camel {@code aws2-sqs} consumer route in the gateway's
 * {@link CamelContext}. It long-polls batches of {@value #BATCH_SIZE} with {@code concurrency}
 * pollers, never deletes on read, and extends the visibility of messages while they are in flight;
 * {@link SqsMessageProcessor} deletes a message once its events are safe.
 *
 * <p>{@link #start()} first checks that the queue answers ({@code GetQueueAttributes}), so a wrong
 * URL, region or credentials fail at start-up. {@link #close()} stops the route, waiting up to
 * {@value #STOP_TIMEOUT_SECONDS} s for messages in flight (those not settled by then reappear on the
 * queue), and closes the client. Not thread-safe: start and close are called once each.
 */
public final class SqsPullSource implements PullSource {

    static final int BATCH_SIZE = 10;
    static final int STOP_TIMEOUT_SECONDS = 10;
    /** After a failed poll, skip this many polls before trying again. */
    static final int ERROR_BACKOFF_POLLS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(SqsPullSource.class);

    private final SqsSourceSettings settings;
    private final SqsClient client;
    private final StoppablePolls polls;
    private final SourceContext context;
    private final String routeId;
    private final InnerDocuments inner;
    private CamelContext camel;
    private Sqs2Endpoint endpoint;
    private ExecutorService settleExecutor;
    private SqsDeleteBatcher deletes;
    private final PollOutcome pollOutcome = new PollOutcome();

    /** @param polls the HTTP client {@code client} was built with */
    public SqsPullSource(SqsSourceSettings settings, SqsClient client, StoppablePolls polls, SourceContext context) {
        this.settings = settings;
        this.client = client;
        this.polls = polls;
        this.context = context;
        this.routeId = "tributary-source-" + settings.name();
        this.inner = new InnerDocuments(settings.forwardTestEvents());
    }

    @Override
    public void start() throws Exception {
        camel = context.service(CamelContext.class)
                .orElseThrow(() -> new IllegalStateException(
                        "source '" + settings.name() + "': aws-sqs needs the gateway's CamelContext"));
        String queueUrl = settings.queue().url().toString();
        client.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN));
        String queueArn = settings.queue()
                .arn(client.serviceClientConfiguration().region().id());
        settleExecutor =
                camel.getExecutorServiceManager().newFixedThreadPool(this, routeId + "-settle", settings.concurrency());
        deletes = new SqsDeleteBatcher(client, settings.queue().url().toString(), settings.name());
        SqsMessageProcessor processor = new SqsMessageProcessor(
                settings,
                queueArn,
                new SqsMessageDecoder(inner),
                context.dispatch(),
                deletes,
                settleExecutor,
                settings.concurrency() * BATCH_SIZE);
        endpoint = endpoint(camel.getComponent("aws2-sqs", Sqs2Component.class));
        camel.addRoutes(new RouteBuilder(camel) {
            @Override
            public void configure() {
                from(endpoint).routeId(routeId).process(processor);
            }
        });
        LOG.info(
                "source '{}': consuming {} ({} poller(s), visibility timeout {} s)",
                settings.name(),
                queueArn,
                settings.concurrency(),
                settings.visibilityTimeout());
    }

    @Override
    public Optional<String> problem() {
        return pollOutcome.problem();
    }

    /** How many {@code s3:TestEvent} messages were received and not forwarded. */
    public long skippedTestEvents() {
        return inner.skippedTestEvents();
    }

    private Sqs2Endpoint endpoint(Sqs2Component component) {
        Sqs2Configuration configuration = new Sqs2Configuration();
        configuration.setAmazonSQSClient(client);
        configuration.setQueueName(settings.queue().name());
        configuration.setQueueUrl(settings.queue().url().toString());
        configuration.setDeleteAfterRead(false);
        configuration.setWaitTimeSeconds(settings.waitTimeSeconds());
        configuration.setVisibilityTimeout(settings.visibilityTimeout());
        configuration.setExtendMessageVisibility(true);
        configuration.setConcurrentConsumers(settings.concurrency());
        configuration.setMessageAttributeNames("All");
        configuration.setAttributeNames("SentTimestamp,MessageGroupId");
        Sqs2Endpoint created = new Sqs2Endpoint("aws2-sqs://" + settings.queue().name(), component, configuration);
        created.setMaxMessagesPerPoll(BATCH_SIZE);
        created.setGreedy(true);
        created.setBackoffErrorThreshold(1);
        created.setBackoffMultiplier(ERROR_BACKOFF_POLLS);
        created.setPollStrategy(pollOutcome);
        return created;
    }

    @Override
    public void close() {
        polls.stop();
        try {
            if (camel != null && camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId, STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                camel.removeRoute(routeId);
            }
        } catch (Exception e) {
            LOG.warn("source '{}': stopping the SQS consumer failed", settings.name(), e);
        } finally {
            if (settleExecutor != null) {
                camel.getExecutorServiceManager().shutdown(settleExecutor);
            }
            if (deletes != null) {
                deletes.close();
            }
            client.close();
        }
    }
}
