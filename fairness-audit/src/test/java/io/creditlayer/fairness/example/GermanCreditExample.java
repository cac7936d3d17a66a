package io.creditlayer.fairness.example;

import io.creditlayer.fairness.AuditInput;
import io.creditlayer.fairness.AuditReport;
import io.creditlayer.fairness.FairnessAudit;
import io.creditlayer.fairness.FairnessPolicy;
import io.creditlayer.fairness.ModelDetails;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Audits a plain logistic regression on the Statlog German Credit data (UCI, CC BY 4.0) with 5-fold
 * out-of-fold PDs, and writes the JSON and HTML reports. A demonstration on real outcomes, not a test: it needs
 * the data file, which tests must not read.
 *
 * <pre>
 * mvn -q -pl fairness-audit test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.creditlayer.fairness.example.GermanCreditExample \
 *   -Dexec.args="/work/shared/data/german-credit/german.data fairness-audit/target/german-credit"
 * </pre>
 */
public final class GermanCreditExample {

    /** The dataset's cost matrix (a bad approved costs 5, a good refused 1) makes approval optimal below PD 1/6. */
    static final String POLICY = """
            {"version":"1","name":"german-credit-example",
             "description":"Default checks; approval at the cost-optimal PD cut-off of the dataset's 5:1 cost matrix.",
             "approval":{"rule":"pd_at_most","threshold":0.16666666666666666},
             "minGroupSize":30,"minOutcomeCount":10,
             "reference":{"rule":"max_selection_rate","groups":{}},
             "checks":[
               {"metric":"disparate_impact","min":0.8},
               {"metric":"equal_opportunity_difference","maxAbs":0.1},
               {"metric":"average_odds_difference","maxAbs":0.1},
               {"metric":"fnr_disparity","tau":0.8},
               {"metric":"ece","max":0.05,"minGroupSize":1000}]}""";

    private GermanCreditExample() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "german.data");
        Path out = Path.of(args.length > 1 ? args[1] : "target/german-credit");
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(data, StandardCharsets.US_ASCII)) {
            if (!line.isBlank()) {
                rows.add(line.trim().split("\\s+"));
            }
        }
        int n = rows.size();
        boolean[] defaulted = new boolean[n];
        String[] sex = new String[n];
        String[] age = new String[n];
        String[] foreign = new String[n];
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            defaulted[i] = r[20].equals("2");
            sex[i] = r[8].equals("A92") || r[8].equals("A95") ? "female" : "male";
            age[i] = Integer.parseInt(r[12]) <= 25 ? "<=25" : ">25";
            foreign[i] = r[19].equals("A201") ? "yes" : "no";
        }
        double[][] x = design(rows);
        double[] pd = outOfFold(x, defaulted, 5, 17);
        AuditInput input = AuditInput.of(defaulted).withPd(pd).withAttribute("sex", sex).withAttribute("age", age)
                .withAttribute("foreign_worker", foreign)
                .withModel(ModelDetails.of("german-credit-logit", "example", "L2 logistic regression on the 20 Statlog attributes except personal status/sex, age and foreign worker")
                        .withIntendedUse("Demonstration of the CreditLayer fairness audit on real credit outcomes.", List.of("Any real lending decision"))
                        .withData("Statlog German Credit (UCI, Hofmann 1994, CC BY 4.0), 1,000 applicants, 5-fold cross-fitting",
                                "The same 1,000 applicants, each scored by the fold model that did not see it (out-of-fold PD)"));
        AuditReport report = FairnessAudit.run(input, FairnessPolicy.parse(POLICY), FairnessAudit.Options.defaults());
        Files.createDirectories(out);
        Files.write(out.resolve("fairness-report.json"), report.jsonBytes());
        Files.writeString(out.resolve("fairness-report.html"), report.toHtml(), StandardCharsets.UTF_8);
        System.out.println(report.verdict() + ": " + report.verdictReason());
        System.out.println("report hash " + report.sha256().bytes32());
    }

    /** One-hot categoricals and standardised numerics, leaving out the three protected columns. */
    static double[][] design(List<String[]> rows) {
        int[] protectedCols = {8, 12, 19};
        int[] numeric = {1, 4, 7, 10, 15, 17};
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (String[] r : rows) {
            for (int c = 0; c < 20; c++) {
                if (contains(protectedCols, c)) {
                    continue;
                }
                columns.putIfAbsent(contains(numeric, c) ? "n" + c : "c" + c + "=" + r[c], columns.size());
            }
        }
        double[][] x = new double[rows.size()][columns.size() + 1];
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            x[i][columns.size()] = 1;
            for (int c = 0; c < 20; c++) {
                if (contains(protectedCols, c)) {
                    continue;
                }
                if (contains(numeric, c)) {
                    x[i][columns.get("n" + c)] = Math.log1p(Double.parseDouble(r[c]));
                } else {
                    x[i][columns.get("c" + c + "=" + r[c])] = 1;
                }
            }
        }
        for (int j = 0; j < columns.size(); j++) {
            double mean = 0;
            double sq = 0;
            for (double[] row : x) {
                mean += row[j];
                sq += row[j] * row[j];
            }
            mean /= x.length;
            double sd = Math.sqrt(Math.max(1e-12, sq / x.length - mean * mean));
            for (double[] row : x) {
                row[j] = (row[j] - mean) / sd;
            }
        }
        return x;
    }

    static double[] outOfFold(double[][] x, boolean[] y, int folds, long seed) {
        int n = x.length;
        int[] fold = new int[n];
        Random rng = new Random(seed);
        for (int i = 0; i < n; i++) {
            fold[i] = rng.nextInt(folds);
        }
        double[] pd = new double[n];
        for (int f = 0; f < folds; f++) {
            double[] beta = fit(x, y, fold, f);
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    pd[i] = sigmoid(dot(beta, x[i]));
                }
            }
        }
        return pd;
    }

    /** L2-penalised logistic regression by gradient descent (enough for a demonstration). */
    static double[] fit(double[][] x, boolean[] y, int[] fold, int heldOut) {
        int d = x[0].length;
        double[] beta = new double[d];
        double lambda = 1.0;
        for (int it = 0; it < 2000; it++) {
            double[] grad = new double[d];
            int m = 0;
            for (int i = 0; i < x.length; i++) {
                if (fold[i] == heldOut) {
                    continue;
                }
                m++;
                double err = sigmoid(dot(beta, x[i])) - (y[i] ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    grad[j] += err * x[i][j];
                }
            }
            for (int j = 0; j < d; j++) {
                beta[j] -= 0.5 * (grad[j] / m + lambda * beta[j] / m);
            }
        }
        return beta;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
