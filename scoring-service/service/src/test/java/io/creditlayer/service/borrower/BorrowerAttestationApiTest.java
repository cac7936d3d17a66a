package io.creditlayer.service.borrower;

import io.creditlayer.contracts.attestation.AttestationSigner;
import io.creditlayer.contracts.attestation.OracleDomain;
import io.creditlayer.contracts.attestation.ScoreAttestation;
import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.devnet.DevnetMarket;
import io.creditlayer.model.CreditModel;
import io.creditlayer.model.Score;
import io.creditlayer.service.attest.AttestationIssuer;
import io.creditlayer.service.scoring.ScoringEngine;
import io.creditlayer.service.siwe.SiweTestClient;
import io.creditlayer.service.store.OutboxEntry;
import io.creditlayer.service.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST and GET /v1/me/attestations on an anvil devnet with the whole system deployed: the borrower's own
 * attestation is queued in the outbox, or handed out and accepted by the CreditOracle when anyone relays it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(BorrowerDevnetProfile.class)
class BorrowerAttestationApiTest {
    private static ChainClient chain;
    private static DevnetMarket market;

    private final SiweTestClient wallet = new SiweTestClient(BorrowerTestProfile.DOMAIN, Anvil.CHAIN_ID);

    @Inject
    ScoringEngine scoring;

    private CreditModel model;

    /** The service's model, approved on the chain's ModelRegistry through the timelock (once). */
    @BeforeEach
    void activateAndApproveOnChain() throws Exception {
        model = BorrowerProfiles.activateTestModel(scoring);
        if (market == null) {
            String rpc = ConfigProvider.getConfig().getValue("creditlayer.chain.rpc-url", String.class);
            chain = ChainClient.connect(rpc, Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet());
            market = new DevnetMarket(chain, Deployment.read(BorrowerDevnetResource.DEPLOYMENT_FILE));
            byte[] modelId = Numeric.hexStringToByteArray(model.modelId());
            market.approveModel(modelId, modelId, Numeric.hexStringToByteArray(model.schema().hash()),
                    Hash.sha3("borrower test fairness report".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @AfterAll
    static void disconnect() {
        if (chain != null) {
            chain.close();
        }
        chain = null;
        market = null;
    }

    private static ECKeyPair newKey() {
        try {
            return Keys.createEcKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String address(ECKeyPair key) {
        return "0x" + Keys.getAddress(key.getPublicKey()).toLowerCase(Locale.ROOT);
    }

    private BorrowerProfiles.Row profile(int index) {
        List<BorrowerProfiles.Row> rows = BorrowerProfiles.rows();
        return rows.get(index % rows.size());
    }

    @Test
    void aSelfRequestedAttestationIsQueuedForPostingOncePerInterval() {
        ECKeyPair key = DevnetAccounts.SCORED_BORROWER.credentials().getEcKeyPair();
        BorrowerProfiles.Row row = profile(10);
        BorrowerProfiles.insert(address(key), row);
        String token = SiweTestClient.bearer(wallet.signIn(key));
        Score expected = model.score(row.features());

        JsonPath created = given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of())
                .when().post("/v1/me/attestations").then().statusCode(201)
                .header("Location", containsString("/v1/me/attestations/"))
                .body("borrower", equalTo(address(key)))
                .body("score", equalTo(expected.score())).body("tier", equalTo(expected.tier()))
                .body("modelId", equalTo(model.modelId())).body("featureCommitment", equalTo(row.commitment()))
                .body("status", equalTo("QUEUED")).body("requestedByYou", equalTo(true))
                .body("chainId", equalTo((int) Anvil.CHAIN_ID))
                .body("oracle", equalTo(market.deployment().creditOracle().toLowerCase(Locale.ROOT)))
                .body("createdAt", notNullValue())
                .extract().jsonPath();
        String id = created.getString("id");

        List<OutboxEntry> queued = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>list("aggregateId", id));
        assertEquals(1, queued.size());
        assertEquals(AttestationIssuer.OUTBOX_KIND, queued.getFirst().kind);

        given().header("Authorization", token).when().get("/v1/me/attestations").then().statusCode(200)
                .body("", hasSize(1)).body("[0].id", equalTo(id)).body("[0].signature", equalTo(created.getString("signature")));
        given().header("Authorization", token).when().get("/v1/me/attestations/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("nonce", equalTo("0"));

        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("post", true))
                .when().post("/v1/me/attestations").then().statusCode(429)
                .contentType(containsString("application/problem+json"))
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://creditlayer.io/problems/attestation-too-soon"))
                .body("lastAttestationId", equalTo(id));

        // another borrower sees neither the attestation nor its id; a malformed id is a bad request
        String other = SiweTestClient.bearer(wallet.signIn(newKey()));
        given().header("Authorization", other).when().get("/v1/me/attestations/" + id).then().statusCode(404)
                .body("type", equalTo("https://creditlayer.io/problems/unknown-attestation"));
        given().header("Authorization", other).when().get("/v1/me/attestations").then().statusCode(200).body("", hasSize(0));
        given().header("Authorization", other).when().get("/v1/me/attestations/not-a-uuid").then().statusCode(400);
    }

    @Test
    void anAttestationHandedToTheBorrowerIsAcceptedByTheOracle() throws Exception {
        ECKeyPair key = newKey();
        String borrower = address(key);
        BorrowerProfiles.Row row = profile(42);
        BorrowerProfiles.insert(borrower, row);
        String token = SiweTestClient.bearer(wallet.signIn(key));

        JsonPath a = given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("post", false))
                .when().post("/v1/me/attestations").then().statusCode(201)
                .body("status", equalTo("ISSUED")).extract().jsonPath();
        long outbox = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count("aggregateId", a.getString("id")));
        assertEquals(0, outbox);

        ScoreAttestation attestation = new ScoreAttestation(borrower, a.getInt("score"), a.getInt("tier"),
                Numeric.hexStringToByteArray(a.getString("modelId")), Numeric.hexStringToByteArray(a.getString("featureCommitment")),
                a.getLong("issuedAt"), a.getLong("expiresAt"), new BigInteger(a.getString("nonce")));
        OracleDomain domain = new OracleDomain(Anvil.CHAIN_ID, market.deployment().creditOracle());
        assertEquals(a.getString("digest"), Numeric.toHexString(AttestationSigner.digest(domain, attestation)));

        // anyone may relay it: the oracle checks the scorer's signature, the approved model and the validity window
        TransactionReceipt receipt = market.submit(DevnetAccounts.RELAYER.credentials(), attestation,
                Numeric.hexStringToByteArray(a.getString("signature")));
        assertTrue(receipt.isStatusOK());
        assertEquals(BigInteger.valueOf(a.getInt("tier")),
                market.oracle(DevnetAccounts.RELAYER.credentials()).tierOf(borrower).send());
        assertTrue(market.oracle(DevnetAccounts.RELAYER.credentials()).isNonceUsed(borrower, attestation.nonce()).send());
    }

    @Test
    void aWalletWithoutProfileGetsNoAttestation() {
        String token = SiweTestClient.bearer(wallet.signIn(newKey()));
        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of())
                .when().post("/v1/me/attestations").then().statusCode(404)
                .body("type", equalTo("https://creditlayer.io/problems/unknown-wallet"));
    }

    @Test
    void attestationsNeedASession() {
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/v1/me/attestations").then().statusCode(401)
                .body("type", equalTo("https://creditlayer.io/problems/unauthenticated"));
    }
}
