package io.creditlayer.model.bench;

import io.creditlayer.model.data.Dataset;
import io.creditlayer.model.learner.GradientBoostedTrees;
import io.creditlayer.model.train.ModelTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Training on 30,000 synthetic rows × 25 features (the first 25 wallet-v1 features): the whole time-ordered
 * pipeline (boosted trees and scorecard on 18,000 training rows, Platt-vs-isotonic selection, test metrics,
 * importance, PSI reference, sealing the artifact), and one boosted-tree fit alone on all 30,000 rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class TrainingBench {
    private Dataset data;

    @Setup(Level.Trial)
    public void setUp() {
        data = BenchData.firstFeatures(BenchData.wallets(30_000, 31), 25);
    }

    @Benchmark
    public Object timeOrderedPipeline() {
        return ModelTrainer.fit(data, ModelTrainer.Options.wallet(31)).model();
    }

    @Benchmark
    public Object gbtFitOnly() {
        return GradientBoostedTrees.fit(data.schema(), data.x(), data.y(), ModelTrainer.Options.wallet(31).gbt(), 31);
    }
}
