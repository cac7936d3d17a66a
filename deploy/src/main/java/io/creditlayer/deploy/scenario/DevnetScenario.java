package io.creditlayer.deploy.scenario;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.chain.ChainException;
import io.creditlayer.deploy.Deployment;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Simulates months of credit history on an anvil devnet carrying a fresh CreditLayer deployment (the
 * {@code SystemDeployer} with the devnet market), so that the feature extractor can read it over JSON-RPC like a
 * public chain: about a thousand wallets of documented {@link Archetype}s borrow, repay, swap on a Uniswap-V2-style
 * pair, get attested, get funded by an exchange, a sybil source or a mixer, and get liquidated when the seeded
 * {@link PricePath} crashes.
 *
 * <p>Setup (auto-mined, anvil stamping blocks 12 s apart): deploys a {@code DevnetUniswapV2Pair} (dUSD/dETH) and a
 * {@code DevnetMixer} (1 ETH), approves the devnet bootstrap model through the timelock (fixed salt), lends the pool
 * its liquidity. Then auto-mining is switched off and every block is mined at an explicit timestamp: one setup block
 * funding the helper accounts, then per day: (A, 09:00:00 UTC) the price feed update, the liquidator's sale of
 * seized dETH, the market maker's arbitrage to the feed price, lender top-ups, wallet funding and relayed
 * attestations; (B) the wallets' own transactions, in one block per time-zone session (09:00:12, 13:00 and 19:00
 * UTC, about 14:00 local time at UTC+5, +1 and −5; later sessions open with a fresh price post): each wallet acts in
 * its home zone's session on most days; (C, 12 s after the last wallet block) the liquidator bot's liquidations of
 * every position whose {@code positionOf(...).liquidatable} is true. Transactions are signed locally with tracked nonces
 * and the chain's gas policy, each block's receipts are fetched in one call, and the scenario follows the chain
 * through the mined logs (balances, collateral, debt, tiers, reserves) and one batched {@code positionOf} read of
 * every debtor per day. Afterwards anvil is back in auto-mining with wall-clock time.
 *
 * <p>Determinism: with anvil started by {@link ScenarioDevnet#startAnvil()} (fixed genesis time, FIFO order) and the
 * system deployed by {@link ScenarioDevnet#deploy}, the same options give the same chain, block hash for block hash.
 */
public final class DevnetScenario {
    /** The devnet's bootstrap model, approved by the scenario; stands in until a trained model is registered. */
    public static final String BOOTSTRAP_MODEL_NAME = "creditlayer-devnet-bootstrap-v0";
    public static final byte[] BOOTSTRAP_MODEL_ID = org.web3j.crypto.Hash.sha3(
            BOOTSTRAP_MODEL_NAME.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private DevnetScenario() {
    }

    /**
     * Runs the scenario.
     *
     * @param chain      a connection to the anvil devnet (auto-mining on, nothing pending)
     * @param deployment the system deployed on it with the devnet market (devnet tokens and price feed)
     * @param options    seed, wallets, days, archetype mix
     * @param progress   receives a line after the setup and about every 10% of the days
     * @return the manifest: ground truth per wallet and what happened on chain
     * @throws ChainException when the chain refuses a transaction or a block does not hold what was sent
     */
    /**
     * The key of scenario wallet {@code index} (0-based) for a seed: the scenario's wallets are ordinary accounts
     * whose keys follow from the seed, so a demo can act as one of them (borrow at its attested tier).
     */
    public static org.web3j.crypto.Credentials walletCredentials(long seed, int index) {
        return Seeds.key(seed, "wallet/" + index);
    }

    public static ScenarioManifest run(ChainClient chain, Deployment deployment, ScenarioOptions options,
                                       Consumer<String> progress) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        try {
            return new Simulation(chain, deployment, options, progress).run();
        } catch (ChainException | IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainException("scenario failed: " + e.getMessage(), e);
        }
    }
}
