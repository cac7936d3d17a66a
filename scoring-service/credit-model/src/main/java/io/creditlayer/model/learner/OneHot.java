package io.creditlayer.model.learner;

import io.creditlayer.model.data.FeatureDef;
import io.creditlayer.model.data.FeatureSchema;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a schema's feature vector for the trees: a numeric feature stays one column, a categorical one becomes
 * one 0/1 column per level. Knows which raw feature each expanded column came from, so that tree SHAP values of
 * the expanded columns sum back to the raw feature.
 */
final class OneHot implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int raw;
    private final int[] offset;
    private final boolean[] categorical;
    private final int[] source;
    private final String[] names;

    OneHot(FeatureSchema schema) {
        raw = schema.size();
        offset = new int[raw];
        categorical = new boolean[raw];
        List<String> columns = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        for (int j = 0; j < raw; j++) {
            FeatureDef f = schema.feature(j);
            offset[j] = columns.size();
            categorical[j] = f.categorical();
            if (f.categorical()) {
                for (String level : f.levels()) {
                    columns.add(f.name() + "=" + level);
                    from.add(j);
                }
            } else {
                columns.add(f.name());
                from.add(j);
            }
        }
        names = columns.toArray(String[]::new);
        source = from.stream().mapToInt(Integer::intValue).toArray();
    }

    int width() {
        return names.length;
    }

    int rawWidth() {
        return raw;
    }

    String[] names() {
        return names.clone();
    }

    /** Raw feature of expanded column c. */
    int source(int c) {
        return source[c];
    }

    double[] encode(double[] x) {
        double[] out = new double[names.length];
        encode(x, out);
        return out;
    }

    void encode(double[] x, double[] out) {
        for (int j = 0; j < raw; j++) {
            if (categorical[j]) {
                int levels = (j + 1 < raw ? offset[j + 1] : names.length) - offset[j];
                for (int k = 0; k < levels; k++) {
                    out[offset[j] + k] = 0;
                }
                out[offset[j] + (int) x[j]] = 1;
            } else {
                out[offset[j]] = x[j];
            }
        }
    }

    /** Sums expanded-column values into raw features. */
    double[] collapse(double[] expanded) {
        double[] out = new double[raw];
        for (int c = 0; c < expanded.length; c++) {
            out[source[c]] += expanded[c];
        }
        return out;
    }
}
