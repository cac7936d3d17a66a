package io.creditlayer.deploy.devnet;

import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.devnet.DevnetClock;
import io.creditlayer.contracts.attestation.AttestationSigner;
import io.creditlayer.contracts.attestation.OracleDomain;
import io.creditlayer.contracts.attestation.ScoreAttestation;
import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.chain.RevertDecoder;
import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.contracts.generated.DevnetERC20;
import io.creditlayer.contracts.generated.DevnetPriceFeed;
import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.contracts.generated.ModelRegistry;
import io.creditlayer.contracts.generated.TimelockController;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.TimelockGovernance;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Actions on a deployed devnet market, each signed by the account that would take it in production: minting
 * (devnet tokens only), lending, posting collateral, signing and relaying attestations, borrowing, governance
 * through the timelock and moving the devnet clock and price.
 */
public final class DevnetMarket {
    public static final RevertDecoder REVERTS = new RevertDecoder(LendingPool.class, CreditOracle.class,
            ModelRegistry.class, TimelockController.class, DevnetERC20.class);

    private final ChainClient chain;
    private final Deployment deployment;

    public DevnetMarket(ChainClient chain, Deployment deployment) {
        this.chain = chain;
        this.deployment = deployment;
    }

    public Deployment deployment() {
        return deployment;
    }

    public ChainClient chain() {
        return chain;
    }

    public LendingPool pool(Credentials as) {
        return LendingPool.load(deployment.lendingPool(), chain.web3j(), chain.transactionManager(as), chain.gasProvider());
    }

    public CreditOracle oracle(Credentials as) {
        return CreditOracle.load(deployment.creditOracle(), chain.web3j(), chain.transactionManager(as), chain.gasProvider());
    }

    public ModelRegistry registry(Credentials as) {
        return ModelRegistry.load(deployment.modelRegistry(), chain.web3j(), chain.transactionManager(as), chain.gasProvider());
    }

    public DevnetERC20 token(String address, Credentials as) {
        return DevnetERC20.load(address, chain.web3j(), chain.transactionManager(as), chain.gasProvider());
    }

    /** Mints loan tokens to a lender and deposits them into the pool for ERC-4626 shares. */
    public TransactionReceipt lend(Credentials lender, BigInteger assets) throws Exception {
        token(deployment.loanToken(), DevnetAccounts.DEPLOYER.credentials()).mint(lender.getAddress(), assets).send();
        token(deployment.loanToken(), lender).approve(deployment.lendingPool(), assets).send();
        return pool(lender).deposit(assets, lender.getAddress()).send();
    }

    /** Mints collateral tokens to a borrower and posts them. */
    public TransactionReceipt postCollateral(Credentials borrower, BigInteger amount) throws Exception {
        token(deployment.collateralToken(), DevnetAccounts.DEPLOYER.credentials()).mint(borrower.getAddress(), amount).send();
        token(deployment.collateralToken(), borrower).approve(deployment.lendingPool(), amount).send();
        return pool(borrower).supplyCollateral(amount, borrower.getAddress()).send();
    }

    /**
     * Registers a model, records its fairness report as passing and approves it through the timelock. The clock
     * moves past the timelock delay by mining a block with an explicit timestamp ({@link DevnetClock#mineAt}, which
     * anvil honours even under a block-timestamp interval, where evm_increaseTime is ignored), and the timelock salt
     * is the model id: the same calls give the same blocks on every run.
     */
    public void approveModel(byte[] modelId, byte[] artifactHash, byte[] featureSchemaHash, byte[] fairnessReportHash)
            throws Exception {
        ModelRegistry asOperator = registry(DevnetAccounts.SCORER.credentials());
        asOperator.proposeModel(modelId, artifactHash, featureSchemaHash).send();
        asOperator.recordFairnessReport(modelId, fairnessReportHash, true).send();
        String approveCall = asOperator.approveModel(modelId).encodeFunctionCall();
        new TimelockGovernance(chain, DevnetAccounts.DEPLOYER.credentials(), deployment.timelock())
                .scheduleAndExecute(modelId, deployment.modelRegistry(), approveCall,
                        delay -> DevnetClock.mineAt(chain, chain.latestBlockTimestamp() + delay + 1));
    }

    /** Signs an attestation with the scorer key under this oracle's EIP-712 domain. */
    public byte[] sign(ScoreAttestation attestation) {
        return new AttestationSigner(DevnetAccounts.SCORER.credentials(),
                new OracleDomain(chain.chainId(), deployment.creditOracle())).sign(attestation);
    }

    /** Submits a signed attestation; any account may relay it. */
    public TransactionReceipt submit(Credentials relayer, ScoreAttestation attestation, byte[] signature) throws Exception {
        return oracle(relayer).submitAttestation(toStruct(attestation), signature).send();
    }

    public static CreditOracle.ScoreAttestation toStruct(ScoreAttestation a) {
        return new CreditOracle.ScoreAttestation(a.borrower(), BigInteger.valueOf(a.score()), BigInteger.valueOf(a.tier()),
                a.modelId(), a.featureCommitment(), BigInteger.valueOf(a.issuedAt()), BigInteger.valueOf(a.expiresAt()),
                a.nonce());
    }

    /** Would this borrow revert? Returns the custom error's name if so. */
    public Optional<String> simulateBorrow(Credentials borrower, BigInteger assets) {
        String call = pool(borrower).borrow(assets, borrower.getAddress()).encodeFunctionCall();
        return REVERTS.simulate(chain.web3j(), borrower.getAddress(), deployment.lendingPool(), call);
    }

    /** Posts a new devnet price (feed decimals). */
    public void postPrice(BigInteger answer) throws Exception {
        DevnetPriceFeed.load(deployment.priceFeed(), chain.web3j(),
                chain.transactionManager(DevnetAccounts.DEPLOYER.credentials()), chain.gasProvider()).postPrice(answer).send();
    }
}
