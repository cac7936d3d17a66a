package io.creditlayer.service.lender;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.model.Explanation;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.creditlayer.service.store.CreditModelRecord;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(LenderTestProfile.class)
class LenderScoreTest {
    private static final String HEADER = "X-API-Key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNKNOWN_WALLET = "0x00000000000000000000000000000000deadbeef";

    @Inject
    LenderFixtures fixtures;

    @Inject
    ScoringEngine engine;

    private String key;

    @BeforeEach
    void ready() {
        fixtures.ready();
        key = fixtures.scoresKey();
    }

    @Test
    void scoreCarriesEverythingTheModelSaysAboutTheProfile() throws Exception {
        LenderSeed.Profile profile = fixtures.profiles().get(3);
        Explanation expected = fixtures.model().explain(profile.features(), 4);
        ExtractableResponse<Response> response = given().header(HEADER, key)
                .when().get("/v1/wallets/" + profile.address() + "/score")
                .then().statusCode(200).contentType(containsString("application/json"))
                .body("address", equalTo(profile.address()))
                .body("score", equalTo(expected.score().score()))
                .body("tier", equalTo(expected.score().tier()))
                .body("collateralRatioBps", equalTo(expected.score().collateralRatioBps()))
                .body("modelId", equalTo(fixtures.model().modelId()))
                .body("asOfBlock", equalTo((int) profile.asOfBlock()))
                .body("featureCommitment", equalTo(profile.commitment()))
                .body("reasons", hasSize(expected.reasons().size()))
                .body("reasons.size()", lessThanOrEqualTo(4))
                .extract();
        assertEquals(expected.score().pd(), JSON.readTree(response.asByteArray()).path("pd").doubleValue(), 1e-15);
        List<Map<String, Object>> reasons = response.jsonPath().getList("reasons");
        for (int i = 0; i < reasons.size(); i++) {
            assertEquals(expected.reasons().get(i).code(), reasons.get(i).get("code"));
            assertEquals(expected.reasons().get(i).text(), reasons.get(i).get("text"));
        }
    }

    @Test
    void aCachedScoreIsServedByteForByte() {
        String path = "/v1/wallets/" + fixtures.profiles().get(5).address() + "/score";
        byte[] first = given().header(HEADER, key).get(path).then().statusCode(200).extract().asByteArray();
        byte[] second = given().header(HEADER, key).get(path).then().statusCode(200).extract().asByteArray();
        assertArrayEquals(first, second);
    }

    @Test
    void aScoreNotYetCachedIsComputedOffTheEventLoopForAWarmKey() {
        // with the key verified and cached, the request stays on the event loop until the score misses the cache
        String warm = fixtures.profiles().get(6).address();
        given().header(HEADER, key).get("/v1/wallets/" + warm + "/score").then().statusCode(200);
        LenderSeed.Profile profile = fixtures.profiles().get(8);
        engine.evict(profile.address());
        given().header(HEADER, key).get("/v1/wallets/" + profile.address() + "/score").then().statusCode(200)
                .body("score", equalTo(fixtures.model().score(profile.features()).score()));
        problem(given().header(HEADER, key).get("/v1/wallets/" + UNKNOWN_WALLET + "/score"), 404, "unknown-wallet",
                "/v1/wallets/" + UNKNOWN_WALLET + "/score");
    }

    @Test
    void checksummedAndUpperCaseAddressesAreTheSameWallet() {
        String lower = LenderFixtures.LETTERED;
        String checksummed = Keys.toChecksumAddress(lower);
        assertNotEquals(lower, checksummed, "pick a wallet whose checksum has letters in both cases");
        given().header(HEADER, key).get("/v1/wallets/" + checksummed + "/score").then().statusCode(200)
                .body("address", equalTo(lower));
        given().header(HEADER, key).get("/v1/wallets/0x" + lower.substring(2).toUpperCase() + "/score").then()
                .statusCode(200).body("address", equalTo(lower));
    }

    @Test
    void aMixedCaseAddressWithABadChecksumIsRefused() {
        String checksummed = Keys.toChecksumAddress(LenderFixtures.LETTERED);
        String broken = flipCaseOfOneLetter(checksummed);
        problem(given().header(HEADER, key).get("/v1/wallets/" + broken + "/score"), 400, "invalid-address",
                "/v1/wallets/" + broken + "/score")
                .body("detail", containsString("checksum"));
    }

    @Test
    void somethingThatIsNotAnAddressIsA400Problem() {
        for (String bad : List.of("0x1234", "vitalik.eth", "0x" + "g".repeat(40), "0X" + "a".repeat(40), "a".repeat(42))) {
            problem(given().header(HEADER, key).get("/v1/wallets/" + bad + "/score"), 400, "invalid-address",
                    "/v1/wallets/" + bad + "/score");
        }
    }

    @Test
    void aWalletWithoutAProfileIs404() {
        problem(given().header(HEADER, key).get("/v1/wallets/" + UNKNOWN_WALLET + "/score"), 404, "unknown-wallet",
                "/v1/wallets/" + UNKNOWN_WALLET + "/score")
                .body("detail", containsString(UNKNOWN_WALLET));
    }

    @Test
    void noKeyOrAnUnknownKeyIs401() {
        String path = "/v1/wallets/" + fixtures.profiles().getFirst().address() + "/score";
        problem(given().get(path), 401, "unauthenticated", path).body("detail", containsString("X-API-Key"));
        problem(given().header(HEADER, "cl_abcdefgh_" + "x".repeat(43)).get(path), 401, "unauthenticated", path);
        problem(given().header(HEADER, "not a key").get(path), 401, "unauthenticated", path);
        // a valid prefix with a wrong secret
        problem(given().header(HEADER, key.substring(0, 12) + "y".repeat(43)).get(path), 401, "unauthenticated", path);
    }

    @Test
    void aKeyWithoutTheScopeIs403() {
        String path = "/v1/wallets/" + fixtures.profiles().getFirst().address() + "/score";
        problem(given().header(HEADER, fixtures.key(Scope.ATTESTATIONS_WRITE, 100, 100)).get(path), 403, "forbidden", path)
                .body("detail", containsString("scores:read"));
    }

    @Test
    void overTheRateLimitIs429WithRetryAfter() {
        String limited = fixtures.key(Scope.SCORES_READ, 1, 3);
        String path = "/v1/wallets/" + fixtures.profiles().getFirst().address() + "/score";
        for (int i = 0; i < 3; i++) {
            given().header(HEADER, limited).get(path).then().statusCode(200);
        }
        problem(given().header(HEADER, limited).get(path), 429, "rate-limited", path)
                .header("Retry-After", equalTo("1"))
                .body("retryAfterSeconds", equalTo(1))
                .body("detail", containsString("1 requests per second"));
        // other keys are not affected
        given().header(HEADER, key).get(path).then().statusCode(200);
    }

    @Test
    void withoutAnActiveModelScoresAre503() {
        String modelId = fixtures.model().modelId();
        String path = "/v1/wallets/" + fixtures.profiles().get(1).address() + "/score";
        fixtures.setActive(modelId, false);
        try {
            problem(given().header(HEADER, key).get(path), 503, "no-active-model", path)
                    .header("Retry-After", notNullValue());
        } finally {
            fixtures.setActive(modelId, true);
        }
        given().header(HEADER, key).get(path).then().statusCode(200);
    }

    @Test
    void aRetirementOrApprovalMadeOnAnotherInstanceReachesThisOne() {
        String modelId = fixtures.model().modelId();
        String path = "/v1/wallets/" + fixtures.profiles().get(2).address() + "/score";
        given().header(HEADER, key).get(path).then().statusCode(200).body("modelId", equalTo(modelId));
        try {
            // another instance retires the model: only the database changes
            QuarkusTransaction.requiringNew().run(() -> CreditModelRecord.update("active = false where modelId = ?1", modelId));
            given().header(HEADER, key).get(path).then().statusCode(200); // until this instance looks
            engine.followActiveModel();
            problem(given().header(HEADER, key).get(path), 503, "no-active-model", path);
            engine.followActiveModel(); // nothing changed: still none
            problem(given().header(HEADER, key).get(path), 503, "no-active-model", path);
            // and approves it again
            QuarkusTransaction.requiringNew().run(() -> CreditModelRecord.update("active = true where modelId = ?1", modelId));
            engine.followActiveModel();
            given().header(HEADER, key).get(path).then().statusCode(200).body("modelId", equalTo(modelId));
        } finally {
            fixtures.setActive(modelId, true);
        }
    }

    static io.restassured.response.ValidatableResponse problem(Response response, int status, String slug, String instance) {
        return response.then().statusCode(status)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://creditlayer.io/problems/" + slug))
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body("instance", equalTo(instance));
    }

    private static String flipCaseOfOneLetter(String address) {
        char[] chars = address.toCharArray();
        for (int i = 2; i < chars.length; i++) {
            if (Character.isLetter(chars[i])) {
                chars[i] = Character.isUpperCase(chars[i]) ? Character.toLowerCase(chars[i]) : Character.toUpperCase(chars[i]);
                String flipped = new String(chars);
                if (!flipped.substring(2).equals(flipped.substring(2).toLowerCase())
                        && !flipped.substring(2).equals(flipped.substring(2).toUpperCase())) {
                    return flipped;
                }
                chars[i] = address.charAt(i);
            }
        }
        throw new IllegalArgumentException("no letter to flip in " + address);
    }
}
