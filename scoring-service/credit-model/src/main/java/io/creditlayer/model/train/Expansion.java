package io.creditlayer.model.train;

import io.creditlayer.model.CreditModelException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Applies {@link ClassWeighting} and the weight column by repeating training rows (frequency weights). */
final class Expansion {
    /** Expanded rows are capped at this multiple of the input rows. */
    static final int MAX_FACTOR = 50;

    final double[][] x;
    final int[] y;

    private Expansion(double[][] x, int[] y) {
        this.x = x;
        this.y = y;
    }

    static Expansion of(double[][] x, int[] y, double[] weights, ClassWeighting weighting, long seed) {
        int n = x.length;
        double[] w = new double[n];
        double sumPos = 0;
        double sumNeg = 0;
        for (int i = 0; i < n; i++) {
            w[i] = weights == null ? 1.0 : weights[i];
            if (y[i] == 1) {
                sumPos += w[i];
            } else {
                sumNeg += w[i];
            }
        }
        if (weighting == ClassWeighting.BALANCED && sumPos > 0 && sumNeg > 0) {
            double pos = sumPos < sumNeg ? sumNeg / sumPos : 1;
            double neg = sumNeg < sumPos ? sumPos / sumNeg : 1;
            for (int i = 0; i < n; i++) {
                w[i] *= y[i] == 1 ? pos : neg;
            }
        }
        if (weights == null && weighting == ClassWeighting.NONE) {
            return new Expansion(x, y);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> ex = new ArrayList<>(n);
        List<Integer> ey = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int copies = (int) Math.floor(w[i]);
            if (random.nextDouble() < w[i] - copies) {
                copies++;
            }
            for (int c = 0; c < copies; c++) {
                ex.add(x[i]);
                ey.add(y[i]);
            }
        }
        if (ex.size() > (long) MAX_FACTOR * n) {
            throw new CreditModelException("weights expand " + n + " training rows to " + ex.size()
                    + " (more than " + MAX_FACTOR + "x): rescale the weight column");
        }
        int[] outY = ey.stream().mapToInt(Integer::intValue).toArray();
        int positives = 0;
        for (int v : outY) {
            positives += v;
        }
        if (positives == 0 || positives == outY.length) {
            throw new CreditModelException("after weighting the training rows hold only one class");
        }
        return new Expansion(ex.toArray(double[][]::new), outY);
    }
}
