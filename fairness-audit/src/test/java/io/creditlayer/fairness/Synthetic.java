package io.creditlayer.fairness;

import java.util.Random;

/**
 * Seeded synthetic applicants for end-to-end tests. Risk is independent of the cohorts, and PD is the true
 * default probability, so an unbiased model is fair and calibrated by construction; {@code bias} adds to the PD of
 * one cohort (sex=female), which both refuses more of its repayers and miscalibrates it.
 */
public final class Synthetic {
    private Synthetic() {
    }

    public static AuditInput applicants(int n, long seed, double bias) {
        Random rng = new Random(seed);
        boolean[] defaulted = new boolean[n];
        double[] pd = new double[n];
        int[] tier = new int[n];
        String[] sex = new String[n];
        String[] age = new String[n];
        String[] region = new String[n];
        for (int i = 0; i < n; i++) {
            sex[i] = rng.nextDouble() < 0.45 ? "female" : "male";
            age[i] = rng.nextDouble() < 0.3 ? "<=25" : ">25";
            // a region with about 0.2% of rows: too small to judge at the default minimum of 30
            region[i] = rng.nextDouble() < 0.002 ? "island" : (rng.nextBoolean() ? "north" : "south");
            double z = rng.nextGaussian();
            double truePd = 1 / (1 + Math.exp(-(-2.0 + 1.1 * z)));
            defaulted[i] = rng.nextDouble() < truePd;
            double p = truePd + (sex[i].equals("female") ? bias : 0);
            pd[i] = Math.min(1, Math.max(0, p));
            tier[i] = tier(pd[i]);
        }
        return AuditInput.of(defaulted).withPd(pd).withTier(tier).withAttribute("sex", sex).withAttribute("age", age)
                .withAttribute("region", region)
                .withModel(ModelDetails.of("synthetic", "1.0.0", "seeded synthetic applicants for tests"));
    }

    static int tier(double pd) {
        if (pd < 0.04) {
            return 5;
        }
        if (pd < 0.10) {
            return 4;
        }
        if (pd < 0.18) {
            return 3;
        }
        return pd < 0.30 ? 2 : 1;
    }
}
