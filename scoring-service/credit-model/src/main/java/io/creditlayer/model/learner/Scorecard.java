package io.creditlayer.model.learner;

import io.creditlayer.model.data.FeatureDef;
import io.creditlayer.model.data.FeatureSchema;
import smile.classification.LogisticRegression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpretable baseline: a logistic-regression scorecard on weight-of-evidence values.
 *
 * <p>Each feature is binned ({@link WoeBins}, monotone for numeric features) and replaced by its bin's WoE;
 * features whose information value is under {@code minIv} are dropped; Smile's {@link LogisticRegression} is
 * fitted on the WoE values of the rest. With risk-oriented WoE every coefficient should be positive: a feature
 * whose coefficient comes out negative (collinearity) is dropped and the regression refitted, as scorecard
 * practice requires, until all are positive.
 *
 * <p>log-odds(x) = β₀ + Σ_j β_j·WoE_j(x_j). The contribution of feature j is β_j·(WoE_j(x_j) − mean_j), with
 * mean_j the mean WoE over the training rows, so the base value is β₀ + Σ_j β_j·mean_j and contributions plus
 * base equal the log-odds exactly.
 */
public final class Scorecard implements Learner {
    private static final long serialVersionUID = 1L;

    /**
     * Hyperparameters.
     *
     * @param maxBins  initial quantile bins of a numeric feature
     * @param minShare minimum share of rows in a bin
     * @param minIv    features with a lower information value are dropped (0.02: "not predictive")
     * @param lambda   L2 penalty of the logistic regression (Smile's lambda)
     */
    public record Options(int maxBins, double minShare, double minIv, double lambda) implements java.io.Serializable {
        public Options {
            if (maxBins < 2) {
                throw new IllegalArgumentException("maxBins must be at least 2: " + maxBins);
            }
            if (!(minShare >= 0 && minShare < 0.5)) {
                throw new IllegalArgumentException("minShare must be in [0, 0.5): " + minShare);
            }
            if (!(minIv >= 0)) {
                throw new IllegalArgumentException("minIv must be at least 0: " + minIv);
            }
            if (!(lambda >= 0)) {
                throw new IllegalArgumentException("lambda must be at least 0: " + lambda);
            }
        }

        public static Options defaults() {
            return new Options(10, 0.05, 0.02, 0.01);
        }
    }

    private final WoeBins[] bins;
    private final double[] beta;
    private final double intercept;
    private final double[] meanWoe;
    private final Options options;

    private Scorecard(WoeBins[] bins, double[] beta, double intercept, double[] meanWoe, Options options) {
        this.bins = bins;
        this.beta = beta;
        this.intercept = intercept;
        this.meanWoe = meanWoe;
        this.options = options;
    }

    public static Scorecard fit(FeatureSchema schema, double[][] x, int[] y, Options options) {
        int p = schema.size();
        int n = x.length;
        WoeBins[] bins = new WoeBins[p];
        double[][] woe = new double[p][n];
        double[] column = new double[n];
        List<Integer> selected = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                column[i] = x[i][j];
            }
            FeatureDef f = schema.feature(j);
            bins[j] = f.categorical()
                    ? WoeBins.categorical(f, column, y, options.minShare())
                    : WoeBins.numeric(f.name(), column, y, options.maxBins(), options.minShare());
            for (int i = 0; i < n; i++) {
                woe[j][i] = bins[j].woe(column[i]);
            }
            if (bins[j].iv() >= options.minIv() && bins[j].bins() > 1) {
                selected.add(j);
            }
        }
        double[] beta = new double[p];
        double intercept = 0;
        while (true) {
            if (selected.isEmpty()) {
                double rate = 0;
                for (int v : y) {
                    rate += v;
                }
                rate = (rate + 0.5) / (n + 1);
                intercept = Math.log(rate / (1 - rate));
                break;
            }
            double[][] design = new double[n][selected.size()];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < selected.size(); k++) {
                    design[i][k] = woe[selected.get(k)][i];
                }
            }
            LogisticRegression.Binomial lr = LogisticRegression.binomial(design, y,
                    new LogisticRegression.Options(options.lambda(), 1e-7, 1000));
            double[] w = lr.coefficients();
            int worst = -1;
            for (int k = 0; k < selected.size(); k++) {
                if (w[k] <= 0 && (worst < 0 || w[k] < w[worst])) {
                    worst = k;
                }
            }
            if (worst >= 0) {
                selected.remove(worst);
                continue;
            }
            java.util.Arrays.fill(beta, 0);
            for (int k = 0; k < selected.size(); k++) {
                beta[selected.get(k)] = w[k];
            }
            intercept = w[selected.size()];
            break;
        }
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += woe[j][i];
            }
            mean[j] = s / n;
        }
        return new Scorecard(bins, beta, intercept, mean, options);
    }

    @Override
    public String type() {
        return "scorecard";
    }

    @Override
    public int features() {
        return bins.length;
    }

    @Override
    public double logOdds(double[] x) {
        double z = intercept;
        for (int j = 0; j < bins.length; j++) {
            if (beta[j] != 0) {
                z += beta[j] * bins[j].woe(x[j]);
            }
        }
        return z;
    }

    @Override
    public double baseLogOdds() {
        double z = intercept;
        for (int j = 0; j < bins.length; j++) {
            z += beta[j] * meanWoe[j];
        }
        return z;
    }

    @Override
    public double[] contributions(double[] x) {
        double[] phi = new double[bins.length];
        for (int j = 0; j < bins.length; j++) {
            if (beta[j] != 0) {
                phi[j] = beta[j] * (bins[j].woe(x[j]) - meanWoe[j]);
            }
        }
        return phi;
    }

    public WoeBins bins(int feature) {
        return bins[feature];
    }

    public double coefficient(int feature) {
        return beta[feature];
    }

    public double intercept() {
        return intercept;
    }

    public Options options() {
        return options;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("library", "own WoE binning + smile-core LogisticRegression");
        d.put("maxBins", options.maxBins());
        d.put("minShare", options.minShare());
        d.put("minIv", options.minIv());
        d.put("lambda", options.lambda());
        d.put("intercept", intercept);
        List<Map<String, Object>> vars = new ArrayList<>();
        for (int j = 0; j < bins.length; j++) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("feature", bins[j].name());
            v.put("iv", bins[j].iv());
            v.put("coefficient", beta[j]);
            List<Map<String, Object>> bs = new ArrayList<>();
            for (int b = 0; b < bins[j].bins(); b++) {
                Map<String, Object> bin = new LinkedHashMap<>();
                bin.put("bin", bins[j].label(b));
                bin.put("goods", bins[j].goods(b));
                bin.put("bads", bins[j].bads(b));
                bin.put("woe", bins[j].woeOfBin(b));
                bs.add(bin);
            }
            v.put("bins", bs);
            vars.add(v);
        }
        d.put("variables", vars);
        return d;
    }
}
