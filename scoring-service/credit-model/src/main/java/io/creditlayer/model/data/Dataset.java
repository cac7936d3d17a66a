package io.creditlayer.model.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Rows of feature vectors under a {@link FeatureSchema} (categorical values as level indices), with an optional
 * binary label (1 = positive = default), sample weights, times, ids and group columns. Arrays are shared, not
 * copied: treat them as read-only.
 */
public final class Dataset {
    private final FeatureSchema schema;
    private final double[][] x;
    private final int[] y;
    private final double[] weights;
    private final long[] time;
    private final String[] ids;
    private final Map<String, String[]> groups;
    private final String source;

    /**
     * @param schema  the features
     * @param x       n rows of schema.size() values
     * @param y       labels (0/1), or null when unlabelled
     * @param weights sample weights, or null (all 1)
     * @param time    times, or null
     * @param ids     row ids, or null
     * @param groups  group columns by name (each n values), may be empty
     * @param source  where the rows came from (a file name), for messages and metadata
     */
    public Dataset(FeatureSchema schema, double[][] x, int[] y, double[] weights, long[] time, String[] ids,
                   Map<String, String[]> groups, String source) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.x = Objects.requireNonNull(x, "x");
        int n = x.length;
        for (double[] row : x) {
            if (row.length != schema.size()) {
                throw new IllegalArgumentException("row of " + row.length + " values, schema has " + schema.size());
            }
        }
        requireLength(y == null ? -1 : y.length, n, "labels");
        requireLength(weights == null ? -1 : weights.length, n, "weights");
        requireLength(time == null ? -1 : time.length, n, "times");
        requireLength(ids == null ? -1 : ids.length, n, "ids");
        Map<String, String[]> g = new LinkedHashMap<>();
        if (groups != null) {
            groups.forEach((k, v) -> {
                requireLength(v.length, n, "group " + k);
                g.put(k, v);
            });
        }
        if (y != null) {
            for (int label : y) {
                if (label != 0 && label != 1) {
                    throw new IllegalArgumentException("labels must be 0 or 1: " + label);
                }
            }
        }
        this.y = y;
        this.weights = weights;
        this.time = time;
        this.ids = ids;
        this.groups = Collections.unmodifiableMap(g);
        this.source = source == null ? "<memory>" : source;
    }

    /** A labelled data set without weights, times, ids or groups. */
    public static Dataset of(FeatureSchema schema, double[][] x, int[] y) {
        return new Dataset(schema, x, y, null, null, null, Map.of(), null);
    }

    private static void requireLength(int length, int n, String what) {
        if (length >= 0 && length != n) {
            throw new IllegalArgumentException(what + " has " + length + " values for " + n + " rows");
        }
    }

    public FeatureSchema schema() {
        return schema;
    }

    public int size() {
        return x.length;
    }

    public double[][] x() {
        return x;
    }

    public double[] row(int i) {
        return x[i];
    }

    /** Labels, or null. */
    public int[] y() {
        return y;
    }

    public boolean labelled() {
        return y != null;
    }

    /** Sample weights, or null (all 1). */
    public double[] weights() {
        return weights;
    }

    /** Times, or null. */
    public long[] time() {
        return time;
    }

    /** Row ids, or null. */
    public String[] ids() {
        return ids;
    }

    /** Id of a row: the id column, or the 1-based row number. */
    public String id(int i) {
        return ids == null ? Integer.toString(i + 1) : ids[i];
    }

    public Map<String, String[]> groups() {
        return groups;
    }

    public String source() {
        return source;
    }

    public int positives() {
        int count = 0;
        for (int label : y) {
            count += label;
        }
        return count;
    }

    /** The rows at the given indices, in that order. */
    public Dataset subset(int[] rows) {
        double[][] sx = new double[rows.length][];
        int[] sy = y == null ? null : new int[rows.length];
        double[] sw = weights == null ? null : new double[rows.length];
        long[] st = time == null ? null : new long[rows.length];
        String[] sid = ids == null ? null : new String[rows.length];
        Map<String, String[]> sg = new LinkedHashMap<>();
        groups.forEach((k, v) -> sg.put(k, new String[rows.length]));
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            sx[i] = x[r];
            if (sy != null) {
                sy[i] = y[r];
            }
            if (sw != null) {
                sw[i] = weights[r];
            }
            if (st != null) {
                st[i] = time[r];
            }
            if (sid != null) {
                sid[i] = ids[r];
            }
            for (Map.Entry<String, String[]> e : sg.entrySet()) {
                e.getValue()[i] = groups.get(e.getKey())[r];
            }
        }
        return new Dataset(schema, sx, sy, sw, st, sid, sg, source);
    }

    /**
     * SHA-256 over the content that training reads (schema hash, then per row the feature values' IEEE bits, the
     * label, the weight and the time), independent of file formatting: the "data hash" of a model's metadata.
     */
    public String contentHash() {
        MessageDigest digest = Hashes.sha256();
        try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
            out.write(schema.hash().getBytes(StandardCharsets.UTF_8));
            out.writeInt(x.length);
            for (int i = 0; i < x.length; i++) {
                for (double v : x[i]) {
                    out.writeLong(Double.doubleToLongBits(v));
                }
                out.writeInt(y == null ? -1 : y[i]);
                out.writeLong(Double.doubleToLongBits(weights == null ? 1.0 : weights[i]));
                out.writeLong(time == null ? 0 : time[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Hashes.hex0x(digest.digest());
    }
}
