package io.creditlayer.service.siwe;

import io.creditlayer.service.borrower.BorrowerTestProfile;
import io.creditlayer.service.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sign-in endpoints' per-client limit over HTTP: a client past its burst gets 429 and no more nonce rows. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(SignInLimitApiTest.SmallBurst.class)
class SignInLimitApiTest {
    static final int BURST = 3;

    public static class SmallBurst extends BorrowerTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("creditlayer.siwe.client-burst", Integer.toString(BURST));
            config.put("creditlayer.siwe.client-requests-per-minute", "1");
            return config;
        }
    }

    @Test
    void aClientPastItsBurstIsRefusedWithRetryAfterAndLeavesNoRows() {
        long before = QuarkusTransaction.requiringNew().call(() -> SiweNonceRecord.count());
        for (int i = 0; i < BURST; i++) {
            given().when().post("/v1/siwe/nonce").then().statusCode(200);
        }
        given().when().post("/v1/siwe/nonce").then().statusCode(429)
                .contentType(containsString("application/problem+json"))
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://creditlayer.io/problems/sign-in-rate-limited"))
                .body("status", equalTo(429));
        given().contentType(ContentType.JSON).body(Map.of("message", "m", "signature", "0x00"))
                .when().post("/v1/siwe/verify").then().statusCode(429)
                .body("type", equalTo("https://creditlayer.io/problems/sign-in-rate-limited"));
        long after = QuarkusTransaction.requiringNew().call(() -> SiweNonceRecord.count());
        assertEquals(before + BURST, after, "refused requests store no nonce");
    }
}
