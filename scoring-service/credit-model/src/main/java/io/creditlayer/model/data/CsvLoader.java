package io.creditlayer.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a CSV into a {@link Dataset} under a {@link ColumnSpec}. Every problem is a {@link CsvFormatException}
 * with a one-line message {@code file:line: column 'name' (n): what is wrong}: an empty file, a missing label or
 * feature column, a wrong number of columns, a non-numeric value in a numeric column, an unknown category, a label
 * with more than two values or with only one class.
 *
 * <p>Training reads derive the schema from the data (categorical levels in sorted order); evaluation and scoring
 * reads take a model's schema, so levels and column order are the model's.
 */
public final class CsvLoader {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CsvLoader() {
    }

    /** Reads a labelled training set; the schema (categorical levels) comes from the data. */
    public static Dataset load(Path file, ColumnSpec spec) {
        return read(file, spec, null, true);
    }

    /**
     * Reads rows for a model with a fixed schema. The label is read when {@code requireLabel} (evaluation) and
     * ignored otherwise (scoring files usually have none).
     */
    public static Dataset load(Path file, ColumnSpec spec, FeatureSchema schema, boolean requireLabel) {
        return read(file, requireLabel ? spec : spec.unlabelled(), schema, requireLabel);
    }

    private static Dataset read(Path file, ColumnSpec spec, FeatureSchema fixed, boolean labelled) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (labelled && spec.label() == null) {
            throw new CsvFormatException(name + ": no label column given");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Reader(name, spec, fixed, labelled).read(reader);
        } catch (NoSuchFileException e) {
            throw new CsvFormatException(name + ": file not found: " + file);
        } catch (IOException e) {
            throw new CsvFormatException(name + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Splits one line by the spec's delimiter; double-quoted fields may contain the delimiter and "" quotes. */
    static String[] split(String line, String delimiter) {
        if (delimiter.equals("whitespace")) {
            String trimmed = line.strip();
            return trimmed.isEmpty() ? new String[]{""} : WHITESPACE.split(trimmed);
        }
        char d = delimiter.charAt(0);
        if (line.indexOf('"') < 0) {
            List<String> out = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == d) {
                    out.add(line.substring(start, i));
                    start = i + 1;
                }
            }
            out.add(line.substring(start));
            return out.toArray(String[]::new);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == d) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out.toArray(String[]::new);
    }

    private static final class Reader {
        private final String file;
        private final ColumnSpec spec;
        private final FeatureSchema fixed;
        private final boolean labelled;

        private List<String> header;
        private int[] featureCol;
        private boolean[] categorical;
        private int labelCol = -1;
        private int weightCol = -1;
        private int timeCol = -1;
        private int idCol = -1;
        private int versionCol = -1;
        private int[] groupCol;
        private List<String> featureNames;
        private List<String> groupNames;

        Reader(String file, ColumnSpec spec, FeatureSchema fixed, boolean labelled) {
            this.file = file;
            this.spec = spec;
            this.fixed = fixed;
            this.labelled = labelled;
        }

        Dataset read(BufferedReader reader) throws IOException {
            String line;
            int lineNo = 0;
            List<double[]> rows = new ArrayList<>();
            List<String[]> categoricalText = new ArrayList<>();
            List<String> labelText = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<String[]> groups = new ArrayList<>();
            List<Integer> lineNumbers = new ArrayList<>();
            boolean seenContent = false;
            if (!spec.header()) {
                setHeader(spec.columnNames(), 0);
            }
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (header == null) {
                    List<String> names = new ArrayList<>();
                    for (String h : split(line, spec.delimiter())) {
                        names.add(h.strip());
                    }
                    setHeader(names, lineNo);
                    seenContent = true;
                    continue;
                }
                seenContent = true;
                String[] cells = split(line, spec.delimiter());
                if (cells.length != header.size()) {
                    throw new CsvFormatException(file + ":" + lineNo + ": expected " + header.size()
                            + " columns, found " + cells.length);
                }
                double[] row = new double[featureCol.length];
                String[] cats = new String[featureCol.length];
                for (int j = 0; j < featureCol.length; j++) {
                    int c = featureCol[j];
                    String cell = cells[c].strip();
                    if (categorical[j]) {
                        if (cell.isEmpty()) {
                            throw error(lineNo, c, "empty value in categorical column");
                        }
                        if (fixed != null) {
                            int level = fixed.feature(j).level(cell);
                            if (level < 0) {
                                throw error(lineNo, c, "unknown category '" + cell + "' (known: "
                                        + String.join(", ", fixed.feature(j).levels()) + ")");
                            }
                            row[j] = level;
                        } else {
                            cats[j] = cell;
                        }
                    } else {
                        row[j] = number(cell, lineNo, c, "numeric column");
                    }
                }
                rows.add(row);
                if (fixed == null && hasCategorical()) {
                    categoricalText.add(cats);
                }
                lineNumbers.add(lineNo);
                if (labelCol >= 0) {
                    String label = cells[labelCol].strip();
                    if (label.isEmpty()) {
                        throw error(lineNo, labelCol, "empty label");
                    }
                    labelText.add(label);
                }
                if (weightCol >= 0) {
                    double w = number(cells[weightCol].strip(), lineNo, weightCol, "weight column");
                    if (w < 0) {
                        throw error(lineNo, weightCol, "negative weight " + w);
                    }
                    weights.add(w);
                }
                if (timeCol >= 0) {
                    times.add(integer(cells[timeCol].strip(), lineNo, timeCol));
                }
                if (idCol >= 0) {
                    ids.add(cells[idCol].strip());
                }
                if (versionCol >= 0) {
                    String version = cells[versionCol].strip();
                    if (!version.equals(spec.schemaVersion())) {
                        throw error(lineNo, versionCol, "schema mismatch: rows are '" + version + "', expected '"
                                + spec.schemaVersion() + "'");
                    }
                }
                String[] g = new String[groupCol.length];
                for (int k = 0; k < groupCol.length; k++) {
                    g[k] = cells[groupCol[k]].strip();
                }
                groups.add(g);
            }
            if (!seenContent) {
                throw new CsvFormatException(file + ": empty file");
            }
            if (rows.isEmpty()) {
                throw new CsvFormatException(file + ": no data rows after the header");
            }
            int n = rows.size();
            FeatureSchema schema = fixed != null ? fixed : deriveSchema(categoricalText, rows);
            int[] y = labelCol >= 0 ? labels(labelText, lineNumbers) : null;
            double[] w = weightCol >= 0 ? weights.stream().mapToDouble(Double::doubleValue).toArray() : null;
            long[] t = timeCol >= 0 ? times.stream().mapToLong(Long::longValue).toArray() : null;
            Map<String, String[]> groupMap = new LinkedHashMap<>();
            for (int k = 0; k < groupCol.length; k++) {
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    values[i] = groups.get(i)[k];
                }
                groupMap.put(groupNames.get(k), values);
            }
            return new Dataset(schema, rows.toArray(double[][]::new), y, w, t,
                    idCol >= 0 ? ids.toArray(String[]::new) : null, groupMap, file);
        }

        private boolean hasCategorical() {
            for (boolean c : categorical) {
                if (c) {
                    return true;
                }
            }
            return false;
        }

        private void setHeader(List<String> names, int lineNo) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (index.put(names.get(i), i) != null) {
                    throw new CsvFormatException(file + ":" + lineNo + ": duplicate column '" + names.get(i) + "'");
                }
            }
            header = names;
            featureNames = fixed != null ? fixed.names() : spec.resolveFeatures(names);
            if (featureNames.isEmpty()) {
                throw new CsvFormatException(file + ":" + lineNo + ": no feature columns");
            }
            featureCol = new int[featureNames.size()];
            categorical = new boolean[featureNames.size()];
            for (int j = 0; j < featureCol.length; j++) {
                String f = featureNames.get(j);
                Integer c = index.get(f);
                if (c == null) {
                    String why = fixed != null ? " (schema " + fixed.version() + ")" : "";
                    throw new CsvFormatException(file + ":" + lineNo + ": feature column '" + f
                            + "' not found in the header" + why);
                }
                featureCol[j] = c;
                categorical[j] = fixed != null ? fixed.feature(j).categorical() : spec.categorical().contains(f);
            }
            for (String c : spec.categorical()) {
                if (fixed == null && !featureNames.contains(c)) {
                    throw new CsvFormatException(file + ":" + lineNo + ": categorical column '" + c
                            + "' is not a feature column");
                }
            }
            if (labelled) {
                labelCol = column(index, spec.label(), "label", lineNo);
            }
            // reading for a model (fixed schema), weight, time and group columns are optional
            if (spec.weight() != null) {
                weightCol = fixed == null ? column(index, spec.weight(), "weight", lineNo) : index.getOrDefault(spec.weight(), -1);
            }
            if (spec.time() != null) {
                timeCol = fixed == null ? column(index, spec.time(), "time", lineNo) : index.getOrDefault(spec.time(), -1);
            }
            if (spec.id() != null) {
                idCol = index.getOrDefault(spec.id(), -1);
            }
            if (spec.versionColumn() != null) {
                versionCol = index.getOrDefault(spec.versionColumn(), -1);
            }
            List<String> groupNames = new ArrayList<>();
            List<Integer> groupIndex = new ArrayList<>();
            for (String g : spec.groups()) {
                if (fixed == null || index.containsKey(g)) {
                    groupNames.add(g);
                    groupIndex.add(column(index, g, "group", lineNo));
                }
            }
            this.groupNames = groupNames;
            groupCol = groupIndex.stream().mapToInt(Integer::intValue).toArray();
        }

        private int column(Map<String, Integer> index, String name, String role, int lineNo) {
            Integer c = index.get(name);
            if (c == null) {
                String where = spec.header() ? "the header" : "the column names";
                throw new CsvFormatException(file + ":" + Math.max(lineNo, 1) + ": " + role + " column '" + name
                        + "' not found in " + where + " (" + header.size() + " columns: "
                        + abbreviate(header) + ")");
            }
            return c;
        }

        private static String abbreviate(List<String> names) {
            if (names.size() <= 8) {
                return String.join(", ", names);
            }
            return String.join(", ", names.subList(0, 6)) + ", ..., " + names.getLast();
        }

        private CsvFormatException error(int lineNo, int column, String what) {
            return new CsvFormatException(file + ":" + lineNo + ": column '" + header.get(column) + "' (" + (column + 1)
                    + "): " + what);
        }

        private double number(String cell, int lineNo, int column, String kind) {
            if (cell.isEmpty()) {
                throw error(lineNo, column, "empty value in " + kind);
            }
            double v;
            try {
                v = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw error(lineNo, column, "non-numeric value '" + cell + "' in " + kind);
            }
            if (!Double.isFinite(v)) {
                throw error(lineNo, column, "non-finite value '" + cell + "' in " + kind);
            }
            return v;
        }

        private long integer(String cell, int lineNo, int column) {
            try {
                return Long.parseLong(cell);
            } catch (NumberFormatException e) {
                double v = number(cell, lineNo, column, "time column");
                if (v != Math.rint(v)) {
                    throw error(lineNo, column, "time value '" + cell + "' is not an integer");
                }
                return (long) v;
            }
        }

        private int[] labels(List<String> text, List<Integer> lineNumbers) {
            TreeMap<String, Integer> counts = new TreeMap<>();
            for (String t : text) {
                counts.merge(t, 1, Integer::sum);
            }
            if (counts.size() > 2) {
                throw new CsvFormatException(file + ": label column '" + spec.label() + "' has " + counts.size()
                        + " distinct values " + counts.keySet() + ", expected two (positive '" + spec.positive() + "')");
            }
            int[] y = new int[text.size()];
            int positives = 0;
            for (int i = 0; i < y.length; i++) {
                y[i] = text.get(i).equals(spec.positive()) ? 1 : 0;
                positives += y[i];
            }
            if (positives == 0 || positives == y.length) {
                throw new CsvFormatException(file + ": label column '" + spec.label() + "' has only one class "
                        + counts + " (positive value '" + spec.positive() + "'): a model needs both");
            }
            if (counts.size() == 2 && !counts.containsKey(spec.positive())) {
                throw new CsvFormatException(file + ":" + lineNumbers.getFirst() + ": label values " + counts.keySet()
                        + " do not include the positive value '" + spec.positive() + "'");
            }
            return y;
        }

        private FeatureSchema deriveSchema(List<String[]> text, List<double[]> rows) {
            List<FeatureDef> defs = new ArrayList<>();
            for (int j = 0; j < featureNames.size(); j++) {
                String f = featureNames.get(j);
                if (!categorical[j]) {
                    defs.add(FeatureDef.numeric(f, ""));
                    continue;
                }
                TreeSet<String> levels = new TreeSet<>();
                for (String[] t : text) {
                    levels.add(t[j]);
                }
                List<String> sorted = new ArrayList<>(levels);
                Map<String, Integer> code = new HashMap<>();
                for (int k = 0; k < sorted.size(); k++) {
                    code.put(sorted.get(k), k);
                }
                for (int i = 0; i < rows.size(); i++) {
                    rows.get(i)[j] = code.get(text.get(i)[j]);
                }
                defs.add(FeatureDef.categorical(f, sorted));
            }
            if (WalletV1.VERSION.equals(spec.schemaVersion())) {
                boolean numeric = defs.stream().noneMatch(FeatureDef::categorical);
                if (!numeric || !featureNames.equals(WalletV1.featureNames())) {
                    throw new CsvFormatException(file + ": schema mismatch: the feature columns are not the 38 "
                            + "numeric wallet-v1 features in order");
                }
                return WalletV1.schema();
            }
            return FeatureSchema.of(spec.schemaVersion(), defs);
        }
    }
}
