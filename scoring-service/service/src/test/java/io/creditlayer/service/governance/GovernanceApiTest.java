package io.creditlayer.service.governance;

import io.creditlayer.fairness.AuditReport;
import io.creditlayer.fairness.FairnessPolicy;
import io.creditlayer.fairness.ReportHash;
import io.creditlayer.model.CreditModel;
import io.creditlayer.service.auth.ApiKeys;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.store.CreditModelRecord;
import io.creditlayer.service.store.OutboxEntry;
import io.creditlayer.service.testing.PostgresTestResource;
import io.creditlayer.service.testing.TestModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The governance API without a chain: authentication, the model list and detail, fairness reports (hash, checks),
 * the approval gate, switching the serving model, retirement, the server-side audit. The tests share one database
 * and run in order, as a governance team would act.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(GovernanceApiTest.AuditData.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernanceApiTest {
    private static final String MODELS = "/v1/governance/models";
    private static final String PROBLEM = "application/problem+json";

    /** Points the server-side audit at the synthetic data set's directory. */
    public static class AuditData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("creditlayer.governance.audit-data-dir", GovFixtures.trainingCsv().getParent().toString());
        }
    }

    @Inject
    ApiKeys keys;
    @Inject
    ScoringEngine scoring;

    private String governance;
    private String first;
    private String second;
    private Path secondDir;

    @BeforeAll
    void setUp() {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        governance = GovFixtures.key(keys, Scope.GOVERNANCE);
        first = CreditModel.load(TestModel.dir()).modelId();
        secondDir = GovFixtures.secondModel();
        second = CreditModel.load(secondDir).modelId();
    }

    @Test
    @Order(1)
    void withoutAValidKeyIs401() {
        given().when().get(MODELS).then().statusCode(401).contentType(containsString(PROBLEM))
                .body("type", endsWith("/unauthenticated")).body("status", equalTo(401));
        given().header("X-API-Key", "cl_AAAAAAAA_not-a-real-key-at-all").when().get(MODELS).then().statusCode(401)
                .contentType(containsString(PROBLEM));
        given().contentType(ContentType.JSON).body("{}").when().post(MODELS + "/" + first + "/approve").then()
                .statusCode(401);
    }

    @Test
    @Order(2)
    void aKeyWithoutTheGovernanceScopeIs403() {
        String lender = GovFixtures.key(keys, Scope.SCORES_READ, Scope.ATTESTATIONS_WRITE);
        String admin = GovFixtures.key(keys, Scope.ADMIN);
        for (String key : List.of(lender, admin)) {
            given().header("X-API-Key", key).when().get(MODELS).then().statusCode(403)
                    .contentType(containsString(PROBLEM)).body("type", endsWith("/forbidden"))
                    .body("detail", containsString("governance"));
            given().header("X-API-Key", key).when().post(MODELS + "/" + first + "/retire").then().statusCode(403);
        }
    }

    @Test
    @Order(3)
    void theListShowsModelsWithMetricsCardsStatusAndFairness() {
        given().header("X-API-Key", governance).when().get(MODELS).then().statusCode(200)
                .body("modelId", hasItem(first))
                .body("find { it.modelId == '" + first + "' }.status", equalTo("CANDIDATE"))
                .body("find { it.modelId == '" + first + "' }.active", equalTo(false))
                .body("find { it.modelId == '" + first + "' }.metrics.auc", greaterThan(0.5f))
                .body("find { it.modelId == '" + first + "' }.metrics.holdoutKind", notNullValue())
                .body("find { it.modelId == '" + first + "' }.modelCard.name", containsString("CreditLayer credit model"))
                .body("find { it.modelId == '" + first + "' }.modelCard.intendedUse", notNullValue())
                .body("find { it.modelId == '" + first + "' }.latestFairnessReport", nullValue())
                .body("find { it.modelId == '" + first + "' }.registry.status", equalTo("NONE"));
    }

    @Test
    @Order(4)
    void theDetailIsTheWholeRecord() {
        CreditModel model = CreditModel.load(TestModel.dir());
        given().header("X-API-Key", governance).when().get(MODELS + "/" + first.toUpperCase().replace("0X", "0x"))
                .then().statusCode(200)
                .body("modelId", equalTo(first))
                .body("artifactSha256", equalTo(model.artifact().hash()))
                .body("featureSchemaHash", equalTo(model.schema().hash()))
                .body("artifactDir", equalTo(TestModel.dir().toString()))
                .body("metrics.holdout.chosen.rows", greaterThan(0))
                .body("metrics.importance", notNullValue())
                .body("modelCard.modelId", equalTo(first))
                .body("modelCard.scoring.tiers", notNullValue())
                .body("fairnessReports", hasSize(0))
                .body("registry.pendingSteps", hasSize(0));
        given().header("X-API-Key", governance).when().get(MODELS + "/0x" + "ab".repeat(32)).then().statusCode(404)
                .contentType(containsString(PROBLEM)).body("type", endsWith("/unknown-model"));
        given().header("X-API-Key", governance).when().get(MODELS + "/not-a-model").then().statusCode(400)
                .contentType(containsString(PROBLEM)).body("type", endsWith("/invalid-model-id"));
    }

    @Test
    @Order(5)
    void approvalWithoutAnyFairnessReportIsRefused() {
        given().header("X-API-Key", governance).when().post(MODELS + "/" + first + "/approve").then().statusCode(409)
                .contentType(containsString(PROBLEM)).body("type", equalTo("https://creditlayer.io/problems/fairness-gate"))
                .body("detail", containsString("no fairness report")).body("modelId", equalTo(first));
        assertModelState(first, CreditModelRecord.Status.CANDIDATE, false);
    }

    @Test
    @Order(6)
    void aFailingReportIsStoredWithTheAuditsOwnHashAndKeepsTheGateShut() {
        AuditReport report = GovFixtures.failingReport(TestModel.dir());
        assertFalse(report.passed());
        Response stored = given().header("X-API-Key", governance).contentType(ContentType.JSON).body(report.jsonBytes())
                .when().post(MODELS + "/" + first + "/fairness-reports");
        stored.then().statusCode(201).body("verdict", equalTo("FAIL"))
                .body("reportHash", equalTo(report.sha256().bytes32()))
                .body("verdictReason", equalTo(report.verdictReason()))
                .body("source", equalTo("upload")).body("submittedBy", containsString("api-key:"));
        String location = stored.header("Location");
        byte[] served = given().header("X-API-Key", governance).when().get(location).then().statusCode(200)
                .header(GovernanceResource.REPORT_HASH_HEADER, report.sha256().bytes32())
                .extract().asByteArray();
        assertArrayEquals(report.jsonBytes(), served, "the service serves back the exact bytes fairness-audit wrote");

        given().header("X-API-Key", governance).when().post(MODELS + "/" + first + "/approve").then().statusCode(409)
                .contentType(containsString(PROBLEM)).body("type", endsWith("/fairness-gate"))
                .body("latestVerdict", equalTo("FAIL")).body("latestReportHash", equalTo(report.sha256().bytes32()));
        assertModelState(first, CreditModelRecord.Status.CANDIDATE, false);
    }

    @Test
    @Order(7)
    void reportsAreHeldToThemselvesTheirModelAndThePolicy() {
        String path = MODELS + "/" + first + "/fairness-reports";
        given().header("X-API-Key", governance).contentType(ContentType.JSON).body("{\"verdict\": ")
                .when().post(path).then().statusCode(400).contentType(containsString(PROBLEM))
                .body("type", endsWith("/invalid-fairness-report"));
        given().header("X-API-Key", governance).contentType(ContentType.JSON).body("{\"schema\": \"something-else\"}")
                .when().post(path).then().statusCode(400).body("detail", containsString("creditlayer.fairness-report/1"));

        // a failing report edited to say PASS: its checks still fail
        String forged = GovFixtures.failingReport(TestModel.dir()).toJson()
                .replaceFirst("\"verdict\" : \"FAIL\"", "\"verdict\" : \"PASS\"");
        given().header("X-API-Key", governance).contentType(ContentType.JSON).body(forged)
                .when().post(path).then().statusCode(422).contentType(containsString(PROBLEM))
                .body("type", endsWith("/fairness-report-inconsistent"));

        // a passing report about another model
        AuditReport other = GovFixtures.passingReport(secondDir);
        given().header("X-API-Key", governance).contentType(ContentType.JSON).body(other.jsonBytes())
                .when().post(path).then().statusCode(422).body("type", endsWith("/fairness-report-model-mismatch"))
                .body("reportModel", equalTo(second));

        // a passing report under a laxer policy (four-fifths relaxed to 0.5)
        FairnessPolicy lax = FairnessPolicy.parse(FairnessPolicy.defaults().toJson().toString()
                .replace("\"min\":0.8", "\"min\":0.5"));
        AuditReport laxReport = GovFixtures.reportUnderPolicy(TestModel.dir(), lax);
        given().header("X-API-Key", governance).contentType(ContentType.JSON).body(laxReport.jsonBytes())
                .when().post(path).then().statusCode(422).body("type", endsWith("/fairness-policy-mismatch"))
                .body("requiredPolicySha256", equalTo(FairnessReportVerifier.policySha256(FairnessPolicy.defaults())));

        given().header("X-API-Key", governance).when().get(path).then().statusCode(200).body("", hasSize(1));
    }

    @Test
    @Order(8)
    void aPassingReportOpensTheGateAndTheApprovedModelServes() throws Exception {
        AuditReport report = GovFixtures.passingReport(TestModel.dir());
        assertTrue(report.passed(), report.verdictReason());
        // posted re-serialized (compact, as a generic JSON client would): the canonical form hashes the same
        byte[] compact = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsBytes(new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.jsonBytes()));
        assertFalse(ReportHash.of(compact).equals(report.sha256()));
        given().header("X-API-Key", governance).contentType(ContentType.JSON).body(compact)
                .when().post(MODELS + "/" + first + "/fairness-reports").then().statusCode(201)
                .body("verdict", equalTo("PASS")).body("reportHash", equalTo(report.sha256().bytes32()));

        given().header("X-API-Key", governance).when().post(MODELS + "/" + first + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("active", equalTo(true))
                .body("approvedAt", notNullValue())
                .body("registry.status", equalTo("NONE"))
                .body("registry.pendingSteps", hasSize(1))
                .body("registry.pendingSteps[0].kind", equalTo(ModelRegistrySync.PROPOSE))
                .body("history.action", hasItem("APPROVE"))
                .body("history.find { it.action == 'APPROVE' }.detail.fairnessReportHash", equalTo(report.sha256().bytes32()));
        assertEquals(first, scoring.activeModel().orElseThrow().modelId());
        assertModelState(first, CreditModelRecord.Status.APPROVED, true);
        OutboxEntry proposal = QuarkusTransaction.requiringNew().call(() ->
                OutboxEntry.<OutboxEntry>find("aggregateId = ?1 and kind = ?2", first, ModelRegistrySync.PROPOSE).singleResult());
        assertEquals(OutboxEntry.Status.PENDING, proposal.status);
        assertTrue(proposal.payload.contains(CreditModel.load(TestModel.dir()).artifact().hash()));

        // approving again is harmless: no second registry step while one is pending
        given().header("X-API-Key", governance).when().post(MODELS + "/" + first + "/approve").then().statusCode(200)
                .body("registry.pendingSteps", hasSize(1));
        given().header("X-API-Key", governance).when().get(MODELS).then().statusCode(200)
                .body("find { it.modelId == '" + first + "' }.latestFairnessReport.verdict", equalTo("PASS"))
                .body("find { it.modelId == '" + first + "' }.latestFairnessReport.reportHash",
                        equalTo(report.sha256().bytes32()));
    }

    @Test
    @Order(9)
    void registeringAnArtifact() {
        given().header("X-API-Key", governance).contentType(ContentType.JSON)
                .body(Map.of("artifactDir", secondDir.toString())).when().post(MODELS).then().statusCode(201)
                .header("Location", endsWith(MODELS + "/" + second))
                .body("modelId", equalTo(second)).body("status", equalTo("CANDIDATE")).body("active", equalTo(false))
                .body("history.action", hasItem("REGISTER"));
        given().header("X-API-Key", governance).contentType(ContentType.JSON)
                .body(Map.of("artifactDir", secondDir.toString())).when().post(MODELS).then().statusCode(200)
                .body("modelId", equalTo(second));
        given().header("X-API-Key", governance).contentType(ContentType.JSON)
                .body(Map.of("artifactDir", secondDir.getParent().toString())).when().post(MODELS).then().statusCode(400)
                .contentType(containsString(PROBLEM)).body("type", endsWith("/invalid-artifact"));
        given().header("X-API-Key", governance).contentType(ContentType.JSON)
                .body(Map.of("artifactDir", "/no/such/dir")).when().post(MODELS).then().statusCode(400)
                .body("type", endsWith("/invalid-artifact"));
        given().header("X-API-Key", governance).contentType(ContentType.JSON).body("{}").when().post(MODELS).then()
                .statusCode(400).body("type", endsWith("/invalid-artifact"));
    }

    @Test
    @Order(10)
    void approvingAnotherModelMovesServingToIt() {
        AuditReport report = GovFixtures.passingReport(secondDir);
        given().header("X-API-Key", governance).contentType(ContentType.JSON).body(report.jsonBytes())
                .when().post(MODELS + "/" + second + "/fairness-reports").then().statusCode(201);
        given().header("X-API-Key", governance).when().post(MODELS + "/" + second + "/approve").then().statusCode(200)
                .body("active", equalTo(true))
                .body("history.find { it.action == 'APPROVE' }.detail.previousActiveModel", equalTo(first));
        assertEquals(second, scoring.activeModel().orElseThrow().modelId());
        assertModelState(second, CreditModelRecord.Status.APPROVED, true);
        assertModelState(first, CreditModelRecord.Status.APPROVED, false);
    }

    @Test
    @Order(11)
    void retiringTheServingModelStopsScoring() {
        given().header("X-API-Key", governance).when().post(MODELS + "/" + second + "/retire").then().statusCode(200)
                .body("status", equalTo("RETIRED")).body("active", equalTo(false)).body("retiredAt", notNullValue())
                .body("history.action", hasItem("RETIRE"))
                // its proposal step is still pending, and will find the model retired; no second step is queued
                .body("registry.pendingSteps", hasSize(1));
        assertTrue(scoring.activeModel().isEmpty(), "a retired model must not serve");
        assertModelState(second, CreditModelRecord.Status.RETIRED, false);
        given().header("X-API-Key", governance).when().post(MODELS + "/" + second + "/approve").then().statusCode(409)
                .contentType(containsString(PROBLEM)).body("type", endsWith("/model-retired"));
        given().header("X-API-Key", governance).when().post(MODELS + "/" + second + "/retire").then().statusCode(200)
                .body("status", equalTo("RETIRED"));
    }

    @Test
    @Order(12)
    void theServiceCanRunTheAuditOnLabelledDataItHolds() {
        String run = MODELS + "/" + first + "/fairness-reports:run";
        String dataset = GovFixtures.trainingCsv().getFileName().toString();
        Response response = given().header("X-API-Key", governance).contentType(ContentType.JSON)
                .body(Map.of("dataset", dataset, "rows", "all", "resamples", 100)).when().post(run);
        response.then().statusCode(201).body("source", equalTo("server-run")).body("verdict", equalTo("FAIL"))
                .body("verdictReason", containsString("disparate_impact/wallet_age"));
        String hash = response.path("reportHash");
        byte[] served = given().header("X-API-Key", governance).when().get(response.header("Location")).then()
                .statusCode(200).extract().asByteArray();
        assertEquals(hash, ReportHash.of(served).bytes32(), "the stored bytes hash to the stored hash");
        String text = new String(served, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"version\" : \"" + first + "\""), "the report names the model it audited");
        assertTrue(text.contains("\"rows\" : 600"));
        assertTrue(text.contains("\"resamplingUnit\" : \"clusters\"") && text.contains("\"clusters\" : 194"),
                "the 600 borrows are resampled by their 194 wallets");

        // the colon sent as is (curl) rather than percent-encoded (RestAssured's default)
        given().urlEncodingEnabled(false).header("X-API-Key", governance).contentType(ContentType.JSON)
                .body(Map.of("dataset", dataset, "rows", "holdout", "resamples", 0)).when().post(run).then()
                .statusCode(201).body("verdict", equalTo("FAIL"))
                .body("verdictReason", containsString("no check could be judged"));
        given().header("X-API-Key", governance).contentType(ContentType.JSON).body(Map.of("dataset", "missing.csv"))
                .when().post(run).then().statusCode(404).contentType(containsString(PROBLEM))
                .body("type", endsWith("/unknown-dataset"));
        given().header("X-API-Key", governance).contentType(ContentType.JSON).body(Map.of("dataset", "../pom.csv"))
                .when().post(run).then().statusCode(400).body("type", endsWith("/invalid-audit-request"));
        given().header("X-API-Key", governance).contentType(ContentType.JSON)
                .body(Map.of("dataset", dataset, "rows", "some")).when().post(run).then().statusCode(400);

        // the latest report now fails: the gate closes again for a repeated approval
        given().header("X-API-Key", governance).when().post(MODELS + "/" + first + "/approve").then().statusCode(409)
                .body("type", endsWith("/fairness-gate"));
    }

    private static void assertModelState(String modelId, CreditModelRecord.Status status, boolean active) {
        CreditModelRecord record = QuarkusTransaction.requiringNew().call(() -> CreditModelRecord.findById(modelId));
        assertEquals(status, record.status);
        assertEquals(active, record.active);
    }
}
