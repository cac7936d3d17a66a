package io.creditlayer.model.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.model.calibration.Calibrator;
import io.creditlayer.model.calibration.IsotonicCalibration;
import io.creditlayer.model.calibration.PlattScaling;
import io.creditlayer.model.data.ColumnSpec;
import io.creditlayer.model.data.FeatureDef;
import io.creditlayer.model.data.FeatureSchema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** JSON forms of the schema, the column spec and the calibrator, as stored in {@code manifest.json}. */
public final class Manifests {
    private Manifests() {
    }

    public static ObjectNode schema(FeatureSchema schema) {
        ObjectNode o = Json.object();
        o.put("version", schema.version());
        o.put("hashAlgorithm", schema.hashAlgorithm());
        o.put("hash", schema.hash());
        ArrayNode fs = o.putArray("features");
        for (FeatureDef f : schema.features()) {
            ObjectNode fo = fs.addObject();
            fo.put("name", f.name());
            fo.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
            fo.put("unit", f.unit());
            if (f.categorical()) {
                ArrayNode levels = fo.putArray("levels");
                f.levels().forEach(levels::add);
            }
        }
        return o;
    }

    public static FeatureSchema schema(JsonNode o) {
        List<FeatureDef> defs = new ArrayList<>();
        for (JsonNode f : o.required("features")) {
            FeatureDef.Kind kind = FeatureDef.Kind.valueOf(f.required("kind").asText().toUpperCase(java.util.Locale.ROOT));
            List<String> levels = new ArrayList<>();
            f.path("levels").forEach(l -> levels.add(l.asText()));
            defs.add(new FeatureDef(f.required("name").asText(), kind, f.path("unit").asText(""), levels));
        }
        return new FeatureSchema(o.required("version").asText(), defs, o.required("hashAlgorithm").asText(),
                o.required("hash").asText());
    }

    public static ObjectNode columns(ColumnSpec spec) {
        ObjectNode o = Json.object();
        putNullable(o, "label", spec.label());
        putNullable(o, "positive", spec.positive());
        o.set("features", strings(spec.features()));
        o.set("categorical", strings(spec.categorical().stream().sorted().toList()));
        o.set("groups", strings(spec.groups()));
        putNullable(o, "weight", spec.weight());
        putNullable(o, "time", spec.time());
        putNullable(o, "id", spec.id());
        o.set("ignore", strings(spec.ignore()));
        putNullable(o, "versionColumn", spec.versionColumn());
        o.put("schemaVersion", spec.schemaVersion());
        o.put("delimiter", spec.delimiter());
        o.put("header", spec.header());
        o.set("columnNames", strings(spec.columnNames()));
        return o;
    }

    public static ColumnSpec columns(JsonNode o) {
        Set<String> categorical = new LinkedHashSet<>(list(o.path("categorical")));
        return new ColumnSpec(text(o, "label"), text(o, "positive"), list(o.path("features")), categorical,
                list(o.path("groups")), text(o, "weight"), text(o, "time"), text(o, "id"), list(o.path("ignore")),
                text(o, "versionColumn"), text(o, "schemaVersion"), text(o, "delimiter"), o.path("header").asBoolean(true),
                list(o.path("columnNames")));
    }

    public static ObjectNode calibrator(Calibrator c) {
        ObjectNode o = Json.object();
        o.put("method", c.method());
        switch (c) {
            case PlattScaling p -> {
                o.put("a", p.a());
                o.put("b", p.b());
            }
            case IsotonicCalibration iso -> {
                o.set("x", Json.doubles(iso.x()));
                o.set("y", Json.doubles(iso.y()));
            }
        }
        return o;
    }

    public static Calibrator calibrator(JsonNode o) {
        return switch (o.required("method").asText()) {
            case "platt" -> new PlattScaling(o.required("a").asDouble(), o.required("b").asDouble());
            case "isotonic" -> new IsotonicCalibration(Json.toDoubles(o.required("x")), Json.toDoubles(o.required("y")));
            default -> throw new IllegalArgumentException("unknown calibration method " + o.get("method"));
        };
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = Json.array();
        values.forEach(a::add);
        return a;
    }

    private static List<String> list(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static void putNullable(ObjectNode o, String field, String value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
