package io.creditlayer.service.governance;

import io.creditlayer.fairness.AuditInput;
import io.creditlayer.fairness.AuditReport;
import io.creditlayer.fairness.FairnessAudit;
import io.creditlayer.fairness.FairnessPolicy;
import io.creditlayer.fairness.ModelDetails;
import io.creditlayer.fairness.cohorts.WalletCohorts;
import io.creditlayer.model.CreditModel;
import io.creditlayer.model.Score;
import io.creditlayer.model.artifact.ModelArtifact;
import io.creditlayer.model.cli.ModelCli;
import io.creditlayer.model.data.CsvLoader;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.service.auth.ApiKeys;
import io.creditlayer.service.auth.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Real fairness reports for the governance tests: fairness-audit run on the synthetic wallet-v1 data set scored by a
 * real model. By wallet-age and holdings cohorts the test models fail the default policy (young and small wallets
 * are approved far less often, as on the devnet); split by an arbitrary bit of the wallet address they pass it,
 * which is what a cohort unrelated to the decision should do.
 */
public final class GovFixtures {
    private static final Path SECOND_MODEL = Path.of("target/test-model-gov-2");

    private GovFixtures() {
    }

    public static Path trainingCsv() {
        return Path.of(System.getProperty("creditlayer.test.training-csv")).toAbsolutePath();
    }

    /** A second real model (another seed), trained once per build. */
    public static synchronized Path secondModel() {
        if (!Files.isRegularFile(SECOND_MODEL.resolve(ModelArtifact.MANIFEST))) {
            int exit = ModelCli.run("train", "--preset", "wallet", "--csv", trainingCsv().toString(), "--out",
                    SECOND_MODEL.toString(), "--seed", "11", "--quiet");
            if (exit != 0) {
                throw new IllegalStateException("training the second test model failed with exit code " + exit);
            }
        }
        return SECOND_MODEL.toAbsolutePath();
    }

    /** Passes the default policy: cohorts by the parity of the wallet address's last byte. */
    public static AuditReport passingReport(Path modelDir) {
        return audit(modelDir, "address_parity", FairnessPolicy.defaults());
    }

    /** Fails the default policy: wallet-age and holdings cohorts. */
    public static AuditReport failingReport(Path modelDir) {
        return audit(modelDir, "wallet", FairnessPolicy.defaults());
    }

    /** A passing audit under another policy than the service's. */
    public static AuditReport reportUnderPolicy(Path modelDir, FairnessPolicy policy) {
        return audit(modelDir, "address_parity", policy);
    }

    private static AuditReport audit(Path modelDir, String cohorts, FairnessPolicy policy) {
        CreditModel model = CreditModel.load(modelDir);
        Dataset data = CsvLoader.load(trainingCsv(), model.columns(), model.schema(), true);
        int n = data.size();
        boolean[] defaulted = new boolean[n];
        double[] pd = new double[n];
        int[] tier = new int[n];
        String[] first = new String[n];
        String[] second = new String[n];
        int age = model.schema().indexOf("wallet_age_days");
        int holdings = model.schema().indexOf("stable_balance_max_usd");
        for (int i = 0; i < n; i++) {
            double[] row = data.row(i);
            Score score = model.score(row);
            defaulted[i] = data.y()[i] == 1;
            pd[i] = score.pd();
            tier[i] = score.tier();
            String wallet = data.id(i);
            first[i] = cohorts.equals("wallet") ? WalletCohorts.ageBand(row[age])
                    : (Integer.parseInt(wallet.substring(wallet.length() - 2), 16) % 2 == 0 ? "even" : "odd");
            second[i] = WalletCohorts.holdingsTier(row[holdings]);
        }
        AuditInput input = AuditInput.of(defaulted).withPd(pd).withTier(tier)
                .withModel(ModelDetails.of("test credit model", model.modelId(), "service governance test"));
        input = cohorts.equals("wallet")
                ? input.withAttribute(WalletCohorts.WALLET_AGE, first).withAttribute(WalletCohorts.HOLDINGS, second)
                : input.withAttribute("address_parity", first);
        return FairnessAudit.run(input, policy, FairnessAudit.Options.defaults().withBootstrap(200, 7));
    }

    /** A fresh API key with the given scopes. */
    public static String key(ApiKeys keys, Scope... scopes) {
        return QuarkusTransaction.requiringNew().call(() ->
                keys.create("gov-test-" + System.nanoTime(), Set.of(scopes), 1000, 1000).key());
    }
}
