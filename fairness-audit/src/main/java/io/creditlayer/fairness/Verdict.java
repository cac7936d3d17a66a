package io.creditlayer.fairness;

/** PASS only when at least one check was judged and none failed or was undefined. */
public enum Verdict {
    PASS, FAIL;

    public boolean passed() {
        return this == PASS;
    }
}
