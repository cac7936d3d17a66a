package io.creditlayer.deploy;

import io.creditlayer.contracts.attestation.AttestationSigner;
import io.creditlayer.contracts.attestation.OracleDomain;
import io.creditlayer.contracts.attestation.ScoreAttestation;
import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.devnet.DevnetClock;
import io.creditlayer.deploy.devnet.DevnetConfig;
import io.creditlayer.deploy.devnet.DevnetMarket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole system on a real anvil: deployed through the generated wrappers, an attestation signed with
 * web3j's EIP-712 encoder and relayed, a scored borrower borrowing with less collateral than an unscored one,
 * and losing that advantage once the attestation expires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevnetLendingIntegrationTest {
    private static final BigInteger LOAN_UNIT = BigInteger.TEN.pow(SystemDeployer.DEVNET_LOAN_DECIMALS);
    private static final BigInteger COLLATERAL_UNIT = BigInteger.TEN.pow(SystemDeployer.DEVNET_COLLATERAL_DECIMALS);
    private static final long LIFETIME = 3_600;

    private Anvil anvil;
    private ChainClient chain;
    private Deployment deployment;
    private DevnetMarket market;
    private final byte[] modelId = Hash.sha3("it-model".getBytes(StandardCharsets.UTF_8));
    private final Credentials scored = DevnetAccounts.SCORED_BORROWER.credentials();
    private final Credentials unscored = DevnetAccounts.UNSCORED_BORROWER.credentials();
    private ScoreAttestation attestation;

    @BeforeAll
    void deploySystem() throws Exception {
        anvil = Anvil.start();
        chain = ChainClient.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet());
        deployment = new SystemDeployer(chain, DevnetAccounts.DEPLOYER.credentials(), line -> { })
                .deploy(DevnetConfig.forRpc(anvil.rpcUrl()));
        market = new DevnetMarket(chain, deployment);
        market.approveModel(modelId, Hash.sha256(new byte[] {1}), Hash.sha256(new byte[] {2}), Hash.sha256(new byte[] {3}));
        market.lend(DevnetAccounts.LENDER.credentials(), LOAN_UNIT.multiply(BigInteger.valueOf(100_000)));
        market.postCollateral(scored, COLLATERAL_UNIT.multiply(BigInteger.TEN));
        market.postCollateral(unscored, COLLATERAL_UNIT.multiply(BigInteger.TEN));
    }

    @AfterAll
    void stop() {
        if (chain != null) {
            chain.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    @Order(1)
    void deploymentIsWrittenAndGovernedByTheTimelock() throws Exception {
        Path file = Files.createTempDirectory("deployment").resolve("deployment.json");
        deployment.write(file);
        assertEquals(deployment, Deployment.read(file));
        CreditOracle oracle = market.oracle(DevnetAccounts.DEPLOYER.credentials());
        byte[] admin = new byte[32];
        assertTrue(oracle.hasRole(admin, deployment.timelock()).send(), "timelock governs the oracle");
        assertFalse(oracle.hasRole(admin, DevnetAccounts.DEPLOYER.address()).send(), "deployer renounced admin");
        assertTrue(market.registry(DevnetAccounts.DEPLOYER.credentials()).isApproved(modelId).send());
    }

    @Test
    @Order(2)
    void javaDigestEqualsTheOracleDigest() throws Exception {
        long now = chain.latestBlockTimestamp();
        attestation = new ScoreAttestation(scored.getAddress(), 812, 5, modelId,
                Hash.sha3("features".getBytes(StandardCharsets.UTF_8)), now, now + LIFETIME, BigInteger.valueOf(7));
        byte[] onChain = market.oracle(scored).hashAttestation(DevnetMarket.toStruct(attestation)).send();
        assertArrayEquals(onChain, AttestationSigner.digest(new OracleDomain(Anvil.CHAIN_ID, deployment.creditOracle()), attestation));
    }

    @Test
    @Order(3)
    void scoredBorrowerBorrowsWithLessCollateralThanUnscored() throws Exception {
        market.submit(DevnetAccounts.RELAYER.credentials(), attestation, market.sign(attestation));
        LendingPool pool = market.pool(scored);
        assertEquals(BigInteger.valueOf(5), market.oracle(scored).tierOf(scored.getAddress()).send());
        assertEquals(BigInteger.ZERO, market.oracle(scored).tierOf(unscored.getAddress()).send());

        BigInteger scoredRatio = pool.collateralRatioBpsOf(scored.getAddress()).send();
        BigInteger unscoredRatio = pool.collateralRatioBpsOf(unscored.getAddress()).send();
        assertEquals(BigInteger.valueOf(8_000), scoredRatio);
        assertEquals(BigInteger.valueOf(15_000), unscoredRatio);

        // 10 dETH at 2,000 = 20,000 dUSD of collateral: 25,000 at 80%, 13,333.33 at 150%.
        BigInteger amount = LOAN_UNIT.multiply(BigInteger.valueOf(20_000));
        assertEquals("LendingPoolInsufficientCollateral", market.simulateBorrow(unscored, amount).orElseThrow());
        pool.borrow(amount, scored.getAddress()).send();
        assertEquals(amount, pool.debtOf(scored.getAddress()).send());
        assertTrue(amount.compareTo(pool.positionOf(scored.getAddress()).send().collateralValue) >= 0,
                "the scored borrower holds a credit line beyond the collateral's value");

        // The replayed attestation is refused: one nonce, one use.
        assertEquals("CreditOracleNonceUsed", DevnetMarket.REVERTS.simulate(chain.web3j(), scored.getAddress(),
                deployment.creditOracle(), market.oracle(scored).submitAttestation(DevnetMarket.toStruct(attestation),
                        market.sign(attestation)).encodeFunctionCall()).orElseThrow());
    }

    @Test
    @Order(4)
    void expiredAttestationFallsBackToUnscoredAndRefusesBorrowing() throws Exception {
        DevnetClock.advance(chain, LIFETIME + 1);
        market.postPrice(SystemDeployer.DEVNET_INITIAL_PRICE);
        assertEquals(BigInteger.ZERO, market.oracle(scored).tierOf(scored.getAddress()).send());
        LendingPool.PositionView position = market.pool(scored).positionOf(scored.getAddress()).send();
        assertEquals(BigInteger.ZERO, position.tier);
        assertTrue(position.liquidatable, "debt above the unscored liquidation ratio");
        assertEquals("LendingPoolInsufficientCollateral", market.simulateBorrow(scored, LOAN_UNIT).orElseThrow());
    }
}
