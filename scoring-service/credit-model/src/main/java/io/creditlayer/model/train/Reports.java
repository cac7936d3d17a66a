package io.creditlayer.model.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.model.artifact.Json;
import io.creditlayer.model.calibration.CalibrationSelection;
import io.creditlayer.model.metrics.CalibrationCurve;
import io.creditlayer.model.metrics.MetricSet;

import java.util.Map;

/** JSON form of a {@link TrainingReport} (the "metrics" of a manifest). */
public final class Reports {
    private Reports() {
    }

    public static ObjectNode toJson(TrainingReport r) {
        ObjectNode o = Json.object();
        o.put("strategy", r.strategy());
        o.put("chosen", r.chosen());
        o.set("validation", evaluations(r.validation()));
        o.put("holdoutKind", r.holdoutKind());
        o.set("holdout", evaluations(r.holdout()));
        if (!r.folds().isEmpty()) {
            ArrayNode folds = o.putArray("folds");
            for (TrainingReport.FoldResult f : r.folds()) {
                ObjectNode fo = folds.addObject();
                fo.put("fold", f.fold());
                fo.put("rows", f.rows());
                fo.put("chosen", f.chosen());
                ObjectNode auc = fo.putObject("auc");
                f.auc().forEach((k, v) -> Json.put(auc, k, v));
            }
            ObjectNode summary = o.putObject("foldAuc");
            for (String id : r.holdout().keySet()) {
                double[] ms = r.foldAuc(id);
                ObjectNode s = summary.putObject(id);
                Json.put(s, "mean", ms[0]);
                Json.put(s, "sd", ms[1]);
            }
        }
        ObjectNode cal = o.putObject("calibration");
        for (Map.Entry<String, CalibrationSelection> e : r.calibration().entrySet()) {
            CalibrationSelection s = e.getValue();
            ObjectNode c = cal.putObject(e.getKey());
            c.put("method", s.chosen().method());
            c.put("folds", s.folds());
            Json.put(c, "plattLogLoss", s.plattLogLoss());
            Json.put(c, "plattBrier", s.plattBrier());
            Json.put(c, "isotonicLogLoss", s.isotonicLogLoss());
            Json.put(c, "isotonicBrier", s.isotonicBrier());
        }
        o.set("calibrationCurve", curve(r.curve()));
        ArrayNode imp = o.putArray("importance");
        for (TrainingReport.Importance i : r.importance()) {
            ObjectNode io = imp.addObject();
            io.put("feature", i.feature());
            Json.put(io, "meanAbsLogOdds", i.meanAbsLogOdds());
        }
        return o;
    }

    private static ObjectNode evaluations(Map<String, Evaluation> evals) {
        ObjectNode o = Json.object();
        evals.forEach((id, e) -> {
            ObjectNode m = metrics(e.metrics());
            Json.put(m, "rawAuc", e.rawAuc());
            o.set(id, m);
        });
        return o;
    }

    public static ObjectNode metrics(MetricSet m) {
        ObjectNode o = Json.object();
        o.put("rows", m.rows());
        o.put("defaults", m.positives());
        Json.put(o, "auc", m.auc());
        Json.put(o, "ks", m.ks());
        Json.put(o, "gini", m.gini());
        Json.put(o, "brier", m.brier());
        Json.put(o, "logLoss", m.logLoss());
        Json.put(o, "ece", m.ece());
        return o;
    }

    public static ObjectNode curve(CalibrationCurve curve) {
        ObjectNode o = Json.object();
        Json.put(o, "ece", curve.ece());
        ArrayNode bins = o.putArray("bins");
        for (CalibrationCurve.Bin b : curve.bins()) {
            ObjectNode bo = bins.addObject();
            bo.put("lower", b.lower());
            bo.put("upper", b.upper());
            bo.put("count", b.count());
            Json.put(bo, "meanPredicted", b.meanPredicted());
            Json.put(bo, "observed", b.observed());
        }
        return o;
    }
}
