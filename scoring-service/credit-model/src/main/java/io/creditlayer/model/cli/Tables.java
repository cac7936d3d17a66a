package io.creditlayer.model.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditlayer.model.metrics.CalibrationCurve;
import io.creditlayer.model.metrics.MetricSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text tables for the CLI. */
final class Tables {
    private final List<String[]> rows = new ArrayList<>();

    Tables(String... header) {
        rows.add(header);
    }

    Tables row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = cells[i] instanceof Double d ? f4(d) : String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    static String f4(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String f4(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? f4(v.asDouble()) : "-";
    }

    @Override
    public String toString() {
        int cols = rows.getFirst().length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols && c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            for (int c = 0; c < cols; c++) {
                String cell = c < r.length ? r[c] : "";
                sb.append(c == 0 ? String.format("%-" + width[c] + "s", cell) : String.format("  %" + width[c] + "s", cell));
            }
            sb.append('\n');
            if (i == 0) {
                for (int c = 0; c < cols; c++) {
                    sb.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static Tables metrics() {
        return new Tables("model", "rows", "defaults", "AUC", "KS", "Gini", "Brier", "log-loss", "ECE");
    }

    static void metricsRow(Tables t, String name, MetricSet m) {
        t.row(name, m.rows(), m.positives(), m.auc(), m.ks(), m.gini(), m.brier(), m.logLoss(), m.ece());
    }

    static void metricsRow(Tables t, String name, JsonNode m) {
        t.row(name, m.path("rows").asInt(), m.path("defaults").asInt(), f4(m, "auc"), f4(m, "ks"), f4(m, "gini"),
                f4(m, "brier"), f4(m, "logLoss"), f4(m, "ece"));
    }

    static String curve(CalibrationCurve curve) {
        Tables t = new Tables("PD bin", "rows", "mean PD", "observed");
        for (CalibrationCurve.Bin b : curve.bins()) {
            t.row(String.format(Locale.ROOT, "%.1f-%.1f", b.lower(), b.upper()), b.count(), b.meanPredicted(), b.observed());
        }
        return t.toString();
    }

    static String curve(JsonNode curve) {
        Tables t = new Tables("PD bin", "rows", "mean PD", "observed");
        for (JsonNode b : curve.path("bins")) {
            t.row(String.format(Locale.ROOT, "%.1f-%.1f", b.path("lower").asDouble(), b.path("upper").asDouble()),
                    b.path("count").asInt(), f4(b, "meanPredicted"), f4(b, "observed"));
        }
        return t.toString();
    }
}
