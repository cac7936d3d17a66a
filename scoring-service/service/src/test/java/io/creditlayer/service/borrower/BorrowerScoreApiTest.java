package io.creditlayer.service.borrower;

import io.creditlayer.model.CreditModel;
import io.creditlayer.model.Explanation;
import io.creditlayer.model.Reason;
import io.creditlayer.model.Score;
import io.creditlayer.model.scoring.TierPolicy;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.siwe.SiweTestClient;
import io.creditlayer.service.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /v1/me/score with a real profile from the synthetic data and the real test model: the score and reasons the
 * model gives, and what-if advice whose every number the model confirms.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(BorrowerTestProfile.class)
class BorrowerScoreApiTest {
    private final SiweTestClient wallet = new SiweTestClient(BorrowerTestProfile.DOMAIN, 31337);

    @Inject
    ScoringEngine scoring;

    private CreditModel model;

    @BeforeEach
    void activate() {
        model = BorrowerProfiles.activateTestModel(scoring);
    }

    private static ECKeyPair newKey() {
        try {
            return Keys.createEcKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String address(ECKeyPair key) {
        return "0x" + Keys.getAddress(key.getPublicKey());
    }

    /** The weakest profile with several adverse reasons: the one with the most to gain. */
    private BorrowerProfiles.Row weakProfile() {
        return BorrowerProfiles.rows().stream()
                .filter(r -> model.explain(r.features(), ScoringEngine.TOP_REASONS).reasons().size() >= 3)
                .min(Comparator.comparingInt(r -> model.score(r.features()).score())).orElseThrow();
    }

    private static int rescore(CreditModel model, double[] x, int j, double value) {
        double[] changed = x.clone();
        changed[j] = value;
        return model.score(changed).score();
    }

    @Test
    void myScoreComesWithTheModelsReasonsAndAdviceTheModelConfirms() {
        BorrowerProfiles.Row row = weakProfile();
        ECKeyPair key = newKey();
        BorrowerProfiles.insert(address(key), row);
        String token = wallet.signIn(key);

        String json = given().header("Authorization", SiweTestClient.bearer(token)).when().get("/v1/me/score")
                .then().statusCode(200).extract().asString();
        // doubles, not RestAssured's default floats: every value is rescored and compared exactly
        JsonPath body = new JsonPath(json).using(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.DOUBLE));

        double[] x = row.features();
        Score score = model.score(x);
        Explanation explanation = model.explain(x, ScoringEngine.TOP_REASONS);
        assertEquals(address(key), body.getString("address"));
        assertEquals(score.score(), body.getInt("score"));
        assertEquals(score.tier(), body.getInt("tier"));
        assertEquals(score.pd(), body.getDouble("pd"), 1e-12);
        assertEquals(score.collateralRatioBps(), body.getInt("collateralRatioBps"));
        assertEquals(model.modelId(), body.getString("modelId"));
        assertEquals(row.commitment(), body.getString("featureCommitment"));
        assertEquals(row.asOfBlock(), body.getLong("asOfBlock"));

        List<String> codes = explanation.reasons().stream().map(Reason::code).toList();
        assertEquals(codes, body.getList("reasons.code"));
        assertEquals(explanation.reasons().stream().map(Reason::text).toList(), body.getList("reasons.text"));

        List<Map<String, Object>> improvements = body.getList("improvements");
        assertEquals(codes, improvements.stream().map(i -> i.get("feature")).toList());
        int helpful = 0;
        for (Map<String, Object> imp : improvements) {
            String feature = (String) imp.get("feature");
            int j = model.schema().indexOf(feature);
            assertEquals(x[j], ((Number) imp.get("currentValue")).doubleValue(), 1e-9);
            assertEquals(FeatureMovement.of(model.schema().version(), feature).name(), imp.get("movement"));
            assertTrue(((String) imp.get("text")).length() > 20, imp.toString());
            @SuppressWarnings("unchecked")
            Map<String, Object> nearest = (Map<String, Object>) imp.get("nearest");
            if (nearest != null) {
                helpful++;
                double value = ((Number) nearest.get("value")).doubleValue();
                FeatureMovement movement = FeatureMovement.valueOf((String) imp.get("movement"));
                assertTrue(movement.allows(x[j], value), feature);
                int rescored = rescore(model, x, j, value);
                assertEquals(rescored, ((Number) nearest.get("score")).intValue(), feature);
                assertTrue(rescored > score.score(), feature);
                assertEquals(model.policy().tier(rescored), ((Number) nearest.get("tier")).intValue());
                assertTrue(((String) imp.get("text")).contains(String.valueOf(rescored)), (String) imp.get("text"));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typical = (Map<String, Object>) imp.get("typical");
            if (typical != null) {
                assertEquals(model.reference().median(j), ((Number) typical.get("value")).doubleValue(), 1e-9);
                assertEquals(rescore(model, x, j, model.reference().median(j)), ((Number) typical.get("score")).intValue());
            }
        }
        assertTrue(helpful > 0, "the weakest profile has at least one change within reach that helps: " + improvements);
        assertNotNull(body.get("together"));
        assertTrue(body.getInt("together.score") > score.score());

        int floor = model.policy().terms(score.tier() + 1).minScore();
        assertTrue(score.tier() < TierPolicy.MAX_TIER);
        assertEquals(score.tier() + 1, body.getInt("nextTier.tier"));
        assertEquals(floor, body.getInt("nextTier.minScore"));
        assertEquals(floor - score.score(), body.getInt("nextTier.pointsNeeded"));
        assertTrue(body.getString("summary").contains(floor - score.score() + " points to go"), body.getString("summary"));
    }

    @Test
    void aWalletWithoutProfileIsAnUnknownWallet() {
        String token = wallet.signIn(newKey());
        given().header("Authorization", SiweTestClient.bearer(token)).when().get("/v1/me/score").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://creditlayer.io/problems/unknown-wallet"));
    }

    @Test
    void theScoreIsAlwaysTheSessionsOwnWallet() {
        List<BorrowerProfiles.Row> rows = BorrowerProfiles.rows();
        ECKeyPair a = newKey();
        ECKeyPair b = newKey();
        BorrowerProfiles.insert(address(a), rows.get(0));
        BorrowerProfiles.insert(address(b), rows.get(1));
        given().header("Authorization", SiweTestClient.bearer(wallet.signIn(a))).when().get("/v1/me/score").then()
                .statusCode(200).body("address", equalTo(address(a)))
                .body("score", equalTo(model.score(rows.get(0).features()).score()));
        given().header("Authorization", SiweTestClient.bearer(wallet.signIn(b))).when().get("/v1/me/score").then()
                .statusCode(200).body("address", equalTo(address(b)))
                .body("score", equalTo(model.score(rows.get(1).features()).score()));
    }

    @Test
    void theBorrowerApiIsDocumented() {
        String openapi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        for (String path : new String[] {"/v1/siwe/nonce", "/v1/siwe/verify", "/v1/siwe/logout", "/v1/me/score",
                "/v1/me/attestations"}) {
            assertTrue(openapi.contains("\"" + path + "\""), path);
        }
        assertTrue(openapi.contains("siwe-session"));
    }
}
