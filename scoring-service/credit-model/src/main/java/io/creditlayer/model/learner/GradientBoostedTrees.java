package io.creditlayer.model.learner;

import io.creditlayer.model.data.FeatureSchema;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.model.cart.InternalNode;
import smile.model.cart.Node;
import smile.model.cart.RegressionNode;
import smile.regression.RegressionTree;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient-boosted regression trees for the log-odds of default: Smile's {@link GradientTreeBoost} (Friedman's
 * L2-TreeBoost with the binomial deviance, stochastic subsampling) on one-hot expanded features.
 *
 * <p><b>Units.</b> Smile's binary boosting codes the label as y ∈ {−1, 1} and fits a margin
 * F(x) = b + η·Σ_t f_t(x) with P(default) = 1 / (1 + exp(−2F)): F is <em>half</em> the log-odds. This class reports
 * log-odds = 2F. The intercept b = ½·ln((1 + ȳ) / (1 − ȳ)) is the half log-odds of the training base rate.
 *
 * <p><b>SHAP.</b> Each tree's exact tree SHAP values (Smile's {@code CART.shap}, path-dependent TreeSHAP over the
 * node sample counts) sum to f_t(x) − E[f_t]; scaling by the shrinkage η and by 2 gives log-odds contributions
 * that sum, with the base 2·(b + η·Σ_t E[f_t]), to the log-odds. ({@code GradientTreeBoost.shap} itself averages
 * the trees' values without the shrinkage: it equals these contributions divided by 2·η·ntrees.) Contributions of
 * the one-hot columns of a categorical feature are summed back to the feature.
 */
public final class GradientBoostedTrees implements Learner {
    private static final long serialVersionUID = 1L;
    private static final String RESPONSE = "_default";

    /**
     * Hyperparameters of Smile's GradientTreeBoost.
     *
     * @param ntrees    boosting iterations (trees)
     * @param maxDepth  maximum depth of a tree
     * @param maxNodes  maximum number of leaves of a tree
     * @param nodeSize  minimum rows in a leaf
     * @param shrinkage learning rate η in (0, 1]
     * @param subsample share of rows (stratified) each tree is fitted on, in (0, 1]
     */
    public record Options(int ntrees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample)
            implements java.io.Serializable {
        public Options {
            if (ntrees < 1) {
                throw new IllegalArgumentException("ntrees must be at least 1: " + ntrees);
            }
            if (maxDepth < 2) {
                throw new IllegalArgumentException("maxDepth must be at least 2: " + maxDepth);
            }
            if (maxNodes < 2) {
                throw new IllegalArgumentException("maxNodes must be at least 2: " + maxNodes);
            }
            if (nodeSize < 1) {
                throw new IllegalArgumentException("nodeSize must be at least 1: " + nodeSize);
            }
            if (!(shrinkage > 0 && shrinkage <= 1)) {
                throw new IllegalArgumentException("shrinkage must be in (0, 1]: " + shrinkage);
            }
            if (!(subsample > 0 && subsample <= 1)) {
                throw new IllegalArgumentException("subsample must be in (0, 1]: " + subsample);
            }
        }

        /** Tuned on the German credit data (5-fold CV, docs/model.md). */
        public static Options defaults() {
            return new Options(500, 20, 5, 8, 0.02, 0.5);
        }
    }

    private final GradientTreeBoost model;
    private final RegressionTree[] trees;
    private final StructType schema;
    private final OneHot encoder;
    private final Options options;
    private final double intercept;
    private final double base;

    private GradientBoostedTrees(GradientTreeBoost model, OneHot encoder, Options options, double intercept) {
        this.model = model;
        this.trees = model.trees()[0]; // binary: one sequence of trees
        this.schema = trees[0].schema();
        this.encoder = encoder;
        this.options = options;
        this.intercept = intercept;
        double expected = 0;
        for (RegressionTree tree : trees) {
            expected += expectation(tree.root()) / tree.root().size();
        }
        this.base = 2 * (intercept + options.shrinkage() * expected);
    }

    /**
     * Fits on rows of a schema's feature vectors with labels 1 = default. Seeds Smile's generator of the calling
     * thread ({@link MathEx#setSeed}), so the same rows, options and seed give the same trees.
     */
    public static GradientBoostedTrees fit(FeatureSchema featureSchema, double[][] x, int[] y, Options options, long seed) {
        OneHot encoder = new OneHot(featureSchema);
        double[][] encoded = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            encoded[i] = encoder.encode(x[i]);
        }
        DataFrame data = DataFrame.of(encoded, encoder.names()).add(new IntVector(RESPONSE, y.clone()));
        MathEx.setSeed(seed);
        GradientTreeBoost model = GradientTreeBoost.fit(Formula.lhs(RESPONSE), data,
                new GradientTreeBoost.Options(options.ntrees(), options.maxDepth(), options.maxNodes(),
                        options.nodeSize(), options.shrinkage(), options.subsample(), null, null));
        // Smile's binomial intercept: half the log-odds of the base rate, from the mean of y in {-1, 1}
        int[] pm = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            pm[i] = 2 * y[i] - 1;
        }
        double mu = MathEx.mean(pm);
        double b = 0.5 * Math.log((1 + mu) / (1 - mu));
        GradientBoostedTrees fitted = new GradientBoostedTrees(model, encoder, options, b);
        fitted.checkAgainstSmile(encoded[0]);
        return fitted;
    }

    /** Our margin must be Smile's: compares with its posterior on one row. */
    private void checkAgainstSmile(double[] encodedRow) {
        double[] posterior = new double[2];
        model.predict(Tuple.of(schema, encodedRow), posterior);
        double ours = 2 * margin(Tuple.of(schema, encodedRow));
        double smiles = Math.log(posterior[1] / posterior[0]);
        if (Math.abs(ours - smiles) > 1e-6 * Math.max(1, Math.abs(smiles))) {
            throw new IllegalStateException("log-odds differ from Smile's posterior: " + ours + " vs " + smiles);
        }
    }

    private static double expectation(Node node) {
        if (node instanceof InternalNode internal) {
            return expectation(internal.trueChild()) + expectation(internal.falseChild());
        }
        return ((RegressionNode) node).output() * node.size();
    }

    private double margin(Tuple xt) {
        double f = 0;
        for (RegressionTree tree : trees) {
            f += tree.predict(xt);
        }
        return intercept + options.shrinkage() * f;
    }

    @Override
    public String type() {
        return "gbt";
    }

    @Override
    public int features() {
        return encoder.rawWidth();
    }

    @Override
    public double logOdds(double[] x) {
        return 2 * margin(Tuple.of(schema, encoder.encode(x)));
    }

    @Override
    public double baseLogOdds() {
        return base;
    }

    @Override
    public double[] contributions(double[] x) {
        Tuple xt = Tuple.of(schema, encoder.encode(x));
        double[] phi = new double[encoder.width()];
        for (RegressionTree tree : trees) {
            double[] t = tree.shap(xt);
            for (int c = 0; c < phi.length; c++) {
                phi[c] += t[c];
            }
        }
        double scale = 2 * options.shrinkage();
        for (int c = 0; c < phi.length; c++) {
            phi[c] *= scale;
        }
        return encoder.collapse(phi);
    }

    /** Smile's own {@code GradientTreeBoost.shap} of a row (per expanded column, averaged over trees, no shrinkage). */
    public double[] smileShap(double[] x) {
        double[] both = model.shap(Tuple.of(schema, encoder.encode(x)));
        double[] out = new double[encoder.width()];
        for (int c = 0; c < out.length; c++) {
            out[c] = both[2 * c + 1];
        }
        return out;
    }

    /** Contributions per expanded (one-hot) column, in log-odds. */
    public double[] expandedContributions(double[] x) {
        Tuple xt = Tuple.of(schema, encoder.encode(x));
        double[] phi = new double[encoder.width()];
        for (RegressionTree tree : trees) {
            double[] t = tree.shap(xt);
            for (int c = 0; c < phi.length; c++) {
                phi[c] += 2 * options.shrinkage() * t[c];
            }
        }
        return phi;
    }

    public String[] expandedNames() {
        return encoder.names();
    }

    public Options options() {
        return options;
    }

    public int size() {
        return trees.length;
    }

    /** Half log-odds intercept b of Smile's margin. */
    public double intercept() {
        return intercept;
    }

    /** The fitted Smile model. */
    public GradientTreeBoost smile() {
        return model;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("library", "smile-core GradientTreeBoost");
        d.put("ntrees", options.ntrees());
        d.put("maxDepth", options.maxDepth());
        d.put("maxNodes", options.maxNodes());
        d.put("nodeSize", options.nodeSize());
        d.put("shrinkage", options.shrinkage());
        d.put("subsample", options.subsample());
        d.put("expandedColumns", encoder.width());
        d.put("interceptHalfLogOdds", intercept);
        d.put("baseLogOdds", base);
        return d;
    }
}
