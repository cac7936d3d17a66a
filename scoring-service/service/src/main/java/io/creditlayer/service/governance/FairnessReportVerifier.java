package io.creditlayer.service.governance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.fairness.CheckStatus;
import io.creditlayer.fairness.FairnessPolicy;
import io.creditlayer.fairness.ReportHash;
import io.creditlayer.fairness.Verdict;
import io.creditlayer.fairness.report.JsonReport;
import io.creditlayer.service.api.problem.ApiProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a fairness-audit JSON report and computes its hash exactly as fairness-audit does: SHA-256 over the
 * canonical bytes ({@code JsonReport}: fixed key order, two-space indent, "\n" line ends, a final "\n"). The
 * report is parsed and written back in that form, so the file fairness-audit wrote hashes to its own
 * {@code AuditReport.sha256()}, and the same report re-serialized by a client (compact, other whitespace) hashes to
 * the same value. Keys are never reordered: a client that reorders them has changed the record.
 *
 * <p>A report cannot be re-derived without its data, but it can be held to itself and to the service's policy:
 * the verdict must follow from the checks' statuses (fairness-audit's rule), the counts must match the checks,
 * the policy document must hash to the policy hash it states, that policy must be the one governance enforces,
 * and the audited model ({@code model.version}, where fairness-audit's callers put the model id) must be the
 * model the report is posted for.
 */
public final class FairnessReportVerifier {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final DefaultPrettyPrinter CANONICAL =
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private final FairnessPolicy policy;
    private final String policySha256;

    /** @param policy the policy governance enforces: reports computed under any other are refused */
    public FairnessReportVerifier(FairnessPolicy policy) {
        this.policy = policy;
        this.policySha256 = policySha256(policy);
    }

    public FairnessPolicy policy() {
        return policy;
    }

    /** SHA-256 (hex, as in the report's {@code policy.sha256}) of a policy's canonical document. */
    public static String policySha256(FairnessPolicy policy) {
        return ReportHash.of(JsonReport.policyBytes(policy)).hex();
    }

    public String policySha256() {
        return policySha256;
    }

    /**
     * A report that passed every check.
     *
     * @param canonical     the bytes the hash is taken over
     * @param hash          SHA-256 of {@code canonical}: the ModelRegistry's fairness report hash
     * @param verdict       PASS or FAIL, as stated and as derived from the checks
     * @param verdictReason the report's one-line reason
     * @param policySha256  hex SHA-256 of the policy applied
     */
    public record Verified(byte[] canonical, ReportHash hash, Verdict verdict, String verdictReason, String policySha256) {
        public Verified {
            canonical = canonical.clone();
        }

        @Override
        public byte[] canonical() {
            return canonical.clone();
        }

        public String canonicalText() {
            return new String(canonical, StandardCharsets.UTF_8);
        }
    }

    /**
     * @param body    the report as posted
     * @param modelId the model it must be about (0x bytes32, lower case)
     * @throws ApiProblem 400 when the body is not a fairness report, 422 when it contradicts itself, names
     *                    another model or was computed under another policy
     */
    public Verified verify(byte[] body, String modelId) {
        JsonNode root = parse(body);
        requireText(root, "schema");
        if (!JsonReport.SCHEMA.equals(root.path("schema").textValue())) {
            throw invalid("schema is \"" + root.path("schema").asText() + "\", expected \"" + JsonReport.SCHEMA + "\"");
        }
        Verdict stated = verdictOf(requireText(root, "verdict"));
        String reason = requireText(root, "verdictReason");
        JsonNode model = requireObject(root, "model");
        JsonNode policy = requireObject(root, "policy");
        JsonNode checks = root.path("checks");
        if (!checks.isArray()) {
            throw invalid("\"checks\" must be an array");
        }
        JsonNode counts = requireObject(root, "checkCounts");

        Map<CheckStatus, Integer> tally = new EnumMap<>(CheckStatus.class);
        for (CheckStatus s : CheckStatus.values()) {
            tally.put(s, 0);
        }
        for (JsonNode check : checks) {
            tally.merge(statusOf(check.path("status").asText(null), check.path("id").asText("?")), 1, Integer::sum);
        }
        for (CheckStatus s : CheckStatus.values()) {
            if (counts.path(s.id()).asInt(-1) != tally.get(s)) {
                throw inconsistent("checkCounts." + s.id() + " is " + counts.path(s.id()) + " but " + tally.get(s)
                        + " checks have status " + s.id());
            }
        }
        Verdict derived = derive(tally);
        if (derived != stated) {
            throw inconsistent("the report states " + stated + " but its checks give " + derived
                    + " (PASS needs at least one judged check and none failed or undefined)");
        }

        String statedPolicy = requireText(policy, "sha256");
        JsonNode document = policy.path("document");
        if (!document.isObject() || !ReportHash.of(compact(document)).hex().equals(statedPolicy)) {
            throw inconsistent("policy.sha256 does not match the policy document in the report");
        }
        if (!statedPolicy.equals(policySha256)) {
            throw new ApiProblem(422, "fairness-policy-mismatch", "Unprocessable entity",
                    "the report applies policy " + document.path("name").asText("?") + " (sha256 " + statedPolicy
                            + "); governance requires policy sha256 " + policySha256,
                    Map.of("reportPolicySha256", statedPolicy, "requiredPolicySha256", policySha256), Map.of());
        }

        String audited = model.path("version").asText("");
        if (!audited.toLowerCase(Locale.ROOT).equals(modelId)) {
            throw new ApiProblem(422, "fairness-report-model-mismatch", "Unprocessable entity",
                    "the report audits model \"" + audited + "\" (model.version) but was posted for " + modelId,
                    Map.of("reportModel", audited, "modelId", modelId), Map.of());
        }

        byte[] canonical = canonical(root);
        return new Verified(canonical, ReportHash.of(canonical), stated, reason, statedPolicy);
    }

    /** The canonical bytes of a parsed report, as fairness-audit's JsonReport writes them. */
    static byte[] canonical(JsonNode root) {
        try {
            return (JSON.writer(CANONICAL).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] compact(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** fairness-audit's rule: FAIL on any failed or undefined check, and when nothing could be judged. */
    static Verdict derive(Map<CheckStatus, Integer> tally) {
        if (tally.get(CheckStatus.FAIL) > 0 || tally.get(CheckStatus.UNDEFINED) > 0) {
            return Verdict.FAIL;
        }
        return tally.get(CheckStatus.PASS) > 0 ? Verdict.PASS : Verdict.FAIL;
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid("the body must be the fairness-audit JSON report");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw invalid("the body must be a JSON object (the fairness-audit report)");
            }
            return root;
        } catch (IOException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getClass().getSimpleName();
            throw invalid("malformed JSON: " + message);
        }
    }

    private static Verdict verdictOf(String text) {
        try {
            return Verdict.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw invalid("verdict must be PASS or FAIL, not \"" + text + "\"");
        }
    }

    private static CheckStatus statusOf(String id, String check) {
        for (CheckStatus s : CheckStatus.values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw invalid("check " + check + " has status \"" + id + "\"; expected pass, fail, insufficient_data or undefined");
    }

    private static String requireText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw invalid("\"" + field + "\" must be a string");
        }
        return value.textValue();
    }

    private static JsonNode requireObject(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isObject()) {
            throw invalid("\"" + field + "\" must be an object");
        }
        return value;
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest("invalid-fairness-report", detail);
    }

    private static ApiProblem inconsistent(String detail) {
        return new ApiProblem(422, "fairness-report-inconsistent", "Unprocessable entity", detail);
    }
}
