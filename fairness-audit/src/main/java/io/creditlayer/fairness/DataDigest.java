package io.creditlayer.fairness;

import io.creditlayer.fairness.metrics.Population;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * SHA-256 of the audited rows (decision, label, PD, weight, attributes, and cluster ids when given) in a fixed
 * binary layout, so a report names exactly which data it judged without containing the data. Cluster ids come
 * last and only when present, so the digest of rows without clusters is what it was before clusters existed.
 */
final class DataDigest {
    private DataDigest() {
    }

    static ReportHash of(Population p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("creditlayer.fairness.data/1");
            int n = p.size();
            out.writeInt(n);
            boolean[] approved = p.approved();
            boolean[] defaulted = p.defaulted();
            double[] pd = p.pd();
            double[] w = p.weights();
            out.writeBoolean(pd != null);
            out.writeBoolean(w != null);
            for (int i = 0; i < n; i++) {
                out.writeBoolean(approved[i]);
                out.writeBoolean(defaulted[i]);
                if (pd != null) {
                    out.writeLong(Double.doubleToLongBits(pd[i]));
                }
                if (w != null) {
                    out.writeLong(Double.doubleToLongBits(w[i]));
                }
            }
            Map<String, String[]> attributes = p.attributes();
            out.writeInt(attributes.size());
            for (Map.Entry<String, String[]> e : attributes.entrySet()) {
                string(out, e.getKey());
                for (String v : e.getValue()) {
                    string(out, v);
                }
            }
            String[] clusters = p.clusters();
            if (clusters != null) {
                out.writeUTF("clusters");
                for (String id : clusters) {
                    string(out, id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ReportHash.of(bytes.toByteArray());
    }

    /** Length-prefixed UTF-8 (writeUTF caps strings at 64 KB and uses modified UTF-8). */
    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
