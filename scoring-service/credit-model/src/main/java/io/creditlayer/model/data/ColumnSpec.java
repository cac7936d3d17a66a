package io.creditlayer.model.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How to read a CSV into a {@link Dataset}: which column is the label and which of its values is the positive
 * class (a default), which columns are features (numeric, or categorical with levels taken from the data), which
 * are kept aside as groups for the fairness audit (never features), and the optional weight, time, id and
 * schema-version columns. Stored in a model artifact so that evaluation and scoring read CSVs the same way.
 *
 * @param label          label column (null: unlabelled, for scoring)
 * @param positive       label value of the positive class (default, bad)
 * @param features       feature columns in vector order; empty = every column not named elsewhere in this spec
 * @param categorical    feature columns that are categorical (one level per distinct value)
 * @param groups         group columns (protected attributes or cohort keys), read as text, never features
 * @param weight         optional sample-weight column (frequency weights, at least 0)
 * @param time           optional time column (integer, e.g. unix seconds): orders time-based splits
 * @param id             optional row id column (e.g. the wallet), echoed in scoring output
 * @param ignore         columns to skip
 * @param versionColumn  optional column whose every value must equal {@code schemaVersion}
 * @param schemaVersion  the feature-schema version recorded with a model
 * @param delimiter      "," (default), ";", "\t" or "whitespace" (runs of spaces or tabs)
 * @param header         whether the first line names the columns
 * @param columnNames    column names when there is no header line
 */
public record ColumnSpec(String label, String positive, List<String> features, Set<String> categorical,
                         List<String> groups, String weight, String time, String id, List<String> ignore,
                         String versionColumn, String schemaVersion, String delimiter, boolean header,
                         List<String> columnNames) {
    public ColumnSpec {
        features = features == null ? List.of() : List.copyOf(features);
        categorical = categorical == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(categorical));
        groups = groups == null ? List.of() : List.copyOf(groups);
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
        columnNames = columnNames == null ? List.of() : List.copyOf(columnNames);
        delimiter = delimiter == null || delimiter.isEmpty() ? "," : delimiter;
        schemaVersion = schemaVersion == null || schemaVersion.isBlank() ? "custom-v1" : schemaVersion;
        if (label != null && (positive == null || positive.isEmpty())) {
            throw new IllegalArgumentException("the positive label value is required with a label column");
        }
        if (!header && columnNames.isEmpty()) {
            throw new IllegalArgumentException("a CSV without a header line needs column names");
        }
        if (!List.of(",", ";", "\t", "whitespace").contains(delimiter)) {
            throw new IllegalArgumentException("delimiter must be ',', ';', '\\t' or 'whitespace': " + delimiter);
        }
        for (String g : groups) {
            if (features.contains(g) || categorical.contains(g)) {
                throw new IllegalArgumentException("group column '" + g + "' cannot also be a feature");
            }
        }
        for (String special : new String[]{label, weight, time, id}) {
            if (special != null && (features.contains(special) || categorical.contains(special))) {
                throw new IllegalArgumentException("column '" + special + "' cannot also be a feature");
            }
        }
    }

    /** A comma-separated CSV with a header. */
    public static ColumnSpec csv(String label, String positive) {
        return new ColumnSpec(label, positive, List.of(), Set.of(), List.of(), null, null, null, List.of(), null,
                null, ",", true, List.of());
    }

    /** Columns that are not features: label, groups, weight, time, id, version column and ignored ones. */
    public Set<String> nonFeatureColumns() {
        Set<String> out = new LinkedHashSet<>();
        for (String c : new String[]{label, weight, time, id, versionColumn}) {
            if (c != null) {
                out.add(c);
            }
        }
        out.addAll(groups);
        out.addAll(ignore);
        return out;
    }

    /** The feature columns for a header: the explicit list, or every column not otherwise used. */
    public List<String> resolveFeatures(List<String> header) {
        if (!features.isEmpty()) {
            return features;
        }
        Set<String> skip = nonFeatureColumns();
        List<String> out = new ArrayList<>();
        for (String c : header) {
            if (!skip.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    public ColumnSpec withLabel(String newLabel, String newPositive) {
        return new ColumnSpec(newLabel, newPositive, features, categorical, groups, weight, time, id, ignore,
                versionColumn, schemaVersion, delimiter, header, columnNames);
    }

    public ColumnSpec withFeatures(List<String> newFeatures) {
        return new ColumnSpec(label, positive, newFeatures, categorical, groups, weight, time, id, ignore,
                versionColumn, schemaVersion, delimiter, header, columnNames);
    }

    /** This spec without a label (scoring files have none). */
    public ColumnSpec unlabelled() {
        return new ColumnSpec(null, null, features, categorical, groups, weight, time, id, ignore,
                versionColumn, schemaVersion, delimiter, header, columnNames);
    }

    @Override
    public String toString() {
        return "ColumnSpec[label=" + label + ", positive=" + positive + ", features=" + features.size()
                + ", categorical=" + categorical + ", groups=" + groups + ", time=" + time + ", id=" + id + "]";
    }
}
