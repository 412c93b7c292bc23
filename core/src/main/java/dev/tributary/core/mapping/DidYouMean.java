package dev.tributary.core.mapping;

import java.util.Collection;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Suggests the closest known name for a misspelt one. */
final class DidYouMean {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private DidYouMean() {}

    /** {@code " (did you mean 'x'?)"} for a close enough candidate, otherwise the list of valid names. */
    static String hint(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (!given.isEmpty() && candidate.startsWith(given)) {
                return " (did you mean '" + candidate + "'?)";
            }
            int distance = DISTANCE.apply(
                    given.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance <= Math.max(2, given.length() / 3)) {
            return " (did you mean '" + best + "'?)";
        }
        return candidates.isEmpty() ? "" : " (expected one of " + String.join(", ", candidates) + ")";
    }
}
