package dev.tributary.core.transform;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import dev.tributary.core.format.EventJson;
import io.cloudevents.CloudEvent;
import java.time.Duration;

/**
 * A route's {@code transform: {jsonata: ...}}, as Knative's EventTransform: the expression is
 * evaluated over the whole event in its JSON form ({@code {"specversion": ..., "type": ...,
 * "data": {...}}}) and its result, read back as a CloudEvent, replaces the event.
 *
 * <p>The expression is parsed once, at construction. Each evaluation runs on the calling thread
 * within a time budget and a call-depth limit, so a runaway expression fails instead of holding a
 * delivery thread. Immutable and thread-safe (each evaluation has its own frame).
 *
 * @see <a href="https://knative.dev/docs/eventing/transforms/event-transform-jsonata/">Knative EventTransform with JSONata</a>
 */
public final class JsonataTransform {

    /** How long one evaluation may take unless the route says otherwise: {@value} ms. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 100;
    /** The deepest call stack an evaluation may build: {@value}. */
    public static final int MAX_DEPTH = 200;

    private final String expressionText;
    private final Jsonata expression;
    private final long timeoutMillis;

    /**
     * Parses an expression.
     *
     * @param timeout the evaluation budget per event
     * @throws JException when the expression is not valid JSONata; its {@code getLocation()} is the
     *     character offset of the problem
     */
    public JsonataTransform(String expressionText, Duration timeout) {
        this.expressionText = expressionText;
        this.expression = Jsonata.jsonata(expressionText);
        this.timeoutMillis = Math.max(1, timeout.toMillis());
    }

    /**
     * Transforms an event.
     *
     * @throws TransformException when evaluation fails (an error, the time budget or the depth
     *     limit exceeded) or its result is not a valid CloudEvent
     */
    public CloudEvent apply(CloudEvent event) throws TransformException {
        Object input = EventJson.plain(EventJson.tree(event));
        Object result;
        try {
            Jsonata.Frame frame = expression.createFrame();
            frame.setRuntimeBounds(timeoutMillis, MAX_DEPTH);
            result = expression.evaluate(input, frame);
        } catch (JException e) {
            throw new TransformException("jsonata evaluation failed: " + e.getMessage(), e);
        } catch (StackOverflowError | RuntimeException e) {
            throw new TransformException("jsonata evaluation failed: " + e, e);
        }
        if (result == null) {
            throw new TransformException("jsonata result is empty (no CloudEvent)", null);
        }
        try {
            return EventJson.read(EventJson.treeOf(result));
        } catch (IllegalArgumentException e) {
            throw new TransformException("jsonata result is " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JsonataTransform{" + expressionText.strip() + "}";
    }
}
