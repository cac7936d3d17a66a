package io.creditlayer.service;

import io.creditlayer.service.store.CreditModelRecord;
import io.creditlayer.service.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ServiceBasicsTest {

    @Test
    void readinessIsUpWithTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownRouteIsAProblemDocument() {
        given().when().get("/v1/no-such-thing").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404)).body("type", equalTo("https://creditlayer.io/problems/not-found"));
    }

    @Test
    void theConfiguredModelIsRegisteredAsACandidate() {
        long candidates = QuarkusTransaction.requiringNew().call(() ->
                CreditModelRecord.count("status", CreditModelRecord.Status.CANDIDATE));
        assertEquals(1, candidates);
    }

    @Test
    void openApiAndMetricsAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body(containsString("CreditLayer scoring API"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }
}
