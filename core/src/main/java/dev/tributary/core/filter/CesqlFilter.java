package dev.tributary.core.filter;

import io.cloudevents.CloudEvent;
import io.cloudevents.sql.EvaluationRuntime;
import io.cloudevents.sql.Expression;
import io.cloudevents.sql.ParseException;
import io.cloudevents.sql.Parser;
import io.cloudevents.sql.Result;

/**
 * The {@code cesql} dialect: a CloudEvents SQL expression, parsed once by {@code cloudevents-sql}.
 * The event passes only when evaluation succeeds without error and yields boolean {@code true}:
 * a missing attribute or a failed cast fails the filter (as in Knative), rather than letting a
 * partial result through.
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/main/cesql/spec.md">CESQL v1</a>
 */
public final class CesqlFilter implements EventFilter {

    private final String expressionText;
    private final Expression expression;
    private final EvaluationRuntime runtime = EvaluationRuntime.getDefault();

    /**
     * Parses an expression.
     *
     * @throws ParseException when the expression is not valid CESQL
     */
    public CesqlFilter(String expressionText) {
        this.expressionText = expressionText;
        this.expression = Parser.parseDefault(expressionText);
    }

    @Override
    public boolean test(CloudEvent event) {
        Result result = expression.evaluate(runtime, event);
        return !result.isFailed() && Boolean.TRUE.equals(result.value());
    }

    @Override
    public String toString() {
        return "CesqlFilter{" + expressionText + "}";
    }
}
