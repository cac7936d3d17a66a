package io.creditlayer.service.lender;

import io.creditlayer.service.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(LenderTestProfile.class)
class LenderServiceApiTest {
    @Inject
    LenderFixtures fixtures;

    @Test
    void pingAnswersWithoutAKey() {
        given().get("/v1/ping").then().statusCode(200).contentType(containsString("application/json"))
                .body("status", equalTo("ok"));
    }

    @Test
    void theOpenApiDocumentDescribesTheLenderApi() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        for (String path : List.of("/v1/wallets/{address}/score", "/v1/wallets/scores", "/v1/attestations",
                "/v1/attestations/{id}", "/v1/admin/api-keys", "/v1/admin/api-keys/{id}", "/v1/ping")) {
            assertTrue(paths.containsKey(path), "OpenAPI lacks " + path);
        }
        String score = "paths.'/v1/wallets/{address}/score'.get";
        assertNotNull(doc.getString(score + ".summary"));
        assertEquals(List.of(Map.of(LenderApi.API_KEY_SCHEME, List.of())), doc.getList(score + ".security"));
        for (String status : List.of("400", "401", "403", "404", "429", "503")) {
            assertEquals("#/components/schemas/Problem",
                    doc.getString(score + ".responses.'" + status + "'.content.'application/problem+json'.schema.$ref"),
                    "problem response " + status);
        }
        assertEquals("#/components/schemas/WalletScore",
                doc.getString(score + ".responses.'200'.content.'application/json'.schema.$ref"));
        assertEquals("apiKey", doc.getString("components.securitySchemes." + LenderApi.API_KEY_SCHEME + ".type"));
        assertEquals("X-API-Key", doc.getString("components.securitySchemes." + LenderApi.API_KEY_SCHEME + ".name"));
        assertEquals("#/components/schemas/Attestation",
                doc.getString("paths.'/v1/attestations'.post.responses.'201'.content.'application/json'.schema.$ref"));
        assertTrue(doc.getList("paths.'/v1/ping'.get.security") == null, "ping needs no key");
    }

    @Test
    void requestMetricsUseTheRouteTemplateNotTheAddress() {
        fixtures.ready();
        String wallet = fixtures.profiles().get(2).address();
        given().header("X-API-Key", fixtures.scoresKey()).get("/v1/wallets/" + wallet + "/score").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/v1/wallets/{address}/score\""), "score requests are timed per route");
        assertTrue(!metrics.contains(wallet), "an address in a metric label would make one time series per wallet");
        assertTrue(metrics.contains("creditlayer_scores_served_total"), "scores served are counted");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
