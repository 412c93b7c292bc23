package dev.tributary.adapters.aws.sqs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The HTTP client of a source's SQS client, able to end the source's long polls at once: after
 * {@link #stop()}, a {@code ReceiveMessage} call in flight is aborted and it, like every later one,
 * answers "no messages". An idle source therefore stops without waiting out its
 * {@code waitTimeSeconds} (up to 20 s, longer than the source's stop timeout). Messages SQS had
 * already handed to an aborted poll stay invisible until their visibility timeout, then come back:
 * nothing is lost. Every other call (deletes, visibility changes) goes through untouched.
 * Thread-safe.
 */
public final class StoppablePolls implements SdkHttpClient {

    /** The AWS JSON protocol's operation header and the operation that long-polls. */
    private static final String TARGET_HEADER = "X-Amz-Target";

    private static final String RECEIVE = "AmazonSQS.ReceiveMessage";

    private final SdkHttpClient delegate;
    private final Set<ExecutableHttpRequest> polls = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    public StoppablePolls(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = delegate.prepareRequest(request);
        boolean poll = request.httpRequest()
                .firstMatchingHeader(TARGET_HEADER)
                .filter(RECEIVE::equals)
                .isPresent();
        return poll ? new Poll(prepared) : prepared;
    }

    /** Ends the polls in flight and answers every later poll with no messages. */
    public void stop() {
        stopped = true;
        polls.forEach(ExecutableHttpRequest::abort);
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private final class Poll implements ExecutableHttpRequest {

        private final ExecutableHttpRequest request;

        Poll(ExecutableHttpRequest request) {
            this.request = request;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            polls.add(this);
            try {
                if (stopped) {
                    return noMessages();
                }
                return request.call();
            } catch (IOException | RuntimeException e) {
                if (stopped) {
                    return noMessages();
                }
                throw e;
            } finally {
                polls.remove(this);
            }
        }

        @Override
        public void abort() {
            request.abort();
        }
    }

    /** A {@code ReceiveMessage} answer in the AWS JSON protocol without messages. */
    private static HttpExecuteResponse noMessages() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder()
                        .statusCode(200)
                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                        .putHeader("Content-Length", Integer.toString(body.length))
                        .build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                .build();
    }
}
