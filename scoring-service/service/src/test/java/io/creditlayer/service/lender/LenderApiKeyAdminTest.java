package io.creditlayer.service.lender;

import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.creditlayer.service.lender.LenderScoreTest.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(LenderTestProfile.class)
class LenderApiKeyAdminTest {
    private static final String HEADER = "X-API-Key";
    private static final String PATH = "/v1/admin/api-keys";

    @Inject
    LenderFixtures fixtures;

    private String admin;

    @BeforeEach
    void ready() {
        fixtures.ready();
        admin = fixtures.key(Scope.ADMIN, 1_000, 1_000);
    }

    @Test
    void aCreatedKeyIsShownOnceListedWithoutSecretsAndWorksUntilRevoked() {
        JsonPath created = given().header(HEADER, admin).contentType(ContentType.JSON)
                .body(Map.of("name", "acme lending", "scopes", List.of("scores:read"), "requestsPerSecond", 50, "burst", 80))
                .when().post(PATH)
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/v1/admin/api-keys/[0-9a-f-]{36}$"))
                .body("key", matchesPattern("^cl_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$"))
                .body("name", equalTo("acme lending"))
                .body("scopes", equalTo(List.of("scores:read")))
                .body("requestsPerSecond", equalTo(50))
                .body("burst", equalTo(80))
                .extract().jsonPath();
        String id = created.getString("id");
        String key = created.getString("key");
        assertEquals(key.substring(3, 11), created.getString("prefix"));

        String listing = given().header(HEADER, admin).get(PATH).then().statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.active", equalTo(true))
                .body("find { it.id == '" + id + "' }.prefix", equalTo(key.substring(3, 11)))
                .extract().asString();
        assertFalse(listing.contains(key.substring(12)), "the listing shows a secret");
        assertFalse(listing.contains("secret"), "the listing names a secret field");
        given().header(HEADER, admin).get(PATH + "/" + id).then().statusCode(200).body("name", equalTo("acme lending"))
                .body("revokedAt", nullValue()).body(not(containsString(key.substring(12))));

        String scorePath = "/v1/wallets/" + fixtures.profiles().getFirst().address() + "/score";
        given().header(HEADER, key).get(scorePath).then().statusCode(200);

        given().header(HEADER, admin).delete(PATH + "/" + id).then().statusCode(204);
        problem(given().header(HEADER, key).get(scorePath), 401, "unauthenticated", scorePath);
        given().header(HEADER, admin).get(PATH + "/" + id).then().statusCode(200).body("active", equalTo(false))
                .body("revokedAt", notNullValue());
        problem(given().header(HEADER, admin).delete(PATH + "/" + id), 404, "unknown-api-key", PATH + "/" + id);
    }

    @Test
    void rateAndBurstDefaultWhenLeftOut() {
        given().header(HEADER, admin).contentType(ContentType.JSON)
                .body(Map.of("name", "defaults", "scopes", List.of("attestations:write", "scores:read")))
                .post(PATH).then().statusCode(201)
                .body("requestsPerSecond", equalTo(10)).body("burst", equalTo(20))
                .body("scopes", equalTo(List.of("attestations:write", "scores:read")));
    }

    @Test
    void invalidKeyRequestsAre400() {
        List<Map<String, Object>> invalid = List.of(
                Map.of("name", "x", "scopes", List.of("everything")),
                Map.of("name", "x", "scopes", List.of()),
                Map.of("name", "x"),
                Map.of("name", "", "scopes", List.of("scores:read")),
                Map.of("scopes", List.of("scores:read")),
                Map.of("name", "x", "scopes", List.of("scores:read"), "requestsPerSecond", 0),
                Map.of("name", "x", "scopes", List.of("scores:read"), "requestsPerSecond", 10, "burst", 1_000_000));
        for (Map<String, Object> body : invalid) {
            problem(given().header(HEADER, admin).contentType(ContentType.JSON).body(body).post(PATH), 400,
                    "invalid-api-key-request", PATH);
        }
        problem(given().header(HEADER, admin).contentType(ContentType.JSON).body("{\"name\":").post(PATH), 400,
                "malformed-body", PATH);
    }

    @Test
    void unknownAndMalformedIdsAre404And400() {
        String unknown = UUID.randomUUID().toString();
        problem(given().header(HEADER, admin).delete(PATH + "/" + unknown), 404, "unknown-api-key", PATH + "/" + unknown);
        problem(given().header(HEADER, admin).get(PATH + "/" + unknown), 404, "unknown-api-key", PATH + "/" + unknown);
        problem(given().header(HEADER, admin).delete(PATH + "/not-a-uuid"), 400, "invalid-api-key-id", PATH + "/not-a-uuid");
    }

    @Test
    void onlyAdminKeysManageKeys() {
        problem(given().get(PATH), 401, "unauthenticated", PATH);
        problem(given().header(HEADER, fixtures.scoresKey()).get(PATH), 403, "forbidden", PATH)
                .body("detail", endsWith("admin"));
        problem(given().header(HEADER, fixtures.scoresKey()).contentType(ContentType.JSON)
                .body(Map.of("name", "escalate", "scopes", List.of("admin"))).post(PATH), 403, "forbidden", PATH);
    }
}
