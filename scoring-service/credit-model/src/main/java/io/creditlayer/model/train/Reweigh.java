package io.creditlayer.model.train;

import io.creditlayer.fairness.mitigation.Reweighing;
import io.creditlayer.model.CreditModelException;
import io.creditlayer.model.data.Dataset;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kamiran–Calders reweighing as a training option: before a learner is fitted, every training row of group a with
 * label y is weighted by n_y n_a / (n n_{a,y}) (fairness-audit's {@link Reweighing}, on the weighted counts when the
 * data carries sample weights), so that in the weighted training rows the default rate is the same in every group.
 * The group comes from a group column of the data (an audit attribute, never a feature): its values as they are, or
 * split at a threshold ({@code age_years<=25} makes two groups, {@code age_years<=25} and {@code age_years>25}).
 *
 * <p>Smile 6.3.0's gradient tree boosting and the scorecard's logistic regression take no sample weights, so the
 * weights act through the trainer's seeded weighted resampling ({@link ClassWeighting}): each training row is
 * repeated ⌊w⌋ times plus once more with probability w − ⌊w⌋. Weights are computed on each fitting set separately
 * (every fold), never on validation, calibration or test rows.
 *
 * @param column the group column
 * @param atMost null to use the column's values as groups; else the threshold of a numeric column
 */
public record Reweigh(String column, Double atMost) {
    private static final Pattern THRESHOLD = Pattern.compile("([A-Za-z0-9_.-]+)\\s*<=\\s*(-?[0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z0-9_.-]+");

    public Reweigh {
        if (column == null || !COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("reweighing needs a group column name: " + column);
        }
        if (atMost != null && !Double.isFinite(atMost)) {
            throw new IllegalArgumentException("reweighing threshold must be finite: " + atMost);
        }
    }

    /** Parses {@code column} or {@code column<=number}. */
    public static Reweigh parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = THRESHOLD.matcher(t);
        if (m.matches()) {
            return new Reweigh(m.group(1), Double.parseDouble(m.group(2)));
        }
        if (COLUMN.matcher(t).matches()) {
            return new Reweigh(t, null);
        }
        throw new CreditModelException("--reweigh-by must be a group column or column<=number: '" + text + "'");
    }

    /** The group of every row of {@code data}. */
    public String[] groups(Dataset data) {
        String[] values = data.groups().get(column);
        if (values == null) {
            throw new CreditModelException(data.source() + ": cannot reweigh by '" + column
                    + "': not a group column (group columns: " + String.join(", ", data.groups().keySet()) + ")");
        }
        if (atMost == null) {
            return values.clone();
        }
        String low = column + "<=" + threshold();
        String high = column + ">" + threshold();
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            double v;
            try {
                v = Double.parseDouble(values[i].trim());
            } catch (NumberFormatException e) {
                throw new CreditModelException(data.source() + ": cannot split '" + column + "' at " + threshold()
                        + ": row " + (i + 1) + " has '" + values[i] + "'");
            }
            out[i] = v <= atMost ? low : high;
        }
        return out;
    }

    /** Training weights of {@code data}: its sample weights (or 1) times the reweighing factors. */
    public double[] weights(Dataset data) {
        int[] y = data.y();
        boolean[] defaulted = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            defaulted[i] = y[i] == 1;
        }
        return Reweighing.weights(defaulted, groups(data), data.weights()).weights();
    }

    /** As given on the command line: {@code column} or {@code column<=threshold}. */
    @Override
    public String toString() {
        return atMost == null ? column : column + "<=" + threshold();
    }

    private String threshold() {
        return atMost == Math.rint(atMost) && Math.abs(atMost) < 1e15
                ? Long.toString(atMost.longValue()) : String.format(Locale.ROOT, "%s", atMost);
    }
}
