package io.creditlayer.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditlayer.model.artifact.Manifests;
import io.creditlayer.model.artifact.ModelArtifact;
import io.creditlayer.model.calibration.Calibrator;
import io.creditlayer.model.data.ColumnSpec;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.model.data.FeatureDef;
import io.creditlayer.model.data.FeatureSchema;
import io.creditlayer.model.explain.ReasonCatalogue;
import io.creditlayer.model.learner.Learner;
import io.creditlayer.model.metrics.PopulationReference;
import io.creditlayer.model.scoring.ScoreScale;
import io.creditlayer.model.scoring.TierPolicy;
import io.creditlayer.model.scoring.TierTerms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A fitted, calibrated credit model with its score scale, tier policy and reason catalogue: the service's entry
 * point. Immutable and thread-safe; load one with {@link #load(Path)} (which verifies the artifact hash) or get one
 * from {@code ModelTrainer.fit}.
 *
 * <p>Input is a feature vector in the schema's order ({@link #schema()}); a categorical feature is passed as the
 * index of its level. Scoring: raw log-odds (learner) → PD (calibrator) → score (PDO scale) → tier and collateral
 * ratio (policy).
 */
public final class CreditModel {
    private final ModelArtifact artifact;
    private final String modelId;
    private final FeatureSchema schema;
    private final ColumnSpec columns;
    private final Learner learner;
    private final Calibrator calibrator;
    private final TierPolicy policy;
    private final PopulationReference reference;
    private final ReasonCatalogue reasons;

    private CreditModel(ModelArtifact artifact, Learner learner) {
        this.artifact = artifact;
        this.modelId = artifact.hash();
        JsonNode m = artifact.manifest();
        this.schema = Manifests.schema(m.required("schema"));
        this.columns = Manifests.columns(m.required("columns"));
        this.learner = learner;
        this.calibrator = Manifests.calibrator(m.required("calibration"));
        this.policy = TierPolicy.fromJson(m.required("policy"));
        this.reference = PopulationReference.fromJson(m.required("reference"));
        this.reasons = ReasonCatalogue.of(schema.version());
        if (learner.features() != schema.size()) {
            throw new CreditModelException("artifact " + modelId + ": the model takes " + learner.features()
                    + " features but the schema lists " + schema.size());
        }
    }

    /** A model from a sealed artifact (the trainer's path; {@link #load} verifies the files first). */
    public static CreditModel of(ModelArtifact artifact) {
        return new CreditModel(artifact, artifact.learner());
    }

    /** Loads an artifact directory, refusing it if its files do not match its recorded hash. */
    public static CreditModel load(Path dir) {
        return of(ModelArtifact.read(dir));
    }

    /**
     * Loads an artifact directory and refuses it unless its feature schema is {@code expected} (same version and
     * hash), e.g. {@code WalletV1.schema()} for the profiles the extractor produces.
     */
    public static CreditModel load(Path dir, FeatureSchema expected) {
        CreditModel model = load(dir);
        model.schema.requireSame(expected, "artifact " + dir);
        return model;
    }

    /**
     * Loads an artifact directory and refuses it unless its hash is {@code expectedModelId} (for instance the
     * artifact hash an approved ModelRegistry entry records) and its schema is {@code expected}.
     */
    public static CreditModel load(Path dir, FeatureSchema expected, String expectedModelId) {
        CreditModel model = load(dir, expected);
        if (!model.modelId.equalsIgnoreCase(expectedModelId)) {
            throw new CreditModelException("artifact " + dir + " is model " + model.modelId + ", expected "
                    + expectedModelId);
        }
        return model;
    }

    /** Throws a one-line error unless the data's schema is this model's. */
    public void requireSchema(FeatureSchema offered) {
        schema.requireSame(offered, "model " + modelId);
    }

    /** The calibrated PD, score, tier and collateral ratio of a profile. */
    public Score score(double[] features) {
        schema.requireValid(features);
        return scoreOf(learner.logOdds(features));
    }

    private Score scoreOf(double logOdds) {
        double pd = calibrator.pd(logOdds);
        int score = policy.scale().score(pd);
        int tier = policy.tier(score);
        return new Score(pd, score, tier, policy.terms(tier).collateralRatioBps(), modelId);
    }

    /** Scores many profiles in parallel (same results as {@link #score} one by one). */
    public Score[] scoreAll(double[][] rows) {
        Score[] out = new Score[rows.length];
        IntStream.range(0, rows.length).parallel().forEach(i -> out[i] = score(rows[i]));
        return out;
    }

    /** The raw log-odds of default (before calibration). */
    public double logOdds(double[] features) {
        schema.requireValid(features);
        return learner.logOdds(features);
    }

    /** The calibrated PD. */
    public double pd(double[] features) {
        return calibrator.pd(logOdds(features));
    }

    /** The result for a wallet without a valid profile: tier 0 (unscored) and its collateral ratio. */
    public Score unscored() {
        TierTerms t = policy.unscored();
        return new Score(Double.NaN, 0, t.tier(), t.collateralRatioBps(), modelId);
    }

    /**
     * Scores a profile and explains it: every feature's contribution to the log-odds (tree SHAP for boosted trees,
     * coefficient × WoE relative to the mean for the scorecard), most adverse first, and reason texts for up to
     * {@code top} features that raised the PD.
     */
    public Explanation explain(double[] features, int top) {
        if (top < 0) {
            throw new IllegalArgumentException("top must be at least 0: " + top);
        }
        schema.requireValid(features);
        double logOdds = learner.logOdds(features);
        double[] phi = learner.contributions(features);
        List<Contribution> contributions = new ArrayList<>(phi.length);
        for (int j = 0; j < phi.length; j++) {
            FeatureDef f = schema.feature(j);
            contributions.add(new Contribution(f.name(), features[j], display(f, features[j]), phi[j]));
        }
        contributions.sort(Comparator.comparingDouble(Contribution::logOdds).reversed()
                .thenComparing(Contribution::feature));
        List<Reason> out = new ArrayList<>();
        for (Contribution c : contributions) {
            if (out.size() >= top || c.logOdds() <= 0) {
                break;
            }
            int j = schema.indexOf(c.feature());
            out.add(new Reason(c.feature(), reasons.text(schema.feature(j), c.value(), reference.median(j)), c.logOdds()));
        }
        return new Explanation(scoreOf(logOdds), logOdds, learner.baseLogOdds(), contributions, out,
                learner.type().equals("gbt") ? "tree-shap" : "woe-linear");
    }

    private static String display(FeatureDef f, double v) {
        if (f.categorical()) {
            return f.levels().get((int) v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** PSI of a data set's features and scores against the training population. */
    public PopulationReference.Report psi(Dataset data) {
        requireSchema(data.schema());
        int[] scores = new int[data.size()];
        IntStream.range(0, data.size()).parallel().forEach(i -> scores[i] = score(data.row(i)).score());
        return reference.psi(data, scores);
    }

    /** The artifact hash, 0x-prefixed: the model id of the ModelRegistry and of every {@link Score}. */
    public String modelId() {
        return modelId;
    }

    public FeatureSchema schema() {
        return schema;
    }

    /** How the training CSV was read; evaluation and scoring read CSVs the same way. */
    public ColumnSpec columns() {
        return columns;
    }

    public TierPolicy policy() {
        return policy;
    }

    public ScoreScale scale() {
        return policy.scale();
    }

    public Calibrator calibrator() {
        return calibrator;
    }

    public Learner learner() {
        return learner;
    }

    public PopulationReference reference() {
        return reference;
    }

    /** The artifact (manifest with metadata and metrics, payload, hash). */
    public ModelArtifact artifact() {
        return artifact;
    }

    /** Writes the artifact and its model card into a directory. */
    public void write(Path dir) {
        artifact.write(dir);
    }
}
