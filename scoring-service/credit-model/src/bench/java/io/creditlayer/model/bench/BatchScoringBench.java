package io.creditlayer.model.bench;

import io.creditlayer.model.CreditModel;
import io.creditlayer.model.Score;
import io.creditlayer.model.SyntheticWallets;
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

import java.util.concurrent.TimeUnit;

/**
 * Batch scoring of 1,000,000 wallet profiles in memory with {@link CreditModel#scoreAll} (parallel over the cores:
 * PD, score, tier, collateral ratio; no explanations), one shot per iteration, for a boosted-tree model (300
 * trees) and a scorecard.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class BatchScoringBench {
    @Param({"gbt", "scorecard"})
    public String learner;

    private CreditModel model;
    private double[][] profiles;

    @Setup(Level.Trial)
    public void setUp() {
        model = BenchData.walletModel(5_000, 21, ModelTrainer.LearnerType.of(learner));
        profiles = SyntheticWallets.profiles(1_000_000, 22);
    }

    @Benchmark
    public Score[] scoreOneMillion() {
        return model.scoreAll(profiles);
    }
}
