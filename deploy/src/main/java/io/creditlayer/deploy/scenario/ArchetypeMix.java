package io.creditlayer.deploy.scenario;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Relative weights of the archetypes in a scenario (any non-negative numbers; they are normalised). Default:
 * 30% steady, 12% trader, 12% late repayer, 8% defaulter, 10% liquidated, 15% fresh, 8% sybil, 5% mixer user.
 *
 * @param weights weight per archetype; missing archetypes weigh 0
 */
public record ArchetypeMix(Map<Archetype, Double> weights) {

    public ArchetypeMix {
        EnumMap<Archetype, Double> copy = new EnumMap<>(Archetype.class);
        for (Archetype archetype : Archetype.values()) {
            double weight = weights.getOrDefault(archetype, 0.0);
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of " + archetype + " must be a non-negative number: " + weight);
            }
            copy.put(archetype, weight);
        }
        if (copy.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException("the archetype mix needs at least one positive weight");
        }
        weights = Collections.unmodifiableMap(copy);
    }

    public static ArchetypeMix defaults() {
        EnumMap<Archetype, Double> weights = new EnumMap<>(Archetype.class);
        weights.put(Archetype.STEADY, 30.0);
        weights.put(Archetype.TRADER, 12.0);
        weights.put(Archetype.LATE_REPAYER, 12.0);
        weights.put(Archetype.DEFAULTER, 8.0);
        weights.put(Archetype.LIQUIDATED, 10.0);
        weights.put(Archetype.FRESH, 15.0);
        weights.put(Archetype.SYBIL, 8.0);
        weights.put(Archetype.MIXER_USER, 5.0);
        return new ArchetypeMix(weights);
    }

    /**
     * Parses {@code steady=30,trader=12,...} (archetype names case-insensitive, '-' or '_'); unnamed archetypes weigh 0.
     */
    public static ArchetypeMix parse(String text) {
        EnumMap<Archetype, Double> weights = new EnumMap<>(Archetype.class);
        for (String part : text.split(",")) {
            String[] pair = part.strip().split("=");
            if (pair.length != 2) {
                throw new IllegalArgumentException("archetype mix entries look like name=weight: '" + part + "'");
            }
            Archetype archetype;
            try {
                archetype = Archetype.valueOf(pair[0].strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown archetype '" + pair[0].strip() + "'");
            }
            try {
                weights.put(archetype, Double.parseDouble(pair[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight of " + archetype + " is not a number: '" + pair[1].strip() + "'");
            }
        }
        return new ArchetypeMix(weights);
    }

    /**
     * Wallets per archetype for {@code wallets} wallets: largest-remainder rounding of the normalised weights, then
     * every archetype with a positive weight gets at least one wallet when there are enough wallets to go round
     * (taken from the largest group), so small scenarios still contain every archetype.
     */
    public Map<Archetype, Integer> counts(int wallets) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        EnumMap<Archetype, Integer> counts = new EnumMap<>(Archetype.class);
        EnumMap<Archetype, Double> remainders = new EnumMap<>(Archetype.class);
        int assigned = 0;
        for (Archetype archetype : Archetype.values()) {
            double exact = wallets * weights.get(archetype) / total;
            int whole = (int) Math.floor(exact);
            counts.put(archetype, whole);
            remainders.put(archetype, exact - whole);
            assigned += whole;
        }
        while (assigned < wallets) {
            Archetype best = null;
            for (Archetype archetype : Archetype.values()) {
                if (best == null || remainders.get(archetype) > remainders.get(best)) {
                    best = archetype;
                }
            }
            counts.merge(best, 1, Integer::sum);
            remainders.put(best, -1.0);
            assigned++;
        }
        long positive = weights.values().stream().filter(w -> w > 0).count();
        if (wallets >= positive) {
            for (Archetype archetype : Archetype.values()) {
                if (weights.get(archetype) > 0 && counts.get(archetype) == 0) {
                    Archetype largest = Archetype.STEADY;
                    for (Archetype other : Archetype.values()) {
                        if (counts.get(other) > counts.get(largest)) {
                            largest = other;
                        }
                    }
                    counts.merge(largest, -1, Integer::sum);
                    counts.put(archetype, 1);
                }
            }
        }
        return Collections.unmodifiableMap(counts);
    }
}
