package io.creditlayer.model;

import io.creditlayer.model.data.CsvLoader;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.model.data.Presets;
import io.creditlayer.model.learner.GradientBoostedTrees;
import io.creditlayer.model.learner.Learner;
import io.creditlayer.model.learner.Scorecard;
import io.creditlayer.model.learner.WoeBins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smile.data.Tuple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SHAP and scorecard contributions add up to the model's log-odds. */
class ExplanationTest {
    static Dataset german;
    static Dataset wallets;
    static GradientBoostedTrees gbt;
    static GradientBoostedTrees walletGbt;
    static Scorecard scorecard;

    @BeforeAll
    static void fit() {
        if (Presets.germanData().isPresent()) {
            german = TestData.germanDataset();
            gbt = GradientBoostedTrees.fit(german.schema(), german.x(), german.y(),
                    new GradientBoostedTrees.Options(200, 20, 6, 5, 0.05, 0.7), 7);
            scorecard = Scorecard.fit(german.schema(), german.x(), german.y(), Scorecard.Options.defaults());
        }
        wallets = CsvLoader.load(TestData.syntheticWallets(), Presets.wallet());
        walletGbt = GradientBoostedTrees.fit(wallets.schema(), wallets.x(), wallets.y(),
                new GradientBoostedTrees.Options(150, 20, 8, 5, 0.1, 0.7), 3);
    }

    /** German-data tests are skipped (with a message) where the data is absent; the wallet ones always run. */
    private static void needGerman() {
        TestData.german();
    }

    @Test
    void treeShapPlusBaseIsTheLogOddsOnEveryRowOfTheWalletData() {
        assertAdditive(walletGbt, wallets);
    }

    @Test
    void treeShapPlusBaseIsTheLogOddsOnEveryRowOfTheGermanData() {
        needGerman();
        assertAdditive(gbt, german);
    }

    private static void assertAdditive(Learner model, Dataset d) {
        for (int i = 0; i < d.size(); i++) {
            double[] phi = model.contributions(d.row(i));
            double sum = model.baseLogOdds();
            for (double v : phi) {
                sum += v;
            }
            assertEquals(model.logOdds(d.row(i)), sum, 1e-6, "row " + i);
        }
    }

    @Test
    void scorecardContributionsPlusBaseAreTheLogOddsOnTheWalletData() {
        assertAdditive(Scorecard.fit(wallets.schema(), wallets.x(), wallets.y(), Scorecard.Options.defaults()), wallets);
    }

    @Test
    void logOddsAreTwiceSmilesHalfLogOddsMargin() {
        needGerman();
        double[] posterior = new double[2];
        int checked = 0;
        for (int i = 0; i < german.size(); i++) {
            double[] encoded = encode(gbt, german.row(i));
            gbt.smile().predict(Tuple.of(gbt.smile().trees()[0][0].schema(), encoded), posterior);
            if (posterior[0] > 1e-6 && posterior[1] > 1e-6) {
                assertEquals(Math.log(posterior[1] / posterior[0]), gbt.logOdds(german.row(i)), 1e-6, "row " + i);
                checked++;
            }
        }
        assertTrue(checked > 900);
    }

    @Test
    void smilesShapIsTheAverageOverTreesWithoutShrinkage() {
        needGerman();
        // GradientTreeBoost.shap sums the trees' values and divides by the number of trees; the log-odds
        // contribution multiplies each tree's value by the shrinkage and by 2 (half log-odds margin).
        double scale = 2 * gbt.options().shrinkage() * gbt.size();
        for (int i = 0; i < 50; i++) {
            double[] smile = gbt.smileShap(german.row(i));
            double[] ours = gbt.expandedContributions(german.row(i));
            for (int c = 0; c < ours.length; c++) {
                assertEquals(ours[c], smile[c] * scale, 1e-9, "row " + i + " column " + c);
            }
        }
    }

    @Test
    void baseIsTheMeanLogOddsOverTheTrainingRowsCover() {
        needGerman();
        // the base is the tree-cover expectation: with subsample = 1 every tree covers all rows,
        // so it equals the mean log-odds over the training rows exactly
        GradientBoostedTrees full = GradientBoostedTrees.fit(german.schema(), german.x(), german.y(),
                new GradientBoostedTrees.Options(50, 20, 6, 5, 0.1, 1.0), 1);
        double mean = 0;
        for (int i = 0; i < german.size(); i++) {
            mean += full.logOdds(german.row(i));
        }
        assertEquals(mean / german.size(), full.baseLogOdds(), 1e-9);
    }

    @Test
    void scorecardContributionsAreCoefficientTimesWoeAboutTheMean() {
        needGerman();
        for (int i = 0; i < german.size(); i++) {
            double[] x = german.row(i);
            double[] phi = scorecard.contributions(x);
            double sum = scorecard.baseLogOdds();
            for (int j = 0; j < phi.length; j++) {
                sum += phi[j];
                WoeBins b = scorecard.bins(j);
                assertEquals(scorecard.coefficient(j) * (b.woe(x[j]) - meanWoe(j)), phi[j], 1e-9);
            }
            assertEquals(scorecard.logOdds(x), sum, 1e-9, "row " + i);
        }
        int used = 0;
        for (int j = 0; j < german.schema().size(); j++) {
            assertTrue(scorecard.coefficient(j) >= 0, "risk-oriented WoE coefficients are positive");
            if (scorecard.coefficient(j) > 0) {
                used++;
                assertTrue(scorecard.bins(j).iv() >= Scorecard.Options.defaults().minIv());
            }
        }
        assertTrue(used >= 5, "scorecard uses " + used + " features");
    }

    @Test
    void numericWoeBinsHaveAMonotoneDefaultRate() {
        needGerman();
        for (int j = 0; j < german.schema().size(); j++) {
            WoeBins b = scorecard.bins(j);
            if (b.categorical() || b.bins() < 3) {
                continue;
            }
            double[] rate = new double[b.bins()];
            for (int k = 0; k < rate.length; k++) {
                rate[k] = b.bads(k) / (b.bads(k) + b.goods(k));
            }
            boolean up = true;
            boolean down = true;
            for (int k = 1; k < rate.length; k++) {
                up &= rate[k] >= rate[k - 1];
                down &= rate[k] <= rate[k - 1];
            }
            assertTrue(up || down, b.name() + " default rates " + java.util.Arrays.toString(rate));
            for (int k = 0; k < rate.length; k++) {
                assertTrue(b.bads(k) + b.goods(k) >= 0.05 * german.size() - 1e-9, "minimum bin share");
            }
        }
    }

    private static double meanWoe(int j) {
        double s = 0;
        for (int i = 0; i < german.size(); i++) {
            s += scorecard.bins(j).woe(german.row(i)[j]);
        }
        return s / german.size();
    }

    private static double[] encode(GradientBoostedTrees model, double[] x) {
        String[] names = model.expandedNames();
        double[] out = new double[names.length];
        int c = 0;
        for (int j = 0; j < x.length; j++) {
            var f = german.schema().feature(j);
            if (f.categorical()) {
                for (int k = 0; k < f.levels().size(); k++) {
                    out[c++] = k == (int) x[j] ? 1 : 0;
                }
            } else {
                out[c++] = x[j];
            }
        }
        return out;
    }
}
