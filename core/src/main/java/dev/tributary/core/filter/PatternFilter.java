package dev.tributary.core.filter;

import dev.tributary.core.format.EventJson;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * The {@code pattern} dialect: an Amazon EventBridge event pattern, matched by AWS's own
 * {@code event-ruler} against the event in its CloudEvents JSON form, so a pattern can name
 * attributes ({@code type}, {@code source}, extensions) and fields of JSON {@code data} alike.
 * Matching follows EventBridge: every field the pattern names must match (arrays match when any
 * element does); {@code prefix}, {@code suffix}, {@code numeric}, {@code anything-but},
 * {@code exists}, {@code equals-ignore-case}, {@code wildcard} and {@code $or} work as documented
 * there. An event whose JSON form cannot be read (data that is not the JSON it claims to be) fails
 * the filter. Immutable and thread-safe (the compiled machine is only read).
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html">EventBridge event patterns</a>
 */
public final class PatternFilter implements EventFilter {

    private static final String RULE = "pattern";

    private final String patternJson;
    private final Machine machine = new Machine();

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException with event-ruler's description (its first line) when the pattern is invalid
     */
    public PatternFilter(String patternJson) {
        this.patternJson = patternJson;
        String problem = JsonRuleCompiler.check(patternJson);
        if (problem != null) {
            throw new IllegalArgumentException(
                    problem.lines().findFirst().orElse(problem).strip());
        }
        try {
            machine.addRule(RULE, patternJson);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
        }
    }

    @Override
    public boolean test(CloudEvent event) {
        try {
            return !machine.rulesForJSONEvent(EventJson.tree(event)).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "pattern " + patternJson;
    }
}
