package io.creditlayer.service.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditlayer.fairness.AuditReport;
import io.creditlayer.fairness.FairnessPolicy;
import io.creditlayer.fairness.ReportHash;
import io.creditlayer.fairness.Verdict;
import io.creditlayer.model.CreditModel;
import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.testing.TestModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The report hash the service computes is fairness-audit's, whatever whitespace the report arrives in. */
class FairnessReportVerifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AuditReport passing;
    private static AuditReport failing;
    private static String modelId;
    private final FairnessReportVerifier verifier = new FairnessReportVerifier(FairnessPolicy.defaults());

    @BeforeAll
    static void audit() {
        passing = GovFixtures.passingReport(TestModel.dir());
        failing = GovFixtures.failingReport(TestModel.dir());
        modelId = CreditModel.load(TestModel.dir()).modelId();
    }

    @Test
    void theFileFairnessAuditWroteIsItsOwnCanonicalForm() {
        for (AuditReport report : new AuditReport[] {passing, failing}) {
            FairnessReportVerifier.Verified verified = verifier.verify(report.jsonBytes(), modelId);
            assertArrayEquals(report.jsonBytes(), verified.canonical());
            assertEquals(report.sha256(), verified.hash());
            assertEquals(report.verdict(), verified.verdict());
            assertEquals(report.verdictReason(), verified.verdictReason());
        }
    }

    @Test
    void whitespaceDoesNotChangeTheHashButKeyOrderDoes() throws Exception {
        byte[] compact = JSON.writeValueAsBytes(JSON.readTree(passing.jsonBytes()));
        byte[] crlf = passing.toJson().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] indented = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(JSON.readTree(passing.jsonBytes()));
        for (byte[] body : new byte[][] {compact, crlf, indented}) {
            assertNotEquals(passing.sha256(), ReportHash.of(body));
            assertEquals(passing.sha256(), verifier.verify(body, modelId).hash());
        }
        ObjectNode reordered = JSON.createObjectNode();
        ObjectNode original = (ObjectNode) JSON.readTree(passing.jsonBytes());
        reordered.set("verdictReason", original.get("verdictReason"));
        original.fieldNames().forEachRemaining(name -> reordered.set(name, original.get(name)));
        assertNotEquals(passing.sha256(), verifier.verify(JSON.writeValueAsBytes(reordered), modelId).hash());
    }

    @Test
    void aReportIsHeldToItsChecksItsModelAndThePolicy() throws Exception {
        ObjectNode forged = (ObjectNode) JSON.readTree(failing.jsonBytes());
        forged.put("verdict", Verdict.PASS.name());
        byte[] forgedBytes = JSON.writeValueAsBytes(forged);
        assertEquals("fairness-report-inconsistent", slug(() -> verifier.verify(forgedBytes, modelId)));

        ObjectNode miscounted = (ObjectNode) JSON.readTree(passing.jsonBytes());
        ((ObjectNode) miscounted.get("checkCounts")).put("fail", 1);
        byte[] miscountedBytes = JSON.writeValueAsBytes(miscounted);
        assertEquals("fairness-report-inconsistent", slug(() -> verifier.verify(miscountedBytes, modelId)));

        ObjectNode editedPolicy = (ObjectNode) JSON.readTree(passing.jsonBytes());
        ((ObjectNode) editedPolicy.get("policy").get("document")).put("minGroupSize", 5);
        byte[] editedBytes = JSON.writeValueAsBytes(editedPolicy);
        assertEquals("fairness-report-inconsistent", slug(() -> verifier.verify(editedBytes, modelId)));

        assertEquals("fairness-report-model-mismatch", slug(() -> verifier.verify(passing.jsonBytes(), "0x" + "00".repeat(32))));
        assertEquals("invalid-fairness-report", slug(() -> verifier.verify("[]".getBytes(StandardCharsets.UTF_8), modelId)));
        assertEquals("invalid-fairness-report", slug(() -> verifier.verify(
                "{\"schema\":\"creditlayer.fairness-report/1\",\"schema\":\"x\"}".getBytes(StandardCharsets.UTF_8), modelId)));
        assertEquals("invalid-fairness-report", slug(() -> verifier.verify(new byte[0], modelId)));
    }

    @Test
    void reportsUnderAnotherPolicyAreRefused() {
        FairnessReportVerifier other = new FairnessReportVerifier(FairnessPolicy.parse(
                FairnessPolicy.defaults().toJson().toString().replace("\"min\":0.8", "\"min\":0.7")));
        assertEquals("fairness-policy-mismatch", slug(() -> other.verify(passing.jsonBytes(), modelId)));
        assertEquals(FairnessReportVerifier.policySha256(FairnessPolicy.defaults()), verifier.policySha256());
    }

    private static String slug(Runnable call) {
        return assertThrows(ApiProblem.class, call::run).slug();
    }
}
