package dev.tributary.gateway.testing;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts numbered events (like Knative's prober) per scenario: which were sent, how many times
 * each arrived at the sink, which were dead-lettered; reports sent / delivered / duplicated /
 * missing / dead-lettered. An event is missing when it was sent and neither delivered nor
 * dead-lettered. Thread-safe.
 */
public final class LossOracle {

    /** One scenario's figures. */
    public record Tally(String scenario, int sent, int delivered, int duplicated, int missing, int deadLettered) {
        @Override
        public String toString() {
            return String.format(
                    "%-28s sent %5d  delivered %5d  duplicated %4d  missing %4d  dead-lettered %4d",
                    scenario, sent, delivered, duplicated, missing, deadLettered);
        }
    }

    private final Map<String, Set<Integer>> sent = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, AtomicInteger>> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> deadLettered = new ConcurrentHashMap<>();

    public void sent(String scenario, int n) {
        sent.computeIfAbsent(scenario, s -> ConcurrentHashMap.newKeySet()).add(n);
    }

    public void delivered(String scenario, int n) {
        arrivals.computeIfAbsent(scenario, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(n, k -> new AtomicInteger())
                .incrementAndGet();
    }

    public void deadLettered(String scenario, int n) {
        deadLettered
                .computeIfAbsent(scenario, s -> ConcurrentHashMap.newKeySet())
                .add(n);
    }

    public Tally tally(String scenario) {
        Set<Integer> out = sent.getOrDefault(scenario, Set.of());
        Map<Integer, AtomicInteger> in = arrivals.getOrDefault(scenario, Map.of());
        Set<Integer> dead = deadLettered.getOrDefault(scenario, Set.of());
        int duplicated = in.values().stream().mapToInt(count -> count.get() - 1).sum();
        int missing = (int) out.stream()
                .filter(n -> !in.containsKey(n) && !dead.contains(n))
                .count();
        return new Tally(scenario, out.size(), in.size(), duplicated, missing, dead.size());
    }

    /** Whether every sent event of the scenario arrived or was dead-lettered. */
    public boolean complete(String scenario) {
        return tally(scenario).missing() == 0;
    }

    /** All scenarios, in name order. */
    public Map<String, Tally> tallies() {
        Map<String, Tally> all = new TreeMap<>();
        sent.keySet().forEach(scenario -> all.put(scenario, tally(scenario)));
        return all;
    }
}
