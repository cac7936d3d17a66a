package io.creditlayer.model.calibration;

/**
 * Platt scaling: PD = 1 / (1 + exp(−(a·s + b))) for a raw log-odds s, with (a, b) the maximum-likelihood fit on
 * held-out rows (Newton-Raphson on the log-loss, plain 0/1 targets). An immutable fitted model.
 *
 * @param a slope
 * @param b intercept
 */
public record PlattScaling(double a, double b) implements Calibrator {
    public PlattScaling {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("Platt parameters must be finite: a=" + a + ", b=" + b);
        }
    }

    /** Fits (a, b) by Newton-Raphson; a tiny ridge (1e-9) keeps the Hessian invertible on separable data. */
    public static PlattScaling fit(double[] s, int[] y) {
        if (s.length != y.length || s.length < 2) {
            throw new IllegalArgumentException("Platt scaling needs at least two labelled scores");
        }
        double a = 1;
        double b = 0;
        double previous = Double.POSITIVE_INFINITY;
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9, loss = 0;
            for (int i = 0; i < s.length; i++) {
                double z = a * s[i] + b;
                double p = sigmoid(z);
                double d = p - y[i];
                ga += d * s[i];
                gb += d;
                double w = p * (1 - p);
                haa += w * s[i] * s[i];
                hab += w * s[i];
                hbb += w;
                loss += y[i] == 1 ? -logSigmoid(z) : -logSigmoid(-z);
            }
            double det = haa * hbb - hab * hab;
            if (det <= 0) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            // step halving keeps the loss from increasing
            double step = 1;
            double na = a - da;
            double nb = b - db;
            for (int h = 0; h < 30 && loss(s, y, na, nb) > loss + 1e-12; h++) {
                step /= 2;
                na = a - step * da;
                nb = b - step * db;
            }
            a = na;
            b = nb;
            if (Math.abs(previous - loss) < 1e-12 * Math.max(1, loss) && Math.abs(da) + Math.abs(db) < 1e-10) {
                break;
            }
            previous = loss;
        }
        if (a < 0) {
            // The calibration rows rank against the learner. A calibrator must never invert the ranking it calibrates,
            // so the slope is held at its bound (0): every row gets the calibration rows' default rate.
            double positives = 0;
            for (int label : y) {
                positives += label;
            }
            double rate = Math.clamp(positives / y.length, 1e-6, 1 - 1e-6);
            return new PlattScaling(0, Math.log(rate / (1 - rate)));
        }
        return new PlattScaling(a, b);
    }

    private static double loss(double[] s, int[] y, double a, double b) {
        double loss = 0;
        for (int i = 0; i < s.length; i++) {
            double z = a * s[i] + b;
            loss += y[i] == 1 ? -logSigmoid(z) : -logSigmoid(-z);
        }
        return loss;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double logSigmoid(double z) {
        return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    }

    @Override
    public double pd(double logOdds) {
        return Calibrator.clamp(sigmoid(a * logOdds + b));
    }

    @Override
    public String method() {
        return "platt";
    }
}
