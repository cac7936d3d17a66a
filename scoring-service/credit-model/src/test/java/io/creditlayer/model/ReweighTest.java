package io.creditlayer.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.model.data.FeatureDef;
import io.creditlayer.model.data.FeatureSchema;
import io.creditlayer.model.train.ModelTrainer;
import io.creditlayer.model.train.Reweigh;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kamiran-Calders reweighing as a training option. */
class ReweighTest {
    private static final FeatureSchema SCHEMA = FeatureSchema.of("reweigh-test-v1",
            List.of(FeatureDef.numeric("proxy", ""), FeatureDef.numeric("signal", "")));

    @Test
    void parsesAColumnOrAThreshold() {
        assertEquals(new Reweigh("foreign_worker", null), Reweigh.parse("foreign_worker"));
        assertEquals(new Reweigh("age_years", 25.0), Reweigh.parse("age_years<=25"));
        assertEquals(new Reweigh("age_years", 25.5), Reweigh.parse(" age_years <= 25.5 "));
        assertEquals("age_years<=25", Reweigh.parse("age_years<=25").toString());
        assertThrows(CreditModelException.class, () -> Reweigh.parse("age_years<25"));
        assertThrows(CreditModelException.class, () -> Reweigh.parse("age_years<=x"));
        assertThrows(CreditModelException.class, () -> Reweigh.parse(""));
    }

    @Test
    void weightsEqualiseTheDefaultRateAcrossGroupsAndKeepTheTotal() {
        Dataset d = data(2000, 1);
        double[] w = new Reweigh("age", 25.0).weights(d);
        String[] groups = new Reweigh("age", 25.0).groups(d);
        double total = 0;
        double[] weight = new double[2];
        double[] defaults = new double[2];
        double[] rawRate = new double[2];
        int[] rows = new int[2];
        for (int i = 0; i < w.length; i++) {
            int g = groups[i].equals("age<=25") ? 0 : 1;
            total += w[i];
            weight[g] += w[i];
            defaults[g] += w[i] * d.y()[i];
            rawRate[g] += d.y()[i];
            rows[g]++;
        }
        assertTrue(rawRate[0] / rows[0] > rawRate[1] / rows[1] + 0.1, "the young default more before reweighing");
        assertEquals(d.size(), total, 1e-6, "total weight unchanged");
        assertEquals(defaults[0] / weight[0], defaults[1] / weight[1], 1e-9, "same weighted default rate");
        assertThrows(CreditModelException.class, () -> new Reweigh("sex", null).groups(d), "not a group column");
        Dataset text = new Dataset(SCHEMA, d.x(), d.y(), null, null, null, Map.of("age", d.groups().get("region")), "text");
        assertThrows(CreditModelException.class, () -> new Reweigh("age", 25.0).groups(text), "not numeric");
    }

    @Test
    void aReweighedModelSeparatesTheGroupsLessAndSaysSoInItsManifest() {
        Dataset d = data(1500, 2);
        ModelTrainer.Options options = ModelTrainer.Options.tabular(5).withValidation(new ModelTrainer.Stratified(3))
                .withCandidates(List.of(ModelTrainer.LearnerType.SCORECARD)).withThreads(1);
        ModelTrainer.Result plain = ModelTrainer.fit(d, options);
        ModelTrainer.Result reweighed = ModelTrainer.fit(d, options.withReweighBy(Reweigh.parse("age<=25")));

        assertNull(plain.model().artifact().manifest().path("training").get("reweighing"),
                "without the option the manifest (and so every existing model id) is unchanged");
        JsonNode r = reweighed.model().artifact().manifest().path("training").path("reweighing");
        assertEquals("kamiran-calders", r.path("method").asText());
        assertEquals("age<=25", r.path("by").asText());
        assertNotEquals(plain.model().modelId(), reweighed.model().modelId());

        assertTrue(gap(plain, d) > 0.1 && gap(reweighed, d) < gap(plain, d) / 2,
                "mean PD gap between the age groups: " + gap(plain, d) + " before, " + gap(reweighed, d) + " after");
        ModelTrainer.HeldOut heldOut = plain.heldOut();
        assertEquals(d.size(), heldOut.rows().length, "k-fold: every row is held out once");
        assertFalse(java.util.Arrays.equals(heldOut.pd(), reweighed.heldOut().pd()));
    }

    /** Mean held-out PD of the young minus that of the rest. */
    private static double gap(ModelTrainer.Result result, Dataset d) {
        String[] age = d.groups().get("age");
        int[] rows = result.heldOut().rows();
        double[] pd = result.heldOut().pd();
        double[] sum = new double[2];
        int[] n = new int[2];
        for (int k = 0; k < rows.length; k++) {
            int g = Integer.parseInt(age[rows[k]]) <= 25 ? 0 : 1;
            sum[g] += pd[k];
            n[g]++;
        }
        return sum[0] / n[0] - sum[1] / n[1];
    }

    /**
     * Applicants whose default risk follows a signal, and whose recorded labels are worse for the young (a label bias
     * that the signal does not explain), plus a proxy feature that tracks age: a model learns the bias through the
     * proxy, and reweighing, which makes label and age independent in training, takes it away.
     */
    private static Dataset data(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][];
        int[] y = new int[n];
        String[] age = new String[n];
        String[] region = new String[n];
        for (int i = 0; i < n; i++) {
            boolean young = random.nextDouble() < 0.3;
            double signal = random.nextGaussian();
            double proxy = (young ? 1 : 0) + 0.3 * random.nextGaussian();
            x[i] = new double[]{proxy, signal};
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-(-1.2 + 1.2 * signal + (young ? 1.0 : 0)))) ? 1 : 0;
            age[i] = Integer.toString(young ? 19 + random.nextInt(7) : 26 + random.nextInt(40));
            region[i] = random.nextBoolean() ? "north" : "south";
        }
        return new Dataset(SCHEMA, x, y, null, null, null, Map.of("age", age, "region", region), "synthetic");
    }
}
