package io.creditlayer.service.lender;

import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.creditlayer.service.lender.LenderScoreTest.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(LenderTestProfile.class)
class LenderBatchTest {
    private static final String HEADER = "X-API-Key";
    private static final String PATH = "/v1/wallets/scores";

    @Inject
    LenderFixtures fixtures;

    private String key;

    @BeforeEach
    void ready() {
        fixtures.ready();
        key = fixtures.scoresKey();
    }

    @Test
    void eachDistinctAddressGetsItsScoreOrItsProblemInOrder() {
        List<LenderSeed.Profile> profiles = fixtures.profiles();
        String unknown = "0x00000000000000000000000000000000000b0b0b";
        List<String> addresses = List.of(profiles.get(0).address(), "nonsense", profiles.get(1).address(), unknown,
                Keys.toChecksumAddress(LenderFixtures.LETTERED), LenderFixtures.LETTERED, profiles.get(0).address());
        var body = given().header(HEADER, key).contentType(ContentType.JSON).body(Map.of("addresses", addresses))
                .when().post(PATH)
                .then().statusCode(200).contentType(containsString("application/json"))
                .body("requested", equalTo(7))
                .body("distinct", equalTo(5))
                .body("scored", equalTo(3))
                .body("failed", equalTo(2))
                .body("tokens", equalTo(1))
                .body("results", hasSize(5))
                .body("results[0].address", equalTo(profiles.get(0).address()))
                .body("results[0].status", equalTo(200))
                .body("results[0].problem", nullValue())
                .body("results[1].address", equalTo("nonsense"))
                .body("results[1].status", equalTo(400))
                .body("results[1].score", nullValue())
                .body("results[1].problem.type", equalTo("https://creditlayer.io/problems/invalid-address"))
                .body("results[1].problem.status", equalTo(400))
                .body("results[2].address", equalTo(profiles.get(1).address()))
                .body("results[3].address", equalTo(unknown))
                .body("results[3].status", equalTo(404))
                .body("results[3].problem.type", equalTo("https://creditlayer.io/problems/unknown-wallet"))
                .body("results[3].problem.instance", equalTo("/v1/wallets/" + unknown + "/score"))
                .body("results[4].address", equalTo(LenderFixtures.LETTERED))
                .body("results[4].status", equalTo(200))
                .extract().jsonPath();

        // the batch's scores are exactly the single endpoint's
        for (int i : new int[] {0, 2, 4}) {
            String address = body.getString("results[" + i + "].address");
            Map<String, Object> single = given().header(HEADER, key).get("/v1/wallets/" + address + "/score")
                    .then().statusCode(200).extract().jsonPath().getMap("");
            assertEqualsJson(single, body.getMap("results[" + i + "].score"));
        }
    }

    @Test
    void aBatchNeedsOneToOneThousandAddresses() {
        problem(given().header(HEADER, key).contentType(ContentType.JSON).body(Map.of("addresses", List.of())).post(PATH),
                400, "invalid-batch", PATH);
        problem(given().header(HEADER, key).contentType(ContentType.JSON).body("{}").post(PATH), 400, "invalid-batch", PATH);
        problem(given().header(HEADER, key).contentType(ContentType.JSON).body(Map.of("addresses", derived(1_001))).post(PATH),
                400, "batch-too-large", PATH).body("detail", containsString("1001"));
        problem(given().header(HEADER, key).contentType(ContentType.JSON).body("{\"addresses\": [").post(PATH),
                400, "malformed-body", PATH);
    }

    @Test
    void aFullBatchIsServed() {
        List<String> addresses = new ArrayList<>(derived(1_000 - fixtures.profiles().size()));
        fixtures.profiles().forEach(p -> addresses.add(p.address()));
        given().header(HEADER, key).contentType(ContentType.JSON).body(Map.of("addresses", addresses)).post(PATH)
                .then().statusCode(200)
                .body("distinct", equalTo(1_000))
                .body("scored", equalTo(fixtures.profiles().size()))
                .body("failed", equalTo(1_000 - fixtures.profiles().size()))
                .body("tokens", equalTo(10));
    }

    @Test
    void aBatchCostsOneTokenPerHundredDistinctAddressesAndMayLeaveTheKeyInDebt() {
        String limited = fixtures.key(Scope.SCORES_READ, 1, 5);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 950; i++) {
            addresses.add("not-an-address-" + i); // answered without the database, so the clock barely moves
        }
        addresses.addAll(List.copyOf(addresses.subList(0, 50))); // duplicates cost nothing
        given().header(HEADER, limited).contentType(ContentType.JSON).body(Map.of("addresses", addresses)).post(PATH)
                .then().statusCode(200).body("requested", equalTo(1_000)).body("distinct", equalTo(950))
                .body("failed", equalTo(950)).body("tokens", equalTo(10));
        // 5 tokens in the bucket, 10 spent: 5 in debt at 1 token per second, so the wait is well over the 1 s a
        // key without debt waits (less the time the batch itself took)
        String path = "/v1/wallets/" + fixtures.profiles().getFirst().address() + "/score";
        int retryAfter = Integer.parseInt(problem(given().header(HEADER, limited).get(path), 429, "rate-limited", path)
                .extract().header("Retry-After"));
        org.junit.jupiter.api.Assertions.assertTrue(retryAfter >= 2 && retryAfter <= 6, "Retry-After " + retryAfter);
    }

    @Test
    void batchesNeedAKeyWithTheScope() {
        var body = Map.of("addresses", List.of(fixtures.profiles().getFirst().address()));
        problem(given().contentType(ContentType.JSON).body(body).post(PATH), 401, "unauthenticated", PATH);
        problem(given().header(HEADER, fixtures.key(Scope.ADMIN, 10, 10)).contentType(ContentType.JSON).body(body).post(PATH),
                403, "forbidden", PATH);
    }

    /** Addresses no profile has: 0x0b47c4...{i}. */
    private static List<String> derived(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add("0x0b47c4" + String.format(Locale.ROOT, "%034x", BigInteger.valueOf(i)));
        }
        return out;
    }

    private static void assertEqualsJson(Map<String, Object> expected, Map<String, Object> actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
