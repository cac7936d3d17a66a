package io.creditlayer.model.bench;

import io.creditlayer.model.CreditModel;
import io.creditlayer.model.Explanation;
import io.creditlayer.model.Score;
import io.creditlayer.model.SyntheticWallets;
import io.creditlayer.model.learner.GradientBoostedTrees;
import io.creditlayer.model.train.ModelTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one profile: score only (learner, calibration, scale, tier), and score with the full explanation
 * (tree SHAP over every tree, sorted contributions, reason texts). Sample-time mode reports the median (p0.50).
 * Models: the wallet preset (300 trees, up to 8 leaves, 36 features) trained on 5,000 synthetic wallet rows, and
 * the GBT of the German preset's options (500 trees, 5 leaves) on the same rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class InferenceBench {
    @Param({"wallet-gbt300", "gbt500"})
    public String model;

    private CreditModel credit;
    private double[][] profiles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        var data = BenchData.wallets(5_000, 11);
        ModelTrainer.Options options = ModelTrainer.Options.wallet(11).withCandidates(List.of(ModelTrainer.LearnerType.GBT));
        if (model.equals("gbt500")) {
            options = options.withGbt(GradientBoostedTrees.Options.defaults());
        }
        credit = ModelTrainer.fit(data, io.creditlayer.model.data.Presets.wallet(), options, null).model();
        profiles = SyntheticWallets.profiles(4096, 12);
    }

    private double[] profile() {
        next = (next + 1) & 4095;
        return profiles[next];
    }

    @Benchmark
    public Score score() {
        return credit.score(profile());
    }

    @Benchmark
    public Explanation explainWithShap() {
        return credit.explain(profile(), 3);
    }
}
