package io.creditlayer.fairness;

/** Outcome of one check. */
public enum CheckStatus {
    /** Judged, within bounds. */
    PASS,
    /** Judged, outside bounds. */
    FAIL,
    /** Not judged: the group (or the reference, or the dimension's judged groups) has too little data. */
    INSUFFICIENT_DATA,
    /**
     * Enough data, but the metric has no value: a zero denominator with enough rows (e.g. no approvals to compute
     * precision from), or a calibration check without probabilities. Fails the verdict: the policy asked for
     * evidence the audit cannot give.
     */
    UNDEFINED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Counts as judged (PASS or FAIL). */
    public boolean judged() {
        return this == PASS || this == FAIL;
    }
}
