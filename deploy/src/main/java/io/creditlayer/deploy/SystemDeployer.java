package io.creditlayer.deploy;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.chain.ChainException;
import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.contracts.generated.DevnetERC20;
import io.creditlayer.contracts.generated.DevnetPriceFeed;
import io.creditlayer.contracts.generated.KinkedIrm;
import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.contracts.generated.ModelRegistry;
import io.creditlayer.contracts.generated.TimelockController;
import io.creditlayer.deploy.config.DeploymentConfig;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Contract;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Deploys the whole system through the generated wrappers: the governance timelock, the model registry, the
 * credit oracle, the interest-rate model and the lending pool (plus devnet tokens and a devnet price feed when
 * the config names no market). Operational roles are granted by the deployer, which then hands every admin
 * role to the timelock and renounces its own, so that no single key governs the system after deployment.
 */
public final class SystemDeployer {
    /** Devnet market: a 6-decimal stablecoin lent against an 18-decimal collateral priced at 2,000 by an 8-decimal feed. */
    public static final int DEVNET_LOAN_DECIMALS = 6;
    public static final int DEVNET_COLLATERAL_DECIMALS = 18;
    public static final int DEVNET_FEED_DECIMALS = 8;
    public static final BigInteger DEVNET_INITIAL_PRICE = BigInteger.valueOf(2_000L).multiply(BigInteger.TEN.pow(DEVNET_FEED_DECIMALS));

    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    private static final byte[] DEFAULT_ADMIN_ROLE = new byte[32];

    private final ChainClient chain;
    private final Credentials deployer;
    private final TransactionManager transactions;
    private final ContractGasProvider gas;
    private final Consumer<String> progress;
    private final Map<String, Long> gasUsed = new LinkedHashMap<>();

    public SystemDeployer(ChainClient chain, Credentials deployer, Consumer<String> progress) {
        this.chain = chain;
        this.deployer = deployer;
        this.transactions = chain.transactionManager(deployer);
        this.gas = chain.gasProvider();
        this.progress = progress;
    }

    public Deployment deploy(DeploymentConfig config) {
        try {
            long startBlock = chain.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();

            TimelockController timelock = deployed("TimelockController", TimelockController.deploy(chain.web3j(), transactions, gas,
                    BigInteger.valueOf(config.timelockMinDelaySeconds()), config.governors(), config.governors(), ZERO_ADDRESS).send());

            ModelRegistry registry = deployed("ModelRegistry",
                    ModelRegistry.deploy(chain.web3j(), transactions, gas, deployer.getAddress()).send());
            for (String operator : config.modelOperators()) {
                record("ModelRegistry.grantRole(PROPOSER)", registry.grantRole(registry.PROPOSER_ROLE().send(), operator).send());
                record("ModelRegistry.grantRole(AUDITOR)", registry.grantRole(registry.AUDITOR_ROLE().send(), operator).send());
            }

            CreditOracle oracle = deployed("CreditOracle", CreditOracle.deploy(chain.web3j(), transactions, gas,
                    registry.getContractAddress(), deployer.getAddress()).send());
            for (String scorer : config.scorers()) {
                record("CreditOracle.grantRole(SCORER)", oracle.grantRole(oracle.SCORER_ROLE().send(), scorer).send());
            }

            DeploymentConfig.Irm curve = config.irm();
            KinkedIrm irm = deployed("KinkedIrm", KinkedIrm.deploy(chain.web3j(), transactions, gas,
                    BigInteger.valueOf(curve.baseRateBps()), BigInteger.valueOf(curve.slope1Bps()),
                    BigInteger.valueOf(curve.slope2Bps()), BigInteger.valueOf(curve.kinkBps())).send());

            String loanToken;
            String collateralToken;
            String priceFeed;
            if (config.devnetMarket()) {
                loanToken = deployed("DevnetERC20(loan)", DevnetERC20.deploy(chain.web3j(), transactions, gas,
                        "Devnet USD", "dUSD", BigInteger.valueOf(DEVNET_LOAN_DECIMALS), deployer.getAddress()).send()).getContractAddress();
                collateralToken = deployed("DevnetERC20(collateral)", DevnetERC20.deploy(chain.web3j(), transactions, gas,
                        "Devnet Ether", "dETH", BigInteger.valueOf(DEVNET_COLLATERAL_DECIMALS), deployer.getAddress()).send()).getContractAddress();
                priceFeed = deployed("DevnetPriceFeed", DevnetPriceFeed.deploy(chain.web3j(), transactions, gas,
                        BigInteger.valueOf(DEVNET_FEED_DECIMALS), "dETH / dUSD", DEVNET_INITIAL_PRICE, deployer.getAddress()).send()).getContractAddress();
            } else {
                loanToken = config.market().loanToken();
                collateralToken = config.market().collateralToken();
                priceFeed = config.market().priceFeed();
            }

            LendingPool pool = deployed("LendingPool", LendingPool.deploy(chain.web3j(), transactions, gas,
                    loanToken, collateralToken, priceFeed, oracle.getContractAddress(), irm.getContractAddress(),
                    timelock.getContractAddress(), config.guardian(), config.poolName(), config.poolSymbol()).send());

            // Hand governance to the timelock, then drop the deployer's admin rights.
            record("ModelRegistry.grantRole(ADMIN->timelock)", registry.grantRole(DEFAULT_ADMIN_ROLE, timelock.getContractAddress()).send());
            record("ModelRegistry.renounceRole(ADMIN)", registry.renounceRole(DEFAULT_ADMIN_ROLE, deployer.getAddress()).send());
            record("CreditOracle.grantRole(ADMIN->timelock)", oracle.grantRole(DEFAULT_ADMIN_ROLE, timelock.getContractAddress()).send());
            record("CreditOracle.renounceRole(ADMIN)", oracle.renounceRole(DEFAULT_ADMIN_ROLE, deployer.getAddress()).send());

            return new Deployment(config.network().name(), chain.chainId(), deployer.getAddress(), startBlock,
                    timelock.getContractAddress(), registry.getContractAddress(), oracle.getContractAddress(),
                    irm.getContractAddress(), pool.getContractAddress(), loanToken, collateralToken, priceFeed, gasUsed);
        } catch (ChainException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainException("deployment failed: " + e.getMessage(), e);
        }
    }

    private <C extends Contract> C deployed(String name, C contract) {
        TransactionReceipt receipt = contract.getTransactionReceipt()
                .orElseThrow(() -> new ChainException(name + " deployment has no receipt"));
        gasUsed.put(name, receipt.getGasUsed().longValueExact());
        progress.accept(String.format("deployed %-24s %s (gas %,d)", name, contract.getContractAddress(), receipt.getGasUsed()));
        return contract;
    }

    private void record(String name, TransactionReceipt receipt) {
        gasUsed.merge(name, receipt.getGasUsed().longValueExact(), Long::sum);
    }

    /** Roles that the deployment wires, for documentation and checks. */
    public static List<String> rolesGranted() {
        return List.of("ModelRegistry: PROPOSER_ROLE, AUDITOR_ROLE -> modelOperators; DEFAULT_ADMIN_ROLE -> timelock",
                "CreditOracle: SCORER_ROLE -> scorers; DEFAULT_ADMIN_ROLE -> timelock",
                "LendingPool: DEFAULT_ADMIN_ROLE -> timelock; GUARDIAN_ROLE -> guardian");
    }
}
