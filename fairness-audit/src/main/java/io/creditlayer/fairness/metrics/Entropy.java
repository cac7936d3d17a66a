package io.creditlayer.fairness.metrics;

/**
 * Generalized entropy index of individual benefits (Speicher et al. 2018, as in AIF360): with mean benefit mu,
 * GE(alpha) = 1 / (n alpha (alpha - 1)) * sum((b_i / mu)^alpha - 1); alpha = 1 is the Theil index
 * (1/n) sum (b_i/mu) ln(b_i/mu) with 0 ln 0 = 0; alpha = 0 is the mean log deviation -(1/n) sum ln(b_i/mu),
 * infinite when any benefit is 0. Weighted: n becomes the total weight and each term carries its row's weight.
 * In the audit b_i = approved_i - repaid_i + 1 (AIF360's b = y_pred - y_true + 1 with 1 = favourable): 0 for a
 * refused repayer, 1 for a correct decision, 2 for an approved defaulter.
 *
 * <p>StrictMath, not Math: the report is hashed, and Math.log/pow may differ in the last bit across CPUs.
 */
public final class Entropy {
    private Entropy() {
    }

    public static double generalizedEntropyIndex(double[] benefit, double[] weight, double alpha) {
        double total = 0;
        double sum = 0;
        for (int i = 0; i < benefit.length; i++) {
            double w = weight == null ? 1.0 : weight[i];
            if (benefit[i] < 0) {
                throw new IllegalArgumentException("benefits must be >= 0");
            }
            total += w;
            sum += w * benefit[i];
        }
        if (!(total > 0) || !(sum > 0)) {
            return Double.NaN;
        }
        double mu = sum / total;
        double acc = 0;
        for (int i = 0; i < benefit.length; i++) {
            double w = weight == null ? 1.0 : weight[i];
            acc += w * term(benefit[i] / mu, alpha);
        }
        return finish(acc / total, alpha);
    }

    public static double theilIndex(double[] benefit, double[] weight) {
        return generalizedEntropyIndex(benefit, weight, 1.0);
    }

    /**
     * The same index for a population whose benefits take a few values: {@code value[k]} with total weight
     * {@code mass[k]}. The audit uses it with the confusion-matrix masses of b = 0, 1, 2, and with group means.
     */
    static double fromMasses(double[] value, double[] mass, double alpha) {
        double total = 0;
        double sum = 0;
        for (int k = 0; k < value.length; k++) {
            total += mass[k];
            sum += mass[k] * value[k];
        }
        if (!(total > 0) || !(sum > 0)) {
            return Double.NaN;
        }
        double mu = sum / total;
        double acc = 0;
        for (int k = 0; k < value.length; k++) {
            if (mass[k] > 0) {
                acc += mass[k] * term(value[k] / mu, alpha);
            }
        }
        return finish(acc / total, alpha);
    }

    private static double term(double x, double alpha) {
        if (alpha == 1.0) {
            return x == 0 ? 0 : x * StrictMath.log(x);
        }
        if (alpha == 0.0) {
            return x == 0 ? Double.POSITIVE_INFINITY : -StrictMath.log(x);
        }
        if (x == 0) {
            return alpha > 0 ? -1 : Double.POSITIVE_INFINITY;
        }
        return StrictMath.pow(x, alpha) - 1;
    }

    private static double finish(double mean, double alpha) {
        if (alpha == 1.0 || alpha == 0.0) {
            return mean;
        }
        return mean / (alpha * (alpha - 1));
    }
}
