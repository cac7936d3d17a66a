package io.creditlayer.model.train;

import io.creditlayer.model.data.Dataset;
import io.creditlayer.model.data.Splits;
import io.creditlayer.model.learner.GradientBoostedTrees;
import io.creditlayer.model.metrics.Metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Grid search of boosted-tree hyperparameters by repeated stratified k-fold cross-validation: for each
 * combination, the pooled out-of-fold AUC of the raw log-odds, averaged over repeats with different fold seeds.
 * Used offline to choose a preset's options (docs/model.md); the reported metrics of a model come from the
 * trainer's nested cross-validation, not from this search.
 */
public final class Tuning {
    private Tuning() {
    }

    /**
     * Result of one combination.
     *
     * @param options hyperparameters
     * @param meanAuc mean over repeats of the pooled out-of-fold AUC
     * @param sdAuc   standard deviation over repeats
     */
    public record Trial(GradientBoostedTrees.Options options, double meanAuc, double sdAuc) {
    }

    public static List<Trial> grid(Dataset data, List<GradientBoostedTrees.Options> grid, ClassWeighting weighting,
                                   int folds, int repeats, long seed, int threads, Consumer<String> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "credit-model-tuning");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Trial> trials = new ArrayList<>();
            for (GradientBoostedTrees.Options o : grid) {
                double[] auc = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    int[] fold = Splits.stratifiedFolds(data.y(), folds, Seeds.derive(seed, 40, r));
                    List<Future<double[]>> parts = new ArrayList<>();
                    for (int f = 0; f < folds; f++) {
                        int ff = f;
                        int rr = r;
                        parts.add(pool.submit(() -> {
                            Dataset train = data.subset(Splits.rows(fold, ff, false));
                            Expansion e = Expansion.of(train.x(), train.y(), train.weights(), weighting,
                                    Seeds.derive(seed, 41, rr, ff));
                            GradientBoostedTrees m = GradientBoostedTrees.fit(data.schema(), e.x, e.y, o,
                                    Seeds.derive(seed, 42, rr, ff));
                            int[] rows = Splits.rows(fold, ff, true);
                            double[] out = new double[rows.length];
                            for (int i = 0; i < rows.length; i++) {
                                out[i] = m.logOdds(data.row(rows[i]));
                            }
                            return out;
                        }));
                    }
                    double[] logOdds = new double[data.size()];
                    for (int f = 0; f < folds; f++) {
                        int[] rows = Splits.rows(fold, f, true);
                        double[] part = parts.get(f).get();
                        for (int i = 0; i < rows.length; i++) {
                            logOdds[rows[i]] = part[i];
                        }
                    }
                    auc[r] = Metrics.auc(logOdds, data.y());
                }
                double mean = 0;
                for (double a : auc) {
                    mean += a;
                }
                mean /= repeats;
                double ss = 0;
                for (double a : auc) {
                    ss += (a - mean) * (a - mean);
                }
                Trial t = new Trial(o, mean, repeats > 1 ? Math.sqrt(ss / (repeats - 1)) : 0);
                trials.add(t);
                progress.accept(String.format(java.util.Locale.ROOT, "%s AUC %.4f ± %.4f", o, t.meanAuc(), t.sdAuc()));
            }
            trials.sort(Comparator.comparingDouble(Trial::meanAuc).reversed());
            return trials;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("tuning interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
