package io.creditlayer.model.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Column specs of the data sets the project trains on. */
public final class Presets {
    /** Schema version of the German credit preset. */
    public static final String GERMAN_VERSION = "german-statlog-v1";
    /** Where the German data lives relative to the directory that holds the repository. */
    public static final String GERMAN_RELATIVE = "shared/data/german-credit/german.data";

    private static final List<String> GERMAN_COLUMNS = List.of(
            "checking_status", "duration_months", "credit_history", "purpose", "credit_amount", "savings",
            "employed_since", "installment_rate", "personal_status_sex", "other_debtors", "residence_since",
            "property", "age_years", "other_installment_plans", "housing", "existing_credits", "job",
            "people_liable", "telephone", "foreign_worker", "class");
    private static final Set<String> GERMAN_CATEGORICAL = Set.of(
            "checking_status", "credit_history", "purpose", "savings", "employed_since", "other_debtors",
            "property", "other_installment_plans", "housing", "job", "telephone");
    /** Protected attributes of the German data: kept for the fairness audit, never features. */
    public static final List<String> GERMAN_GROUPS = List.of("personal_status_sex", "age_years", "foreign_worker");

    private Presets() {
    }

    /**
     * Extractor training sets and profile snapshots (schema wallet-v1): the 38 features, label {@code label} with
     * positive value {@code 1} (liquidated or written off within the horizon), time column {@code as_of_timestamp}
     * for time-ordered splits, group and id column {@code wallet}, and {@code schema_version} checked to be
     * wallet-v1. Block, hash, chain and commitment columns are provenance and ignored.
     */
    public static ColumnSpec wallet() {
        return new ColumnSpec(WalletV1.LABEL, "1", WalletV1.featureNames(), Set.of(), List.of("wallet"), null,
                "as_of_timestamp", "wallet", List.of("chain_id", "as_of_block", "as_of_block_hash", WalletV1.COMMITMENT),
                "schema_version", WalletV1.VERSION, ",", true, List.of());
    }

    /**
     * UCI Statlog German credit data ({@code german.data}): space-separated, no header, 20 attributes and the class
     * (1 good, 2 bad; positive = 2, a default). The A-coded attributes are categorical. Personal status and sex,
     * age and foreign-worker status are protected attributes: they are group columns for the fairness audit and
     * not features (docs/adr/0007-credit-model.md).
     */
    public static ColumnSpec german() {
        List<String> features = new ArrayList<>();
        for (String c : GERMAN_COLUMNS) {
            if (!c.equals("class") && !GERMAN_GROUPS.contains(c)) {
                features.add(c);
            }
        }
        return new ColumnSpec("class", "2", features, GERMAN_CATEGORICAL, GERMAN_GROUPS, null, null, null, List.of(),
                null, GERMAN_VERSION, "whitespace", false, GERMAN_COLUMNS);
    }

    /**
     * Finds {@code shared/data/german-credit/german.data}: under the system property {@code creditlayer.german}
     * if set, else walking up from {@code creditlayer.root} (the repository root, set by the build) and from the
     * working directory.
     */
    public static Optional<Path> germanData() {
        String explicit = System.getProperty("creditlayer.german");
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
        List<Path> starts = new ArrayList<>();
        String root = System.getProperty("creditlayer.root");
        if (root != null && !root.isBlank() && !root.startsWith("${")) {
            starts.add(Path.of(root));
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(GERMAN_RELATIVE);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
