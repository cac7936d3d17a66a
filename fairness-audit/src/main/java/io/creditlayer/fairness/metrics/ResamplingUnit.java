package io.creditlayer.fairness.metrics;

import java.util.Locale;

/**
 * What one bootstrap draw picks, and how many there are to pick from: single rows, or whole clusters (every row of a
 * drawn cluster counts once per draw). An interval over clusters answers "how much would this move with other
 * wallets", one over rows "with other borrows of independent borrowers"; reports state which, so a reader knows.
 *
 * @param kind  rows or clusters
 * @param count how many rows, or how many distinct clusters
 */
public record ResamplingUnit(Kind kind, int count) {

    public enum Kind {
        ROWS,
        CLUSTERS;

        /** "rows" or "clusters", as reports write it. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ResamplingUnit {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (count < 1) {
            throw new IllegalArgumentException("a bootstrap needs at least one unit to draw, got " + count);
        }
    }

    public static ResamplingUnit rows(int rows) {
        return new ResamplingUnit(Kind.ROWS, rows);
    }

    public static ResamplingUnit clusters(int clusters) {
        return new ResamplingUnit(Kind.CLUSTERS, clusters);
    }

    public boolean clustered() {
        return kind == Kind.CLUSTERS;
    }

    /** "1,105 rows" or "412 clusters". */
    public String describe() {
        return String.format(Locale.ROOT, "%,d %s", count, kind.id());
    }
}
