package io.creditlayer.service.borrower;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.model.CreditModel;
import io.creditlayer.model.Score;
import io.creditlayer.model.data.FeatureDef;
import io.creditlayer.model.data.FeatureSchema;
import io.creditlayer.model.metrics.Psi;
import io.creditlayer.model.scoring.TierPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * "What would improve my score": counterfactuals computed with the real model. For each of the top adverse
 * features it changes that one feature, in a direction the borrower can actually move it ({@link FeatureMovement}),
 * and rescores:
 * <ul>
 *   <li><b>nearest</b>: the smallest change that raises the score by at least a point. Candidates are the
 *   model's training-population deciles of the feature and its median (plus one decile span beyond the range for
 *   features that only grow), nearest first; the first one that helps is refined by bisection towards the current
 *   value (a tree model's score is a step function of each feature, so this finds the step) and rounded to the
 *   feature's unit in the direction of the change, then scored again;</li>
 *   <li><b>typical</b>: the feature at the training population's median, when that is reachable and helps.</li>
 * </ul>
 * Features move one at a time, as in the reason codes; {@code together} applies every suggested change at once.
 * Plain Java (no Quarkus), immutable results.
 */
public final class ScoreAdvisor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BISECTION_STEPS = 60;

    private final CreditModel model;
    private final JsonNode labels;

    public ScoreAdvisor(CreditModel model) {
        this.model = model;
        this.labels = readLabels(model.schema().version());
    }

    /**
     * A profile with one feature changed, scored.
     *
     * @param value       the feature's value
     * @param display     the value as text with its unit
     * @param score       the score it would give
     * @param tier        the tier it would give
     * @param pd          the probability of default it would give
     * @param scoreChange score minus the current score
     */
    public record Outcome(double value, String display, int score, int tier, double pd, int scoreChange) {
    }

    /**
     * The profile with every suggested change applied at once.
     *
     * @param score       the score it would give
     * @param tier        the tier it would give
     * @param pd          the probability of default it would give
     * @param scoreChange score minus the current score
     */
    public record Together(int score, int tier, double pd, int scoreChange) {
    }

    /**
     * What one adverse feature could do.
     *
     * @param feature      the feature (reason code)
     * @param label        its name in words
     * @param currentValue the borrower's value
     * @param current      the value as text with its unit
     * @param movement     which way the borrower can move it
     * @param nearest      the smallest change that raises the score, or null when none within reach does
     * @param typical      the population median, when reachable and better, else null
     * @param text         the advice in plain language
     */
    public record Improvement(String feature, String label, double currentValue, String current, FeatureMovement movement,
                              Outcome nearest, Outcome typical, String text) {
    }

    /**
     * The next tier and how far its floor is.
     *
     * @param tier         the next tier
     * @param minScore     its lowest score
     * @param pointsNeeded points still missing
     */
    public record NextTier(int tier, int minScore, int pointsNeeded) {
    }

    /**
     * The advice for one profile.
     *
     * @param score        the current score
     * @param improvements per adverse feature, in the order given
     * @param together     every suggested change at once (null when there is none)
     * @param nextTier     the next tier (null at the top tier)
     * @param summary      the distance to the next tier in plain language
     */
    public record Advice(Score score, List<Improvement> improvements, Together together, NextTier nextTier, String summary) {
        public Advice {
            improvements = List.copyOf(improvements);
        }
    }

    /**
     * @param features        the profile, in the model's schema order
     * @param adverseFeatures the features to analyse (the reason codes, most adverse first)
     */
    public Advice advise(double[] features, List<String> adverseFeatures) {
        FeatureSchema schema = model.schema();
        Score base = model.score(features);
        List<Improvement> improvements = new ArrayList<>();
        double[] combined = features.clone();
        boolean anyChange = false;
        for (String feature : adverseFeatures) {
            int j = schema.indexOf(feature);
            if (j < 0) {
                throw new IllegalArgumentException("feature " + feature + " is not in schema " + schema.version());
            }
            Improvement improvement = improve(features, j, base);
            improvements.add(improvement);
            Outcome best = better(improvement.nearest(), improvement.typical());
            if (best != null) {
                combined[j] = best.value();
                anyChange = true;
            }
        }
        Together together = null;
        if (anyChange) {
            Score s = model.score(combined);
            together = new Together(s.score(), s.tier(), s.pd(), s.score() - base.score());
        }
        TierPolicy policy = model.policy();
        NextTier next = null;
        String summary;
        if (base.tier() < TierPolicy.MAX_TIER) {
            int floor = policy.terms(base.tier() + 1).minScore();
            next = new NextTier(base.tier() + 1, floor, floor - base.score());
            summary = String.format(Locale.ROOT, "Your score is %d (tier %d). Tier %d starts at %d: %d points to go.",
                    base.score(), base.tier(), next.tier(), floor, next.pointsNeeded());
        } else {
            summary = String.format(Locale.ROOT, "Your score is %d: tier %d, the best terms the pool offers.",
                    base.score(), base.tier());
        }
        if (together != null) {
            summary += String.format(Locale.ROOT, " The changes above together would give %d (tier %d).", together.score(),
                    together.tier());
        }
        return new Advice(base, improvements, together, next, summary);
    }

    private Improvement improve(double[] features, int j, Score base) {
        FeatureDef def = model.schema().feature(j);
        String label = label(def);
        double current = features[j];
        FeatureMovement movement = FeatureMovement.of(model.schema().version(), def.name());
        if (def.categorical()) {
            return improveCategorical(features, j, base, def, label);
        }
        Outcome nearest = nearest(features, j, base, def, movement);
        double median = model.reference().median(j);
        Outcome typical = null;
        if (Double.isFinite(median) && movement.allows(current, median)) {
            Outcome atMedian = outcome(features, j, median, base);
            if (atMedian.score() > base.score()) {
                typical = atMedian;
            }
        }
        String text = text(label, display(def, current), movement, base, nearest, typical, current);
        return new Improvement(def.name(), label, current, display(def, current), movement, nearest, typical, text);
    }

    private Outcome nearest(double[] features, int j, Score base, FeatureDef def, FeatureMovement movement) {
        double current = features[j];
        Psi.Bins bins = model.reference().features().get(j);
        TreeSet<Double> grid = new TreeSet<>();
        for (double cut : bins.cuts()) {
            grid.add(cut);
        }
        if (Double.isFinite(bins.median())) {
            grid.add(bins.median());
        }
        if (grid.size() >= 2 && movement == FeatureMovement.UP) {
            grid.add(grid.last() + (grid.last() - grid.first()));
        }
        List<Double> points = new ArrayList<>(grid);
        for (int i = 0; i + 1 < points.size(); i++) {
            grid.add((points.get(i) + points.get(i + 1)) / 2);
        }
        List<Double> candidates = grid.stream().filter(c -> movement.allows(current, c))
                .sorted(Comparator.comparingDouble(c -> Math.abs(c - current))).toList();
        for (double candidate : candidates) {
            if (scoreWith(features, j, candidate) > base.score()) {
                double target = refine(features, j, base, current, candidate);
                double rounded = roundAway(def.unit(), current, target);
                if (scoreWith(features, j, rounded) > base.score()) {
                    target = rounded;
                }
                return outcome(features, j, target, base);
            }
        }
        return null;
    }

    /** Bisects between a value that does not help and one that does, returning the helping side. */
    private double refine(double[] features, int j, Score base, double notHelping, double helping) {
        double lo = notHelping;
        double hi = helping;
        for (int step = 0; step < BISECTION_STEPS && Math.abs(hi - lo) > 1e-9 * Math.max(1, Math.abs(hi)); step++) {
            double mid = (lo + hi) / 2;
            if (scoreWith(features, j, mid) > base.score()) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private Improvement improveCategorical(double[] features, int j, Score base, FeatureDef def, String label) {
        double current = features[j];
        Outcome best = null;
        for (int level = 0; level < def.levels().size(); level++) {
            if (level == (int) current) {
                continue;
            }
            Outcome o = outcome(features, j, level, base);
            if (o.score() > base.score() && (best == null || o.score() > best.score())) {
                best = o;
            }
        }
        String shown = display(def, current);
        String text = best == null
                ? capitalize(label) + " (" + shown + "): no other value raises the score under this model."
                : String.format(Locale.ROOT, "%s %s instead of %s: score %d → %d%s.", capitalize(label), best.display(),
                shown, base.score(), best.score(), tierChange(base.tier(), best.tier()));
        return new Improvement(def.name(), label, current, shown, FeatureMovement.EITHER, best, null, text);
    }

    private String text(String label, String shown, FeatureMovement movement, Score base, Outcome nearest,
                        Outcome typical, double current) {
        StringBuilder text = new StringBuilder();
        if (nearest == null) {
            text.append(capitalize(label)).append(" (").append(shown).append("): ").append(switch (movement) {
                case UP -> "it only grows over time, and higher values would not raise your score under this model.";
                case DOWN -> "it can only fall, and lower values would not raise your score under this model.";
                case EITHER -> "no change of it alone would raise your score under this model.";
            });
        } else {
            text.append(String.format(Locale.ROOT, "%s %s from %s to %s: score %d → %d%s.",
                    nearest.value() > current ? "Raising" : "Lowering", label, shown, nearest.display(), base.score(),
                    nearest.score(), tierChange(base.tier(), nearest.tier())));
        }
        if (typical != null && (nearest == null || typical.score() > nearest.score())) {
            text.append(String.format(Locale.ROOT, " At the typical borrower's %s (%s): score %d%s.", label,
                    typical.display(), typical.score(), tierChange(base.tier(), typical.tier())));
        }
        return text.toString();
    }

    private static String tierChange(int from, int to) {
        return to > from ? ", tier " + from + " → " + to : ", still tier " + from;
    }

    private Outcome outcome(double[] features, int j, double value, Score base) {
        double[] changed = features.clone();
        changed[j] = value;
        Score s = model.score(changed);
        return new Outcome(value, display(model.schema().feature(j), value), s.score(), s.tier(), s.pd(),
                s.score() - base.score());
    }

    private int scoreWith(double[] features, int j, double value) {
        double[] changed = features.clone();
        changed[j] = value;
        return model.score(changed).score();
    }

    private static Outcome better(Outcome a, Outcome b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.score() > a.score() ? b : a;
    }

    /** The feature's resolution by unit: whole counts, days, tokens and dollars; hundredths of ratios. */
    static double resolution(String unit) {
        return switch (unit) {
            case "count", "days", "USD", "tokens" -> 1;
            case "ratio", "tokens/token" -> 0.01;
            case "ETH" -> 0.001;
            default -> 0;
        };
    }

    /** Rounds {@code target} to the unit's resolution, away from {@code current} (so a crossed step stays crossed). */
    static double roundAway(String unit, double current, double target) {
        double step = resolution(unit);
        if (step == 0) {
            return target;
        }
        double units = target / step;
        double rounded = target > current ? Math.ceil(units - 1e-9) : Math.floor(units + 1e-9);
        return Math.round(rounded * step * 1e6) / 1e6;
    }

    static String display(FeatureDef def, double value) {
        if (def.categorical()) {
            return def.levels().get((int) value);
        }
        return switch (def.unit()) {
            case "count" -> String.format(Locale.ROOT, "%,.0f", value);
            case "days" -> String.format(Locale.ROOT, "%,.0f days", value);
            case "ratio" -> String.format(Locale.ROOT, "%.0f%%", value * 100);
            case "USD" -> String.format(Locale.ROOT, "%,.0f USD", value);
            case "tokens" -> String.format(Locale.ROOT, "%,.0f tokens", value);
            case "ETH" -> String.format(Locale.ROOT, "%,.3f ETH", value);
            case "tokens/token" -> String.format(Locale.ROOT, "%,.2f", value);
            default -> String.format(Locale.ROOT, "%.4g", value) + (def.unit().isEmpty() ? "" : " " + def.unit());
        };
    }

    private String label(FeatureDef def) {
        String label = labels.path(def.name()).path("label").asText("");
        return label.isEmpty() ? def.name().replace('_', ' ') : label;
    }

    /** Feature labels from the credit model's reason catalogue ({@code reasons/<schema version>.json}). */
    private static JsonNode readLabels(String schemaVersion) {
        try (InputStream in = CreditModel.class.getResourceAsStream("/io/creditlayer/model/reasons/" + schemaVersion + ".json")) {
            return in == null ? JSON.createObjectNode() : JSON.readTree(in).path("reasons");
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
