package io.creditlayer.deploy.demo;

import io.creditlayer.contracts.attestation.ScoreAttestation;
import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.SystemDeployer;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.devnet.DevnetClock;
import io.creditlayer.deploy.devnet.DevnetConfig;
import io.creditlayer.deploy.devnet.DevnetMarket;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The end-to-end devnet job behind the README's run command: start anvil, deploy the system, approve a model
 * through the timelock, sign and relay an attestation for one borrower, and show that borrower borrowing with
 * less collateral than an unscored one, then losing the advantage when the attestation expires.
 */
public final class LendingDemo {
    /** A devnet bootstrap model: stands in until the credit-model issue trains the real one. */
    static final String BOOTSTRAP_MODEL = "creditlayer-devnet-bootstrap-v0";
    static final long ATTESTATION_LIFETIME_SECONDS = 24 * 3600;

    private final PrintStream out;
    private final Path outputDir;

    public LendingDemo(PrintStream out, Path outputDir) {
        this.out = out;
        this.outputDir = outputDir;
    }

    public void run() throws Exception {
        try (Anvil anvil = Anvil.start();
             ChainClient chain = ChainClient.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet())) {
            out.println("anvil devnet on " + anvil.rpcUrl() + " (chain " + chain.chainId() + ")");
            Deployment deployment = new SystemDeployer(chain, DevnetAccounts.DEPLOYER.credentials(), line -> out.println("  " + line))
                    .deploy(DevnetConfig.forRpc(anvil.rpcUrl()));
            Path deploymentFile = outputDir.resolve("deployment.json");
            deployment.write(deploymentFile);
            DevnetMarket market = new DevnetMarket(chain, deployment);

            byte[] modelId = Hash.sha3(BOOTSTRAP_MODEL.getBytes(StandardCharsets.UTF_8));
            market.approveModel(modelId, Hash.sha256(bytes("artifact:" + BOOTSTRAP_MODEL)),
                    Hash.sha256(bytes("feature-schema:bootstrap")), Hash.sha256(bytes("fairness-report:bootstrap")));

            BigInteger loanUnit = BigInteger.TEN.pow(SystemDeployer.DEVNET_LOAN_DECIMALS);
            BigInteger collateralUnit = BigInteger.TEN.pow(SystemDeployer.DEVNET_COLLATERAL_DECIMALS);
            market.lend(DevnetAccounts.LENDER.credentials(), loanUnit.multiply(BigInteger.valueOf(500_000)));

            Credentials scored = DevnetAccounts.SCORED_BORROWER.credentials();
            Credentials unscored = DevnetAccounts.UNSCORED_BORROWER.credentials();
            BigInteger collateral = collateralUnit.multiply(BigInteger.TEN);
            market.postCollateral(scored, collateral);
            market.postCollateral(unscored, collateral);

            long now = chain.latestBlockTimestamp();
            ScoreAttestation attestation = new ScoreAttestation(scored.getAddress(), 812, 5, modelId,
                    Hash.sha3(bytes("features:" + scored.getAddress())), now, now + ATTESTATION_LIFETIME_SECONDS, BigInteger.ONE);
            TransactionReceipt submitted = market.submit(DevnetAccounts.RELAYER.credentials(), attestation, market.sign(attestation));

            LendingPool pool = market.pool(scored);
            LendingPool.PositionView scoredPosition = pool.positionOf(scored.getAddress()).send();
            LendingPool.PositionView unscoredPosition = pool.positionOf(unscored.getAddress()).send();
            BigInteger scoredRatio = pool.collateralRatioBpsOf(scored.getAddress()).send();
            BigInteger unscoredRatio = pool.collateralRatioBpsOf(unscored.getAddress()).send();

            BigInteger scoredBorrow = scoredPosition.borrowLimit.multiply(BigInteger.valueOf(96)).divide(BigInteger.valueOf(100));
            TransactionReceipt scoredBorrowed = pool.borrow(scoredBorrow, scored.getAddress()).send();
            Optional<String> unscoredRefusal = market.simulateBorrow(unscored, scoredBorrow);
            BigInteger unscoredBorrow = unscoredPosition.borrowLimit.multiply(BigInteger.valueOf(96)).divide(BigInteger.valueOf(100));
            TransactionReceipt unscoredBorrowed = market.pool(unscored).borrow(unscoredBorrow, unscored.getAddress()).send();

            DevnetClock.advance(chain, ATTESTATION_LIFETIME_SECONDS + 1);
            market.postPrice(SystemDeployer.DEVNET_INITIAL_PRICE);
            LendingPool.PositionView expired = pool.positionOf(scored.getAddress()).send();
            Optional<String> expiredRefusal = market.simulateBorrow(scored, loanUnit);

            out.println();
            out.println("CreditLayer devnet summary");
            out.println("  deployment file     " + deploymentFile.toAbsolutePath());
            out.println("  TimelockController  " + deployment.timelock());
            out.println("  ModelRegistry       " + deployment.modelRegistry());
            out.println("  CreditOracle        " + deployment.creditOracle());
            out.println("  LendingPool         " + deployment.lendingPool());
            out.println("  loan / collateral   dUSD " + deployment.loanToken() + " / dETH " + deployment.collateralToken());
            out.println("  both borrowers post 10 dETH = " + amount(scoredPosition.collateralValue, loanUnit) + " dUSD of collateral");
            out.printf("  scored borrower     tier %s, collateral ratio %s, limit %s dUSD, borrowed %s dUSD%n",
                    scoredPosition.tier, percent(scoredRatio),
                    amount(scoredPosition.borrowLimit, loanUnit), amount(scoredBorrow, loanUnit));
            out.printf("  unscored borrower   tier %s, collateral ratio %s, limit %s dUSD, borrowed %s dUSD; borrowing %s dUSD: %s%n",
                    unscoredPosition.tier, percent(unscoredRatio),
                    amount(unscoredPosition.borrowLimit, loanUnit), amount(unscoredBorrow, loanUnit),
                    amount(scoredBorrow, loanUnit), unscoredRefusal.orElse("allowed"));
            out.printf("  after expiry        scored borrower falls to tier %s, limit %s dUSD, liquidatable %s; new borrow: %s%n",
                    expired.tier, amount(expired.borrowLimit, loanUnit), expired.liquidatable ? "yes" : "no",
                    expiredRefusal.orElse("allowed"));
            out.printf("  transaction gas     submitAttestation %,d; borrow (scored) %,d; borrow (unscored) %,d; LendingPool deploy %,d%n"
                    + "                      (whole transactions: 21,000 intrinsic and first-touch storage included; warm-call figures are in lending-contracts/README.md)%n",
                    submitted.getGasUsed(), scoredBorrowed.getGasUsed(), unscoredBorrowed.getGasUsed(),
                    deployment.gasUsed().get("LendingPool"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String amount(BigInteger baseUnits, BigInteger unit) {
        return String.format("%,.2f", new BigDecimal(baseUnits).divide(new BigDecimal(unit)));
    }

    private static String percent(BigInteger bps) {
        return new BigDecimal(bps).movePointLeft(2).stripTrailingZeros().toPlainString() + "%";
    }
}
