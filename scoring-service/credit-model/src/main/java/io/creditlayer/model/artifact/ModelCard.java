package io.creditlayer.model.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model card of an artifact, in JSON and Markdown: intended use, data, model, metrics, calibration, score scale
 * and tiers, limits and ethical considerations. Generated from the manifest, so it never disagrees with the model.
 *
 * @param json     the card as JSON
 * @param markdown the card as Markdown
 */
public record ModelCard(ObjectNode json, String markdown) {

    public static ModelCard of(JsonNode manifest, String modelId) {
        ObjectNode card = Json.object();
        String schemaVersion = manifest.path("schema").path("version").asText();
        String type = manifest.path("model").path("type").asText();
        card.put("modelId", modelId);
        card.put("name", "CreditLayer credit model (" + schemaVersion + ", " + type + ")");
        card.put("format", manifest.path("format").asText());
        card.put("intendedUse", intendedUse(schemaVersion));
        card.put("outOfScope", outOfScope(schemaVersion));

        ObjectNode data = card.putObject("data");
        JsonNode training = manifest.path("training");
        data.put("source", source(schemaVersion));
        data.put("rows", training.path("rows").asInt());
        data.put("defaults", training.path("defaults").asInt());
        data.put("defaultRate", training.path("defaultRate").asDouble());
        data.put("dataHash", training.path("dataHash").asText());
        data.put("schemaVersion", schemaVersion);
        data.put("schemaHash", manifest.path("schema").path("hash").asText());
        data.put("features", manifest.path("schema").path("features").size());
        data.set("groupColumnsNotFeatures", manifest.path("columns").path("groups").deepCopy());
        data.put("label", labelText(manifest));
        data.put("split", training.path("strategy").asText());

        ObjectNode model = card.putObject("model");
        model.put("type", type);
        model.set("candidates", training.path("candidates").deepCopy());
        model.put("selection", training.path("selection").asText());
        model.put("weighting", training.path("weighting").asText());
        model.put("seed", training.path("seed").asLong());
        model.set("params", paramsWithoutBins(manifest.path("model").path("params")));

        JsonNode metrics = manifest.path("metrics");
        ObjectNode m = card.putObject("metrics");
        m.put("holdoutKind", metrics.path("holdoutKind").asText());
        m.set("holdout", metrics.path("holdout").deepCopy());
        m.set("validation", metrics.path("validation").deepCopy());
        if (metrics.has("foldAuc")) {
            m.set("foldAuc", metrics.path("foldAuc").deepCopy());
        }
        m.set("importance", metrics.path("importance").deepCopy());

        ObjectNode calibration = card.putObject("calibration");
        calibration.put("method", manifest.path("calibration").path("method").asText());
        calibration.set("selection", metrics.path("calibration").path(type).deepCopy());
        calibration.set("curve", metrics.path("calibrationCurve").deepCopy());

        ObjectNode scoring = card.putObject("scoring");
        JsonNode scale = manifest.path("policy").path("scale");
        scoring.put("formula", "score = clamp(round(offset + factor * ln((1 - pd) / pd)), minScore, maxScore), "
                + "factor = pdo / ln 2, offset = baseScore - factor * ln(baseOdds)");
        scoring.set("scale", scale.deepCopy());
        scoring.put("policyVersion", manifest.path("policy").path("version").asText());
        scoring.set("tiers", manifest.path("policy").path("tiers").deepCopy());

        ArrayNode limits = card.putArray("limitations");
        limitations(schemaVersion, manifest).forEach(limits::add);
        ArrayNode ethics = card.putArray("ethicalConsiderations");
        ethics(schemaVersion, manifest).forEach(ethics::add);
        ObjectNode repro = card.putObject("reproducibility");
        repro.put("artifactHash", modelId);
        repro.put("hashDefinition", "SHA-256 over \"" + ModelArtifact.FORMAT + "\\n\" + canonical manifest JSON + \"\\n\" + model.bin");
        repro.put("seed", training.path("seed").asLong());
        repro.put("dataHash", training.path("dataHash").asText());
        return new ModelCard(card, markdown(card));
    }

    /** The data a schema version stands for (file names are not recorded: renaming a file must not change the hash). */
    private static String source(String version) {
        if (version.equals("wallet-v1")) {
            return "feature-extractor training set: one row per borrow, wallet-v1 features as of the block before it";
        }
        if (version.startsWith("german-statlog")) {
            return "UCI Statlog (German Credit Data), german.data, Hofmann 1994, CC BY 4.0";
        }
        return "CSV of schema " + version;
    }

    private static ObjectNode paramsWithoutBins(JsonNode params) {
        ObjectNode out = Json.object();
        Iterator<Map.Entry<String, JsonNode>> it = params.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("variables")) {
                ArrayNode vars = out.putArray("variables");
                for (JsonNode v : e.getValue()) {
                    ObjectNode vo = vars.addObject();
                    vo.put("feature", v.path("feature").asText());
                    vo.put("iv", v.path("iv").asDouble());
                    vo.put("coefficient", v.path("coefficient").asDouble());
                    vo.put("bins", v.path("bins").size());
                }
            } else {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    private static String labelText(JsonNode manifest) {
        JsonNode c = manifest.path("columns");
        String version = manifest.path("schema").path("version").asText();
        if (version.equals("wallet-v1")) {
            return "label = 1 when the borrower is liquidated or has debt written off within the horizon (30 days by "
                    + "default) after a borrow; features as of the block before the borrow (docs/features.md)";
        }
        return "positive class: column '" + c.path("label").asText() + "' = '" + c.path("positive").asText() + "'";
    }

    private static String intendedUse(String version) {
        if (version.equals("wallet-v1")) {
            return "Estimate the probability that a wallet borrowing from the CreditLayer lending pool is liquidated or "
                    + "has debt written off within 30 days of a borrow, from its point-in-time on-chain profile "
                    + "(schema wallet-v1); map it to a 300-850 score and a tier that sets the collateral ratio. "
                    + "Scores are published as EIP-712 attestations only for a model approved in the ModelRegistry "
                    + "after a passing fairness audit.";
        }
        if (version.startsWith("german-statlog")) {
            return "Benchmark of the CreditLayer modelling pipeline (training, calibration, scoring, reasons) on the "
                    + "public UCI Statlog German credit data, for comparison with published results.";
        }
        return "Probability of the positive class of '" + version + "' data, mapped to a 300-850 score and a tier.";
    }

    private static String outOfScope(String version) {
        if (version.startsWith("german-statlog")) {
            return "Any decision about real applicants: the data are from 1994, small (1,000 rows) and not "
                    + "representative of any current population.";
        }
        return "Decisions outside the CreditLayer lending pool; wallets whose profile is not of schema " + version
                + "; identifying the person behind a wallet.";
    }

    private static List<String> limitations(String version, JsonNode manifest) {
        List<String> out = new ArrayList<>();
        out.add("The PD is calibrated to the default rate of the calibration rows ("
                + manifest.path("training").path("strategy").asText() + "); a shift in the population or in market "
                + "conditions changes it: monitor the PSI of features and scores against the training population "
                + "stored in the artifact (evaluate command).");
        out.add("Reasons come from SHAP values (trees) or coefficient x WoE (scorecard): they describe the model, "
                + "not causes; the advice in a reason text is what moves the model's score, not a guarantee.");
        if (version.equals("wallet-v1")) {
            out.add("wallet-v1 features sum amounts of different assets in whole tokens and do not see health factors, "
                    + "prices or off-chain income (docs/features.md, known limits).");
            out.add("Labels exist only for wallets that borrowed; new wallets are scored by extrapolation from "
                    + "borrowers' histories.");
            out.add("Sybil clusters and wallets that game features (self-transfers, wash activity) can look "
                    + "better than they are; lending events count only from known contracts.");
        } else if (version.startsWith("german-statlog")) {
            out.add("1,000 rows: cross-validated metrics have a standard deviation of about 0.03 AUC across folds.");
        }
        return out;
    }

    private static List<String> ethics(String version, JsonNode manifest) {
        List<String> out = new ArrayList<>();
        JsonNode groups = manifest.path("columns").path("groups");
        if (!groups.isEmpty()) {
            List<String> names = new ArrayList<>();
            groups.forEach(g -> names.add(g.asText()));
            out.add("Group columns " + String.join(", ", names) + " are kept aside for the fairness audit and are "
                    + "never model inputs.");
        }
        if (version.startsWith("german-statlog")) {
            out.add("Protected attributes of the German data (personal status and sex, age, foreign-worker status) "
                    + "are not features; other features can still act as proxies, which the fairness audit measures.");
        }
        if (version.equals("wallet-v1")) {
            out.add("Wallet features can proxy for geography, wealth or access to exchanges; the fairness audit "
                    + "measures outcomes across wallet cohorts before governance may approve a model.");
            out.add("A low score raises the collateral a borrower must post; tier 0 (unscored) is only for wallets "
                    + "without a valid profile, never a penalty applied by the model.");
        }
        out.add("Every score carries the model id (artifact hash) and, for wallets, the feature commitment, so a "
                + "borrower or auditor can recompute it; reason texts tell a borrower what would raise the score.");
        return out;
    }

    private static String markdown(ObjectNode c) {
        StringBuilder md = new StringBuilder();
        md.append("# Model card: ").append(c.path("name").asText()).append("\n\n");
        md.append("Model id (artifact SHA-256): `").append(c.path("modelId").asText()).append("`\n\n");
        md.append("## Intended use\n\n").append(c.path("intendedUse").asText()).append("\n\n");
        md.append("Out of scope: ").append(c.path("outOfScope").asText()).append("\n\n");
        JsonNode d = c.path("data");
        md.append("## Data\n\n");
        md.append("| item | value |\n|---|---|\n");
        md.append("| source | ").append(d.path("source").asText()).append(" |\n");
        md.append("| rows | ").append(d.path("rows").asInt()).append(" |\n");
        md.append("| defaults | ").append(d.path("defaults").asInt())
                .append(String.format(Locale.ROOT, " (%.1f%%)", 100 * d.path("defaultRate").asDouble())).append(" |\n");
        md.append("| label | ").append(d.path("label").asText()).append(" |\n");
        md.append("| schema | ").append(d.path("schemaVersion").asText()).append(", ").append(d.path("features").asInt())
                .append(" features, hash `").append(d.path("schemaHash").asText()).append("` |\n");
        md.append("| group columns (not features) | ").append(join(d.path("groupColumnsNotFeatures"))).append(" |\n");
        md.append("| data hash | `").append(d.path("dataHash").asText()).append("` |\n");
        md.append("| split | ").append(d.path("split").asText()).append(" |\n\n");
        JsonNode model = c.path("model");
        md.append("## Model\n\n");
        md.append("Type: **").append(model.path("type").asText()).append("**, chosen among ")
                .append(join(model.path("candidates"))).append(" by ").append(model.path("selection").asText())
                .append("; class weighting: ").append(model.path("weighting").asText()).append("; seed ")
                .append(model.path("seed").asLong()).append(".\n\n");
        md.append("Parameters: `").append(compact(model.path("params"))).append("`\n\n");
        JsonNode m = c.path("metrics");
        md.append("## Metrics\n\n");
        md.append("Held-out (").append(m.path("holdoutKind").asText()).append("), calibrated PD:\n\n");
        md.append("| model | rows | defaults | AUC | KS | Gini | Brier | log-loss | ECE | AUC (raw) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        Iterator<Map.Entry<String, JsonNode>> it = m.path("holdout").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            md.append("| ").append(e.getKey()).append(" | ").append(v.path("rows").asInt()).append(" | ")
                    .append(v.path("defaults").asInt()).append(" | ").append(f4(v, "auc")).append(" | ")
                    .append(f4(v, "ks")).append(" | ").append(f4(v, "gini")).append(" | ").append(f4(v, "brier"))
                    .append(" | ").append(f4(v, "logLoss")).append(" | ").append(f4(v, "ece")).append(" | ")
                    .append(f4(v, "rawAuc")).append(" |\n");
        }
        if (m.has("foldAuc")) {
            md.append("\nFold AUC (mean ± sd): ");
            List<String> parts = new ArrayList<>();
            m.path("foldAuc").fields().forEachRemaining(e -> parts.add(e.getKey() + " "
                    + String.format(Locale.ROOT, "%.4f ± %.4f", e.getValue().path("mean").asDouble(),
                    e.getValue().path("sd").asDouble())));
            md.append(String.join(", ", parts)).append("\n");
        }
        md.append("\nTop features (mean |contribution|, log-odds): ");
        List<String> top = new ArrayList<>();
        for (JsonNode i : m.path("importance")) {
            if (top.size() == 10) {
                break;
            }
            top.add(i.path("feature").asText() + String.format(Locale.ROOT, " %.3f", i.path("meanAbsLogOdds").asDouble()));
        }
        md.append(String.join(", ", top)).append("\n\n");
        JsonNode cal = c.path("calibration");
        md.append("## Calibration\n\n");
        md.append("Method: **").append(cal.path("method").asText()).append("** (cross-validated log-loss Platt ")
                .append(f4(cal.path("selection"), "plattLogLoss")).append(", isotonic ")
                .append(f4(cal.path("selection"), "isotonicLogLoss")).append("). ECE (10 equal-width bins) on held-out rows: ")
                .append(f4(cal.path("curve"), "ece")).append(".\n\n");
        md.append("| PD bin | rows | mean predicted | observed |\n|---|---|---|---|\n");
        for (JsonNode b : cal.path("curve").path("bins")) {
            md.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %s | %s |\n", b.path("lower").asDouble(),
                    b.path("upper").asDouble(), b.path("count").asInt(), f4(b, "meanPredicted"), f4(b, "observed")));
        }
        JsonNode s = c.path("scoring");
        md.append("\n## Score and tiers\n\n");
        md.append("`").append(s.path("formula").asText()).append("` with ").append(compact(s.path("scale")))
                .append("; policy ").append(s.path("policyVersion").asText()).append(".\n\n");
        md.append("| tier | min score | collateral ratio | liquidation ratio | premium | unsecured cap |\n|---|---|---|---|---|---|\n");
        for (JsonNode t : s.path("tiers")) {
            md.append(String.format(Locale.ROOT, "| %d %s | %s | %.1f%% | %.1f%% | %.2f%% | %,d |\n", t.path("tier").asInt(),
                    t.path("tier").asInt() == 0 ? "(unscored)" : "", t.path("minScore").isNull() ? "-" : t.path("minScore").asText(),
                    t.path("collateralRatioBps").asInt() / 100.0, t.path("liquidationRatioBps").asInt() / 100.0,
                    t.path("ratePremiumBps").asInt() / 100.0, t.path("creditCapTokens").asLong()));
        }
        md.append("\n## Limitations\n\n");
        for (JsonNode l : c.path("limitations")) {
            md.append("- ").append(l.asText()).append("\n");
        }
        md.append("\n## Ethical considerations\n\n");
        for (JsonNode l : c.path("ethicalConsiderations")) {
            md.append("- ").append(l.asText()).append("\n");
        }
        md.append("\n## Reproducibility\n\n");
        JsonNode r = c.path("reproducibility");
        md.append("Seed ").append(r.path("seed").asLong()).append(", data hash `").append(r.path("dataHash").asText())
                .append("`. ").append(r.path("hashDefinition").asText()).append(". The same data, options and seed give the same hash.\n");
        return md.toString();
    }

    private static String f4(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? String.format(Locale.ROOT, "%.4f", v.asDouble()) : "-";
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(v.asText()));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String compact(JsonNode node) {
        ObjectNode copy = node.isObject() ? ((ObjectNode) node).deepCopy() : Json.object();
        copy.remove("variables");
        return new String(Json.canonical(copy), java.nio.charset.StandardCharsets.UTF_8);
    }
}
