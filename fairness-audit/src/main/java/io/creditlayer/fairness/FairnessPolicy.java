package io.creditlayer.fairness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.fairness.metrics.BetweenMetric;
import io.creditlayer.fairness.metrics.FairnessMetrics.ReferenceRule;
import io.creditlayer.fairness.metrics.Metric;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The governance policy a model is audited against, a versioned JSON document (format version "1"): which
 * decision counts as approved, how small a group may be and still be judged, how reference groups are chosen,
 * which attributes must be audited, and the checks with their bounds. Parsing is strict: an unknown key is an
 * error, because a misspelt bound ("maxabs") silently ignored would weaken the gate without anyone noticing.
 */
public record FairnessPolicy(String version, String name, String description, Approval approval, int minGroupSize,
                             int minOutcomeCount, ReferenceRule referenceRule, Map<String, String> referenceGroups,
                             List<String> requiredAttributes, List<Rule> checks) {

    public static final String VERSION = "1";
    public static final String RESOURCE = "/fairness-policy.json";
    public static final String GERMAN_CREDIT_RESOURCE = "/german-credit-policy.json";

    public FairnessPolicy {
        if (!VERSION.equals(version)) {
            throw new IllegalArgumentException("unsupported policy version '" + version + "' (this library reads \"" + VERSION + "\")");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("policy name is required");
        }
        description = description == null ? "" : description;
        if (approval == null) {
            throw new IllegalArgumentException("approval rule is required");
        }
        if (minGroupSize < 1 || minOutcomeCount < 0) {
            throw new IllegalArgumentException("minGroupSize must be >= 1 and minOutcomeCount >= 0");
        }
        if (referenceRule == null) {
            throw new IllegalArgumentException("reference rule is required");
        }
        // sorted, never Map.copyOf: its iteration order is randomised per JVM run and would change the report bytes
        referenceGroups = java.util.Collections.unmodifiableMap(new TreeMap<>(referenceGroups == null ? Map.of() : referenceGroups));
        requiredAttributes = List.copyOf(requiredAttributes == null ? List.of() : requiredAttributes);
        checks = List.copyOf(checks == null ? List.of() : checks);
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("a policy without checks would pass every model");
        }
    }

    /** Which decision is the favourable one. */
    public sealed interface Approval permits Decision, TierAtLeast, PdAtMost {
        /** The approved flag per row; if the input also carries {@code approved}, the two must agree. */
        boolean[] resolve(AuditInput input);

        String describe();

        ObjectNode toJson();
    }

    /** The input's own {@code approved} array is the decision. */
    public record Decision() implements Approval {
        @Override
        public boolean[] resolve(AuditInput input) {
            boolean[] a = input.approved();
            if (a == null) {
                throw new IllegalArgumentException("the policy's approval rule is 'decision' but the input has no approved array");
            }
            return a;
        }

        @Override
        public String describe() {
            return "approved as decided (input decision)";
        }

        @Override
        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("rule", "decision");
        }
    }

    /** Approved when the scored tier is at least {@code tier} (tiers 0 to 5, ADR 0002). */
    public record TierAtLeast(int tier) implements Approval {
        public TierAtLeast {
            if (tier < 0 || tier > 5) {
                throw new IllegalArgumentException("tier must be in [0, 5]");
            }
        }

        @Override
        public boolean[] resolve(AuditInput input) {
            int[] t = input.tier();
            if (t == null) {
                throw new IllegalArgumentException("the policy approves by tier but the input has no tiers");
            }
            boolean[] out = new boolean[t.length];
            for (int i = 0; i < t.length; i++) {
                out[i] = t[i] >= tier;
            }
            return agree(input, out);
        }

        @Override
        public String describe() {
            return "approved when tier >= " + tier;
        }

        @Override
        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("rule", "tier_at_least").put("tier", tier);
        }
    }

    /** Approved when the probability of default is at most {@code threshold}. */
    public record PdAtMost(double threshold) implements Approval {
        public PdAtMost {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("PD threshold must lie in [0, 1]");
            }
        }

        @Override
        public boolean[] resolve(AuditInput input) {
            double[] pd = input.pd();
            if (pd == null) {
                throw new IllegalArgumentException("the policy approves by PD but the input has no PD");
            }
            boolean[] out = new boolean[pd.length];
            for (int i = 0; i < pd.length; i++) {
                out[i] = pd[i] <= threshold;
            }
            return agree(input, out);
        }

        @Override
        public String describe() {
            return "approved when PD <= " + Bounds.fmt(threshold);
        }

        @Override
        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("rule", "pd_at_most").put("threshold", threshold);
        }
    }

    private static boolean[] agree(AuditInput input, boolean[] derived) {
        boolean[] given = input.approved();
        if (given != null && !java.util.Arrays.equals(given, derived)) {
            throw new IllegalArgumentException("the input's approved array disagrees with the policy's approval rule");
        }
        return derived;
    }

    /**
     * One check: a metric and its bounds, for the listed dimensions (empty: every dimension, including the
     * intersection). {@code minGroupSize}, when set, raises the policy's minimum for this check only (group and
     * relative metrics), e.g. for calibration, which small groups measure with a large upward bias.
     */
    public record Rule(Metric metric, Bounds bounds, List<String> attributes, Integer minGroupSize, String rationale) {
        public Rule {
            if (metric == null || bounds == null) {
                throw new IllegalArgumentException("a check needs a metric and bounds");
            }
            attributes = List.copyOf(attributes == null ? List.of() : attributes);
            if (minGroupSize != null && (minGroupSize < 1 || metric instanceof BetweenMetric)) {
                throw new IllegalArgumentException("a check's minGroupSize must be >= 1 and applies to group and relative metrics only");
            }
            rationale = rationale == null ? "" : rationale;
        }

        public static Rule of(Metric metric, Bounds bounds) {
            return new Rule(metric, bounds, List.of(), null, null);
        }

        public boolean appliesTo(String dimension) {
            return attributes.isEmpty() || attributes.contains(dimension);
        }
    }

    /** The policy shipped with the library (resource {@value #RESOURCE}). */
    public static FairnessPolicy defaults() {
        try (InputStream in = FairnessPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The default checks with the German Credit data's cost-optimal decision, approve when PD &le; 1/6 (resource
     * {@value #GERMAN_CREDIT_RESOURCE}): for audits of models trained on that data set.
     */
    public static FairnessPolicy germanCredit() {
        try (InputStream in = FairnessPolicy.class.getResourceAsStream(GERMAN_CREDIT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + GERMAN_CREDIT_RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + GERMAN_CREDIT_RESOURCE, e);
        }
    }

    public static FairnessPolicy load(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.UTF_8));
    }

    public static FairnessPolicy load(InputStream in) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    public static FairnessPolicy parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("policy is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return fromJson(root);
    }

    static FairnessPolicy fromJson(JsonNode root) {
        object(root, "policy");
        known(root, "policy", Set.of("version", "name", "description", "approval", "minGroupSize", "minOutcomeCount",
                "reference", "requiredAttributes", "checks"));
        JsonNode version = root.get("version");
        if (version == null || !version.isTextual()) {
            throw new IllegalArgumentException("policy.version must be the string \"" + VERSION + "\"");
        }
        Approval approval = approval(root.get("approval"));
        ReferenceRule rule = ReferenceRule.MAX_SELECTION_RATE;
        Map<String, String> groups = new TreeMap<>();
        JsonNode ref = root.get("reference");
        if (ref != null) {
            object(ref, "reference");
            known(ref, "reference", Set.of("rule", "groups"));
            if (ref.has("rule")) {
                rule = ReferenceRule.parse(text(ref, "rule", "reference"));
            }
            JsonNode g = ref.get("groups");
            if (g != null) {
                object(g, "reference.groups");
                for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isTextual()) {
                        throw new IllegalArgumentException("reference.groups." + e.getKey() + " must be a group key string");
                    }
                    groups.put(e.getKey(), e.getValue().asText());
                }
            }
        }
        List<Rule> checks = new ArrayList<>();
        JsonNode cs = root.get("checks");
        if (cs == null || !cs.isArray()) {
            throw new IllegalArgumentException("policy.checks must be an array");
        }
        for (int i = 0; i < cs.size(); i++) {
            checks.add(rule(cs.get(i), "checks[" + i + "]"));
        }
        return new FairnessPolicy(version.asText(), text(root, "name", "policy"),
                root.has("description") ? text(root, "description", "policy") : "", approval,
                integer(root, "minGroupSize", "policy", -1), integer(root, "minOutcomeCount", "policy", -1), rule,
                groups, strings(root.get("requiredAttributes"), "requiredAttributes"), checks);
    }

    private static Approval approval(JsonNode node) {
        if (node == null) {
            throw new IllegalArgumentException("policy.approval is required");
        }
        object(node, "approval");
        String r = text(node, "rule", "approval");
        return switch (r) {
            case "decision" -> {
                known(node, "approval", Set.of("rule"));
                yield new Decision();
            }
            case "tier_at_least" -> {
                known(node, "approval", Set.of("rule", "tier"));
                yield new TierAtLeast(integer(node, "tier", "approval", -1));
            }
            case "pd_at_most" -> {
                known(node, "approval", Set.of("rule", "threshold"));
                yield new PdAtMost(number(node, "threshold", "approval"));
            }
            default -> throw new IllegalArgumentException("unknown approval rule '" + r + "' (decision, tier_at_least, pd_at_most)");
        };
    }

    private static Rule rule(JsonNode node, String where) {
        object(node, where);
        known(node, where, Set.of("metric", "min", "max", "maxAbs", "tau", "attributes", "minGroupSize", "rationale"));
        Metric metric = Metric.parse(text(node, "metric", where));
        Bounds bounds = new Bounds(optNumber(node, "min", where), optNumber(node, "max", where),
                optNumber(node, "maxAbs", where), optNumber(node, "tau", where));
        Integer min = node.has("minGroupSize") ? integer(node, "minGroupSize", where, -1) : null;
        return new Rule(metric, bounds, strings(node.get("attributes"), where + ".attributes"), min,
                node.has("rationale") ? text(node, "rationale", where) : null);
    }

    /** The policy as canonical JSON (fixed key order): what the report embeds and hashes. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("version", version);
        root.put("name", name);
        root.put("description", description);
        root.set("approval", approval.toJson());
        root.put("minGroupSize", minGroupSize);
        root.put("minOutcomeCount", minOutcomeCount);
        ObjectNode ref = root.putObject("reference");
        ref.put("rule", referenceRule.id());
        ObjectNode groups = ref.putObject("groups");
        referenceGroups.forEach(groups::put);
        ArrayNode req = root.putArray("requiredAttributes");
        requiredAttributes.forEach(req::add);
        ArrayNode cs = root.putArray("checks");
        for (Rule r : checks) {
            ObjectNode c = cs.addObject();
            c.put("metric", r.metric().id());
            Bounds b = r.bounds();
            if (b.min() != null) {
                c.put("min", b.min());
            }
            if (b.max() != null) {
                c.put("max", b.max());
            }
            if (b.maxAbs() != null) {
                c.put("maxAbs", b.maxAbs());
            }
            if (b.tau() != null) {
                c.put("tau", b.tau());
            }
            if (!r.attributes().isEmpty()) {
                ArrayNode a = c.putArray("attributes");
                r.attributes().forEach(a::add);
            }
            if (r.minGroupSize() != null) {
                c.put("minGroupSize", r.minGroupSize());
            }
            if (!r.rationale().isEmpty()) {
                c.put("rationale", r.rationale());
            }
        }
        return root;
    }

    private static void object(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
    }

    private static void known(JsonNode node, String where, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unknown key '" + k + "' in " + where + " (allowed: "
                        + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + key + " must be a non-empty string");
        }
        return v.asText();
    }

    private static int integer(JsonNode node, String key, String where, int fallback) {
        JsonNode v = node.get(key);
        if (v == null && fallback >= 0) {
            return fallback;
        }
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(where + "." + key + " must be an integer");
        }
        return v.asInt();
    }

    private static double number(JsonNode node, String key, String where) {
        Double d = optNumber(node, key, where);
        if (d == null) {
            throw new IllegalArgumentException(where + "." + key + " is required");
        }
        return d;
    }

    private static Double optNumber(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(where + "." + key + " must be a number");
        }
        return v.asDouble();
    }

    private static List<String> strings(JsonNode node, String where) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : node) {
            if (!v.isTextual()) {
                throw new IllegalArgumentException(where + " must be an array of strings");
            }
            out.add(v.asText());
        }
        return out;
    }
}
