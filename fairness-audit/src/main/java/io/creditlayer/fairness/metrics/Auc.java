package io.creditlayer.fairness.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntToDoubleFunction;

/**
 * Weighted Mann-Whitney AUC: the probability that a random positive scores above a random negative, ties counting
 * one half, each pair weighted by the product of the two rows' weights. O(n log n) by sorting and tie blocks.
 */
public final class Auc {
    private Auc() {
    }

    /** @param positive true for the class the score should rank high (in credit: defaulted, score = PD) */
    public static double of(double[] score, boolean[] positive, double[] weight) {
        int n = score.length;
        if (positive.length != n || (weight != null && weight.length != n)) {
            throw new IllegalArgumentException("arrays differ in length");
        }
        Integer[] order = ascendingOrder(n, i -> score[i]);
        double cumNeg = 0;
        double num = 0;
        double wPos = 0;
        double wNeg = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && score[order[end]] == score[order[start]]) {
                end++;
            }
            double blockPos = 0;
            double blockNeg = 0;
            for (int k = start; k < end; k++) {
                int i = order[k];
                double w = weight == null ? 1.0 : weight[i];
                if (positive[i]) {
                    blockPos += w;
                } else {
                    blockNeg += w;
                }
            }
            // positives in this block beat every negative below it and tie with the negatives in it
            num += blockPos * (cumNeg + 0.5 * blockNeg);
            cumNeg += blockNeg;
            wPos += blockPos;
            wNeg += blockNeg;
            start = end;
        }
        return wPos > 0 && wNeg > 0 ? num / (wPos * wNeg) : Double.NaN;
    }

    /** Indices 0..n-1 sorted by ascending {@code key} (stable: ties keep index order). */
    public static Integer[] ascendingOrder(int n, IntToDoubleFunction key) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(key::applyAsDouble));
        return order;
    }
}
