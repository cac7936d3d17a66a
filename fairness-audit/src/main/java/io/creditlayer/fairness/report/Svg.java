package io.creditlayer.fairness.report;

import io.creditlayer.fairness.metrics.CalibrationBin;
import io.creditlayer.fairness.metrics.DimensionResult;
import io.creditlayer.fairness.metrics.Estimate;
import io.creditlayer.fairness.metrics.GroupMetric;
import io.creditlayer.fairness.metrics.GroupResult;
import io.creditlayer.fairness.metrics.RocPoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts, written by hand so the page needs no script, no stylesheet and no network: per-group rates
 * with interval whiskers, calibration (reliability) curves and ROC curves. Coordinates are formatted with a fixed
 * number of decimals in Locale.ROOT so the markup is the same on every machine. No xmlns: inline SVG in HTML
 * does not need one, and the page then holds no URL at all.
 */
final class Svg {

    /** Okabe-Ito, colour-blind safe; yellow left out for contrast on white. Past seven groups dashes tell apart. */
    static final String[] COLORS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"};
    static final String[] DASHES = {"", "6 3", "2 2"};
    /** Curves beyond this many groups clutter a chart: the largest groups are drawn, the table has the rest. */
    static final int MAX_CURVES = 12;

    private Svg() {
    }

    static String color(int i) {
        return COLORS[i % COLORS.length];
    }

    static String dash(int i) {
        String d = DASHES[(i / COLORS.length) % DASHES.length];
        return d.isEmpty() ? "" : " stroke-dasharray=\"" + d + "\"";
    }

    /** Selection rate, TPR and FPR of every judged group, dots with bootstrap whiskers; dashed line = overall. */
    static String rates(DimensionResult d, GroupResult overall) {
        List<GroupResult> groups = d.judgedGroups();
        GroupMetric[] metrics = {GroupMetric.SELECTION_RATE, GroupMetric.TPR, GroupMetric.FPR};
        String[] titles = {"selection rate", "TPR (approved | repaid)", "FPR (approved | defaulted)"};
        int labelW = Math.min(320, 20 + 7 * groups.stream().mapToInt(g -> g.key().length() + 6).max().orElse(10));
        int panelW = 190;
        int gap = 36;
        int rowH = 22;
        int top = 40;
        int width = labelW + metrics.length * (panelW + gap);
        int height = top + rowH * groups.size() + 28;
        StringBuilder s = open(width, height, "Per-group rates with " + "bootstrap intervals for " + d.name());
        for (int p = 0; p < metrics.length; p++) {
            int x0 = labelW + p * (panelW + gap);
            s.append(text(x0 + panelW / 2.0, 14, titles[p], "middle", "title"));
            for (int t = 0; t <= 4; t++) {
                double x = x0 + panelW * t / 4.0;
                s.append(line(x, top - 6, x, top + rowH * groups.size(), "grid"));
                if (t % 2 == 0) {
                    s.append(text(x, height - 10, fmt2(t / 4.0), "middle", "tick"));
                }
            }
            double all = overall.metric(metrics[p]).value();
            if (Double.isFinite(all)) {
                double x = x0 + panelW * clamp(all);
                s.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(top - 10).append("\" x2=\"").append(f(x))
                        .append("\" y2=\"").append(top + rowH * groups.size()).append("\" class=\"overall\"><title>overall ")
                        .append(titles[p]).append(' ').append(fmt3(all)).append("</title></line>");
            }
            for (int k = 0; k < groups.size(); k++) {
                GroupResult g = groups.get(k);
                double y = top + rowH * k + rowH / 2.0;
                Estimate e = g.metric(metrics[p]);
                if (!e.defined()) {
                    continue;
                }
                String tip = HtmlReport.esc(g.key()) + " " + titles[p] + " " + fmt3(e.value())
                        + (e.hasInterval() ? " [" + fmt3(e.lower()) + ", " + fmt3(e.upper()) + "]" : "");
                if (e.hasInterval()) {
                    double xl = x0 + panelW * clamp(e.lower());
                    double xu = x0 + panelW * clamp(e.upper());
                    s.append(line(xl, y, xu, y, "whisker"));
                    s.append(line(xl, y - 4, xl, y + 4, "whisker"));
                    s.append(line(xu, y - 4, xu, y + 4, "whisker"));
                }
                s.append("<circle cx=\"").append(f(x0 + panelW * clamp(e.value()))).append("\" cy=\"").append(f(y))
                        .append("\" r=\"4\" fill=\"").append(g.key().equals(d.reference()) ? "#000000" : COLORS[0])
                        .append("\"><title>").append(tip).append("</title></circle>");
            }
        }
        for (int k = 0; k < groups.size(); k++) {
            GroupResult g = groups.get(k);
            String label = g.key() + (g.key().equals(d.reference()) ? " (ref)" : "");
            s.append(text(labelW - 10, top + rowH * k + rowH / 2.0 + 4, label, "end",
                    g.key().equals(d.reference()) ? "label ref" : "label"));
        }
        return s.append("</svg>").toString();
    }

    /** Reliability diagram: mean PD against observed default rate per bin, one curve per judged group. */
    static String calibration(String title, List<GroupResult> groups) {
        List<GroupResult> drawn = largest(groups);
        double m = 0.1;
        for (GroupResult g : drawn) {
            for (CalibrationBin b : g.calibration()) {
                m = Math.max(m, Math.max(b.meanPd(), b.defaultRate()));
            }
        }
        double max = Math.min(1.0, Math.ceil(m * 10 - 1e-9) / 10);
        Plot plot = new Plot(title, "mean predicted PD", "observed default rate", max);
        StringBuilder s = plot.open(drawn);
        s.append(plot.line(0, 0, max, max, "diagonal"));
        for (int k = 0; k < drawn.size(); k++) {
            GroupResult g = drawn.get(k);
            List<double[]> pts = new ArrayList<>();
            for (CalibrationBin b : g.calibration()) {
                pts.add(new double[] {b.meanPd(), b.defaultRate()});
            }
            s.append(plot.polyline(pts, k));
            for (CalibrationBin b : g.calibration()) {
                s.append("<circle cx=\"").append(f(plot.x(b.meanPd()))).append("\" cy=\"").append(f(plot.y(b.defaultRate())))
                        .append("\" r=\"3\" fill=\"").append(color(k)).append("\"><title>")
                        .append(HtmlReport.esc(g.key())).append(" bin ").append(fmt2(b.lower())).append("-").append(fmt2(b.upper()))
                        .append(": n=").append(b.count()).append(", mean PD ").append(fmt3(b.meanPd()))
                        .append(", default rate ").append(fmt3(b.defaultRate())).append("</title></circle>");
            }
        }
        return plot.close(s, drawn, g -> "ECE " + fmt3(g.metric(GroupMetric.ECE).value()));
    }

    /** ROC of PD as a default detector, one curve per judged group, AUC in the legend. */
    static String roc(String title, List<GroupResult> groups) {
        List<GroupResult> drawn = largest(groups);
        Plot plot = new Plot(title, "share of repayers flagged (FPR of PD)", "share of defaulters flagged (TPR of PD)", 1.0);
        StringBuilder s = plot.open(drawn);
        s.append(plot.line(0, 0, 1, 1, "diagonal"));
        for (int k = 0; k < drawn.size(); k++) {
            List<double[]> pts = new ArrayList<>();
            for (RocPoint p : drawn.get(k).roc()) {
                pts.add(new double[] {p.fpr(), p.tpr()});
            }
            s.append(plot.polyline(pts, k));
        }
        return plot.close(s, drawn, g -> "AUC " + fmt3(g.metric(GroupMetric.AUC).value()));
    }

    static List<GroupResult> largest(List<GroupResult> groups) {
        if (groups.size() <= MAX_CURVES) {
            return groups;
        }
        List<GroupResult> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingDouble(GroupResult::weight).reversed().thenComparing(GroupResult::key));
        List<GroupResult> top = new ArrayList<>(sorted.subList(0, MAX_CURVES));
        top.sort(Comparator.comparing(GroupResult::key));
        return top;
    }

    /** A square plot on [0, max] x [0, max] with a legend to its right. */
    private static final class Plot {
        static final int SIZE = 300;
        static final int LEFT = 52;
        static final int TOP = 28;
        final String title;
        final String xLabel;
        final String yLabel;
        final double max;

        Plot(String title, String xLabel, String yLabel, double max) {
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
            this.max = max;
        }

        double x(double v) {
            return LEFT + SIZE * Math.min(1, Math.max(0, v / max));
        }

        double y(double v) {
            return TOP + SIZE * (1 - Math.min(1, Math.max(0, v / max)));
        }

        StringBuilder open(List<GroupResult> groups) {
            int height = Math.max(TOP + SIZE + 48, TOP + 18 * groups.size() + 20);
            // legend entries read "key (AUC 0.123)": about 6.5 px per character at 11 px
            int longest = groups.stream().mapToInt(g -> g.key().length() + 12).max().orElse(20);
            int legend = Math.max(160, 40 + (int) Math.ceil(6.5 * longest));
            StringBuilder s = Svg.open(LEFT + SIZE + 20 + legend, height, title);
            s.append(text(LEFT + SIZE / 2.0, 16, title, "middle", "title"));
            for (int t = 0; t <= 5; t++) {
                double v = max * t / 5;
                s.append(line(x(v), TOP, x(v), TOP + SIZE, "grid"));
                s.append(line(LEFT, y(v), LEFT + SIZE, y(v), "grid"));
                s.append(text(x(v), TOP + SIZE + 16, fmt2(v), "middle", "tick"));
                s.append(text(LEFT - 6, y(v) + 4, fmt2(v), "end", "tick"));
            }
            s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(SIZE)
                    .append("\" height=\"").append(SIZE).append("\" class=\"frame\"/>");
            s.append(text(LEFT + SIZE / 2.0, TOP + SIZE + 36, xLabel, "middle", "axis"));
            s.append("<text transform=\"translate(14,").append(f(TOP + SIZE / 2.0)).append(") rotate(-90)\" text-anchor=\"middle\" class=\"axis\">")
                    .append(HtmlReport.esc(yLabel)).append("</text>");
            return s;
        }

        String line(double x1, double y1, double x2, double y2, String cls) {
            return Svg.line(x(x1), y(y1), x(x2), y(y2), cls);
        }

        String polyline(List<double[]> pts, int k) {
            if (pts.isEmpty()) {
                return "";
            }
            StringBuilder s = new StringBuilder("<polyline fill=\"none\" stroke=\"").append(color(k))
                    .append("\" stroke-width=\"2\"").append(dash(k)).append(" points=\"");
            for (int i = 0; i < pts.size(); i++) {
                if (i > 0) {
                    s.append(' ');
                }
                s.append(f(x(pts.get(i)[0]))).append(',').append(f(y(pts.get(i)[1])));
            }
            return s.append("\"/>").toString();
        }

        String close(StringBuilder s, List<GroupResult> groups, java.util.function.Function<GroupResult, String> note) {
            int lx = LEFT + SIZE + 20;
            for (int k = 0; k < groups.size(); k++) {
                double ly = TOP + 8 + 18 * k;
                s.append("<line x1=\"").append(lx).append("\" y1=\"").append(f(ly)).append("\" x2=\"").append(lx + 22)
                        .append("\" y2=\"").append(f(ly)).append("\" stroke=\"").append(color(k))
                        .append("\" stroke-width=\"3\"").append(dash(k)).append("/>");
                String label = groups.get(k).key() + " (" + note.apply(groups.get(k)) + ")";
                s.append(text(lx + 28, ly + 4, label, "start", "legend"));
            }
            return s.append("</svg>").toString();
        }
    }

    private static StringBuilder open(int width, int height, String label) {
        return new StringBuilder("<svg width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(HtmlReport.esc(label)).append("\">");
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return "<line x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\"" + f(y2) + "\" class=\"" + cls + "\"/>";
    }

    private static String text(double x, double y, String content, String anchor, String cls) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" class=\"" + cls + "\">"
                + HtmlReport.esc(content) + "</text>";
    }

    private static double clamp(double v) {
        return Math.min(1, Math.max(0, v));
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String fmt3(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
