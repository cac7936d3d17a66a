package io.creditlayer.service.health;

import io.creditlayer.service.attest.AttestationIssuer;
import io.creditlayer.service.auth.ApiKeys;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.chain.ChainDevnet;
import io.creditlayer.service.chain.ChainDevnetResource;
import io.creditlayer.service.chain.ChainTestData;
import io.creditlayer.service.chain.ChainUnavailableException;
import io.creditlayer.service.outbox.OutboxWorker;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chain goes away and comes back: readiness goes DOWN and calls that need the chain answer 503 with
 * Retry-After; the worker pauses; once the node answers again everything recovers without a restart.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(ChainOutageTest.OutageProfile.class)
class ChainOutageTest {
    @Inject
    AttestationIssuer issuer;
    @Inject
    ScoringEngine scoring;
    @Inject
    OutboxWorker worker;
    @Inject
    ApiKeys apiKeys;

    /** A devnet of its own: this test stops and restarts it. */
    public static class OutageProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("creditlayer.outbox.enabled", "false", "creditlayer.chain.health-timeout", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ChainDevnetResource.class));
        }
    }

    @Test
    void readinessAndChainCallsFollowTheNodeDownAndBackUp() {
        ChainTestData.prepare(scoring);
        String admin = apiKeys.create("outage-ops", EnumSet.of(Scope.ADMIN), 100, 100).key();
        String wallet = ChainTestData.freshWallet();
        ChainDevnet devnet = ChainDevnetResource.devnet();
        given().when().get("/q/health/ready").then().statusCode(200);
        given().header("X-API-Key", admin).when().get("/v1/chain/status").then().statusCode(200);

        devnet.stop();
        try {
            Response ready = await(() -> given().when().get("/q/health/ready"), 503);
            ready.then().body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'chain' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'chain' }.data.problem", containsString("did not answer"))
                    .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
            Response status = await(() -> given().header("X-API-Key", admin).when().get("/v1/chain/status"), 503);
            status.then().contentType(containsString("application/problem+json"))
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://creditlayer.io/problems/chain-unavailable"))
                    .body("status", equalTo(503));
            ChainUnavailableException refused = assertThrows(ChainUnavailableException.class,
                    () -> issuer.issue(wallet, "outage-test", true));
            assertEquals(503, refused.status());
            OutboxWorker.Tick paused = worker.runOnce();
            assertNotNull(paused.skipped());
            assertTrue(paused.skipped().contains("did not answer"), paused.skipped());
        } finally {
            devnet.restart();
        }

        await(() -> given().when().get("/q/health/ready"), 200).then().body("status", equalTo("UP"));
        given().header("X-API-Key", admin).when().get("/v1/chain/status").then().statusCode(200)
                .body("chainId", equalTo(31337));
    }

    /** Polls until the response has the status (readiness follows within a probe or two). */
    private static Response await(Supplier<Response> call, int status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Response response = call.get();
        while (response.statusCode() != status && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            response = call.get();
        }
        assertEquals(status, response.statusCode(), () -> "last response: " + call.get().asString());
        return response;
    }
}
