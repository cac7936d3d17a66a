package io.creditlayer.model.data;

import io.creditlayer.model.CreditModelException;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Seeded, stratified k-fold assignment and time-ordered train/validation/test splits. */
public final class Splits {
    private Splits() {
    }

    /**
     * Fold (0..folds-1) of each row: the rows of each class are shuffled with a seeded generator and dealt
     * round-robin, continuing from one class to the next, so every fold has the class mix of the whole.
     */
    public static int[] stratifiedFolds(int[] y, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("need at least 2 folds: " + folds);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] fold = new int[y.length];
        int next = 0;
        for (int cls = 1; cls >= 0; cls--) {
            final int c = cls;
            int[] rows = IntStream.range(0, y.length).filter(i -> y[i] == c).toArray();
            for (int i = rows.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            for (int row : rows) {
                fold[row] = next++ % folds;
            }
        }
        return fold;
    }

    /** Indices of the rows in (inFold) or out of a fold. */
    public static int[] rows(int[] fold, int f, boolean inFold) {
        return IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == inFold).toArray();
    }

    /**
     * A time-ordered split.
     *
     * @param train      rows for fitting, earliest first
     * @param validation rows for model choice and calibration, all strictly later than training
     * @param test       rows for the reported metrics, all strictly later than validation
     */
    public record TimeSplit(int[] train, int[] validation, int[] test) {
    }

    /**
     * Sorts rows by time (stable: ties keep file order) and cuts at the given shares. A cut never separates rows
     * with the same time: it moves forward past the tie, so every validation row is strictly later than every
     * training row, and every test row strictly later than every validation row (no future leakage).
     */
    public static TimeSplit timeOrdered(long[] time, double trainShare, double validationShare) {
        if (time == null) {
            throw new CreditModelException("a time-ordered split needs a time column");
        }
        int n = time.length;
        Integer[] boxed = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingLong(i -> time[i]));
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        int cut1 = advancePastTies(order, time, (int) Math.round(n * trainShare));
        int cut2 = advancePastTies(order, time, Math.max(cut1, (int) Math.round(n * (trainShare + validationShare))));
        return new TimeSplit(Arrays.copyOfRange(order, 0, cut1), Arrays.copyOfRange(order, cut1, cut2),
                Arrays.copyOfRange(order, cut2, n));
    }

    private static int advancePastTies(int[] order, long[] time, int cut) {
        int c = Math.max(0, Math.min(order.length, cut));
        while (c > 0 && c < order.length && time[order[c]] == time[order[c - 1]]) {
            c++;
        }
        return c;
    }
}
