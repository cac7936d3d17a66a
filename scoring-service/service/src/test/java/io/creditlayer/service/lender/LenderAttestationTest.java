package io.creditlayer.service.lender;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditlayer.contracts.attestation.OracleDomain;
import io.creditlayer.contracts.attestation.ScoreAttestation;
import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.chain.StructReturns;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.devnet.DevnetMarket;
import io.creditlayer.model.Score;
import io.creditlayer.service.attest.AttestationIssuer;
import io.creditlayer.service.auth.Scope;
import io.creditlayer.service.store.OutboxEntry;
import io.creditlayer.service.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.creditlayer.service.lender.LenderScoreTest.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attestations against a real devnet: what the API issues is submitted to the deployed CreditOracle and must move
 * the borrower's on-chain tier to the attested one.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(LenderTestProfile.class)
class LenderAttestationTest {
    private static final String HEADER = "X-API-Key";
    private static final String PATH = "/v1/attestations";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LenderFixtures fixtures;

    @ConfigProperty(name = "creditlayer.chain.rpc-url")
    String rpcUrl;

    @ConfigProperty(name = "creditlayer.chain.deployment-file")
    String deploymentFile;

    private String key;
    private ChainClient chain;
    private DevnetMarket market;

    @BeforeEach
    void ready() {
        fixtures.ready();
        key = fixtures.key(Scope.ATTESTATIONS_WRITE, 1_000, 1_000);
        chain = ChainClient.connect(rpcUrl, Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet());
        market = new DevnetMarket(chain, Deployment.read(Path.of(deploymentFile)));
    }

    @AfterEach
    void close() {
        chain.close();
    }

    @Test
    void anIssuedAttestationIsExactlyWhatTheOracleAccepts() throws Exception {
        String borrower = storeBestProfileFor(DevnetAccounts.SCORED_BORROWER.address());
        Score expected = expectedScore(borrower);
        JsonPath issued = given().header(HEADER, key).contentType(ContentType.JSON)
                .body(Map.of("borrower", Keys.toChecksumAddress(borrower), "post", false))
                .when().post(PATH)
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/v1/attestations/[0-9a-f-]{36}$"))
                .body("status", equalTo("ISSUED"))
                .body("attestation.borrower", equalTo(borrower))
                .body("attestation.score", equalTo(expected.score()))
                .body("attestation.tier", equalTo(expected.tier()))
                .body("attestation.modelId", equalTo(fixtures.model().modelId()))
                .body("domain.name", equalTo(OracleDomain.NAME))
                .body("domain.version", equalTo(OracleDomain.VERSION))
                .body("domain.chainId", equalTo((int) Anvil.CHAIN_ID))
                .body("domain.verifyingContract", equalTo(market.deployment().creditOracle().toLowerCase(Locale.ROOT)))
                .body("typedData.primaryType", equalTo("ScoreAttestation"))
                .body("signature", matchesPattern("^0x[0-9a-f]{130}$"))
                .body("digest", matchesPattern("^0x[0-9a-f]{64}$"))
                .extract().jsonPath();
        assertTrue(issued.getInt("attestation.tier") >= 1, "the test borrower must be scored");

        // the typed data a wallet displays hashes to the digest, and the signature recovers to the scorer
        byte[] digest = Numeric.hexStringToByteArray(issued.getString("digest"));
        String typedData = JSON.writeValueAsString(issued.getMap("typedData"));
        assertEquals(issued.getString("digest"), Numeric.toHexString(new StructuredDataEncoder(typedData).hashStructuredData()));
        byte[] signature = Numeric.hexStringToByteArray(issued.getString("signature"));
        Sign.SignatureData parts = new Sign.SignatureData(signature[64], Arrays.copyOfRange(signature, 0, 32),
                Arrays.copyOfRange(signature, 32, 64));
        assertEquals(DevnetAccounts.SCORER.address().toLowerCase(Locale.ROOT),
                "0x" + Keys.getAddress(Sign.signedMessageHashToKey(digest, parts)));

        // the oracle computes the same digest and accepts the attestation: the borrower now holds the tier
        ScoreAttestation attestation = attestation(issued);
        CreditOracle oracle = market.oracle(DevnetAccounts.RELAYER.credentials());
        assertEquals(issued.getString("digest"), Numeric.toHexString(oracle.hashAttestation(DevnetMarket.toStruct(attestation)).send()));
        TransactionReceipt receipt = market.submit(DevnetAccounts.RELAYER.credentials(), attestation, signature);
        assertTrue(receipt.isStatusOK());
        assertEquals(BigInteger.valueOf(expected.tier()), oracle.tierOf(borrower).send());
        RemoteFunctionCall<CreditOracle.CreditRecord> recordOf = oracle.recordOf(borrower);
        CreditOracle.CreditRecord record = StructReturns.decode(recordOf, view(recordOf.encodeFunctionCall()),
                CreditOracle.CreditRecord.class);
        assertEquals(BigInteger.valueOf(expected.score()), record.score);
        assertEquals(BigInteger.valueOf(issued.getLong("attestation.expiresAt")), record.expiresAt);
        assertTrue(oracle.isNonceUsed(borrower, new BigInteger(issued.getString("attestation.nonce"))).send());
    }

    /**
     * A view call on the oracle's raw return: struct returns are decoded with {@link StructReturns}, since the
     * wrapper's own decoding looks the struct class up from web3j's class loader, which in a Quarkus test is not
     * the wrapper's.
     */
    private String view(String data) throws java.io.IOException {
        return chain.web3j().ethCall(Transaction.createEthCallTransaction(DevnetAccounts.RELAYER.address(),
                market.deployment().creditOracle(), data), DefaultBlockParameterName.LATEST).send().getValue();
    }

    @Test
    void postingQueuesTheAttestationInTheOutboxWithTheNextNonce() {
        String borrower = storeBestProfileFor(DevnetAccounts.LIQUIDATOR.address());
        JsonPath first = issue(borrower, false);
        JsonPath queued = given().header(HEADER, key).contentType(ContentType.JSON)
                .body(Map.of("borrower", borrower, "post", true)).post(PATH)
                .then().statusCode(201).body("status", equalTo("QUEUED")).extract().jsonPath();
        assertEquals(new BigInteger(first.getString("attestation.nonce")).add(BigInteger.ONE),
                new BigInteger(queued.getString("attestation.nonce")));
        String id = queued.getString("id");
        List<OutboxEntry> entries = QuarkusTransaction.requiringNew().call(() ->
                OutboxEntry.<OutboxEntry>list("aggregateId", id));
        assertEquals(1, entries.size());
        assertEquals(AttestationIssuer.OUTBOX_KIND, entries.getFirst().kind);
        assertEquals(OutboxEntry.Status.PENDING, entries.getFirst().status);

        // the status endpoint shows the same attestation and where it is
        JsonPath shown = given().header(HEADER, key).get(PATH + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("status", equalTo("QUEUED"))
                .extract().jsonPath();
        assertEquals(queued.getMap("attestation"), shown.getMap("attestation"));
        assertEquals(queued.getString("signature"), shown.getString("signature"));
        assertEquals(queued.getMap("typedData"), shown.getMap("typedData"));
        assertEquals(null, shown.getString("txHash"), "nothing sent yet");
    }

    @Test
    void badRequestsAreProblems() {
        problem(given().header(HEADER, key).contentType(ContentType.JSON).body(Map.of("borrower", "0x12")).post(PATH),
                400, "invalid-address", PATH);
        problem(given().header(HEADER, key).contentType(ContentType.JSON).body(Map.of("post", true)).post(PATH),
                400, "invalid-address", PATH);
        problem(given().header(HEADER, key).contentType(ContentType.JSON).body("{\"borrower\": 12, \"post\": \"maybe\"}").post(PATH),
                400, "malformed-body", PATH);
        String unknown = "0x000000000000000000000000000000000000f00d";
        problem(given().header(HEADER, key).contentType(ContentType.JSON).body(Map.of("borrower", unknown)).post(PATH),
                404, "unknown-wallet", PATH);
        String missing = UUID.randomUUID().toString();
        problem(given().header(HEADER, key).get(PATH + "/" + missing), 404, "unknown-attestation", PATH + "/" + missing);
        problem(given().header(HEADER, key).get(PATH + "/12345"), 400, "invalid-attestation-id", PATH + "/12345");
    }

    @Test
    void attestationsNeedAKeyWithTheScope() {
        String borrower = fixtures.profiles().getFirst().address();
        problem(given().contentType(ContentType.JSON).body(Map.of("borrower", borrower)).post(PATH), 401, "unauthenticated", PATH);
        problem(given().header(HEADER, fixtures.scoresKey()).contentType(ContentType.JSON).body(Map.of("borrower", borrower))
                .post(PATH), 403, "forbidden", PATH);
        String any = PATH + "/" + UUID.randomUUID();
        problem(given().header(HEADER, fixtures.scoresKey()).get(any), 403, "forbidden", any);
    }

    private JsonPath issue(String borrower, boolean post) {
        return given().header(HEADER, key).contentType(ContentType.JSON).body(Map.of("borrower", borrower, "post", post))
                .post(PATH).then().statusCode(201).extract().jsonPath();
    }

    /** Stores the CSV profile with the best score as this wallet's profile; returns the lower-case address. */
    private String storeBestProfileFor(String wallet) {
        LenderSeed.Profile best = fixtures.allCsvProfiles().stream()
                .max(Comparator.comparingInt(p -> fixtures.model().score(p.features()).score())).orElseThrow();
        LenderSeed.Profile profile = best.as(wallet);
        fixtures.store(List.of(profile));
        return profile.address();
    }

    private Score expectedScore(String borrower) {
        LenderSeed.Profile best = fixtures.allCsvProfiles().stream()
                .max(Comparator.comparingInt(p -> fixtures.model().score(p.features()).score())).orElseThrow();
        return fixtures.model().score(best.as(borrower).features());
    }

    private static ScoreAttestation attestation(JsonPath issued) {
        return new ScoreAttestation(issued.getString("attestation.borrower"), issued.getInt("attestation.score"),
                issued.getInt("attestation.tier"), Numeric.hexStringToByteArray(issued.getString("attestation.modelId")),
                Numeric.hexStringToByteArray(issued.getString("attestation.featureCommitment")),
                issued.getLong("attestation.issuedAt"), issued.getLong("attestation.expiresAt"),
                new BigInteger(issued.getString("attestation.nonce")));
    }
}
