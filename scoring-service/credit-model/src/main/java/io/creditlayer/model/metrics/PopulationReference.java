package io.creditlayer.model.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.model.artifact.Json;
import io.creditlayer.model.data.Dataset;
import io.creditlayer.model.data.FeatureDef;
import io.creditlayer.model.data.FeatureSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training population a model was fitted on, as PSI bins of every feature and of the score; stored in the
 * artifact so that evaluation and monitoring measure drift against it. Feature medians phrase the reasons.
 *
 * @param features bins per feature, in schema order
 * @param score    bins of the training scores
 */
public record PopulationReference(List<Psi.Bins> features, Psi.Bins score) {
    public PopulationReference {
        features = List.copyOf(features);
    }

    public static PopulationReference of(Dataset data, int[] scores) {
        FeatureSchema schema = data.schema();
        List<Psi.Bins> bins = new ArrayList<>();
        for (int j = 0; j < schema.size(); j++) {
            double[] column = column(data, j);
            FeatureDef f = schema.feature(j);
            bins.add(f.categorical() ? Psi.categorical(f.name(), column, f.levels().size()) : Psi.numeric(f.name(), column));
        }
        return new PopulationReference(bins, Psi.numeric("score", toDoubles(scores)));
    }

    /**
     * PSI of every feature and of the score.
     *
     * @param features PSI by feature name, in schema order
     * @param score    PSI of the score
     */
    public record Report(Map<String, Double> features, double score) {
    }

    public Report psi(Dataset actual, int[] scores) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            out.put(features.get(j).name(), features.get(j).psi(column(actual, j)));
        }
        return new Report(out, score.psi(toDoubles(scores)));
    }

    public double median(int feature) {
        return features.get(feature).median();
    }

    private static double[] column(Dataset data, int j) {
        double[] c = new double[data.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = data.row(i)[j];
        }
        return c;
    }

    private static double[] toDoubles(int[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        ArrayNode fs = root.putArray("features");
        for (Psi.Bins b : features) {
            fs.add(binsJson(b));
        }
        root.set("score", binsJson(score));
        return root;
    }

    public static PopulationReference fromJson(JsonNode node) {
        List<Psi.Bins> fs = new ArrayList<>();
        for (JsonNode b : node.required("features")) {
            fs.add(bins(b));
        }
        return new PopulationReference(fs, bins(node.required("score")));
    }

    private static ObjectNode binsJson(Psi.Bins b) {
        ObjectNode o = Json.object();
        o.put("name", b.name());
        o.put("categorical", b.categorical());
        o.set("cuts", Json.doubles(b.cuts()));
        o.set("expected", Json.doubles(b.expected()));
        Json.put(o, "median", b.median());
        return o;
    }

    private static Psi.Bins bins(JsonNode o) {
        return new Psi.Bins(o.required("name").asText(), o.required("categorical").asBoolean(),
                Json.toDoubles(o.required("cuts")), Json.toDoubles(o.required("expected")), Json.number(o.get("median")));
    }
}
