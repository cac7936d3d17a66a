package io.creditlayer.deploy.scenario;

import io.creditlayer.deploy.JsonFiles;


import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a devnet scenario run did, written as {@code scenario.json} next to the deployment file. The per-wallet
 * archetype, cluster, funding source and action counts are GROUND TRUTH for evaluating the extractor and the model
 * and for fairness cohorts: they must never be used as features (the extractor reads the chain instead). Everything
 * here is a function of the options, so the same seed and wallet count give the same manifest.
 *
 * @param schemaVersion    version of this file's layout
 * @param seed             the scenario seed
 * @param walletCount      simulated wallets (helper accounts excluded)
 * @param days             simulated days
 * @param chainId          the devnet's chain id
 * @param genesisTimestamp the genesis block's timestamp (unix seconds)
 * @param startTimestamp   timestamp of the scenario's setup block (its first manually mined block)
 * @param dayZeroTimestamp midnight (UTC) that starts day 0: day d's blocks are stamped dayZeroTimestamp + d * 86400
 *                         + 09:00:00 (market), 09:00:12, 13:00:00 and 19:00:00 (wallet sessions), and 12 s after the
 *                         last of those (liquidations)
 * @param endTimestamp     timestamp of its last block
 * @param startBlock       first block the scenario mined (helper contracts and funding included)
 * @param endBlock         last block the scenario mined
 * @param endBlockHash     hash of {@code endBlock}: equal for equal seeds and wallet counts
 * @param contracts        addresses of the contracts the scenario used
 * @param accounts         the helper accounts and their roles
 * @param crashStartDay    first day of the price crash
 * @param crashDays        how many days the crash lasts
 * @param dailyPrices      the feed answer posted each day (8 decimals, dUSD per dETH)
 * @param archetypeCounts  wallets per archetype
 * @param clusters         sybil clusters: id, the shared source wallet, the members
 * @param totals           chain-wide counts
 * @param wallets          every simulated wallet, in index order
 */
public record ScenarioManifest(
        int schemaVersion,
        long seed,
        int walletCount,
        int days,
        long chainId,
        long genesisTimestamp,
        long startTimestamp,
        long dayZeroTimestamp,
        long endTimestamp,
        long startBlock,
        long endBlock,
        String endBlockHash,
        Contracts contracts,
        Accounts accounts,
        int crashStartDay,
        int crashDays,
        List<Long> dailyPrices,
        Map<Archetype, Integer> archetypeCounts,
        List<Cluster> clusters,
        Totals totals,
        List<Wallet> wallets) {

    /** 2: wallets carry their home UTC offset; wallet blocks follow three time-zone sessions. */
    public static final int SCHEMA_VERSION = 2;
    public static final String FILE_NAME = "scenario.json";


    public ScenarioManifest {
        dailyPrices = List.copyOf(dailyPrices);
        EnumMap<Archetype, Integer> counts = new EnumMap<>(Archetype.class);
        counts.putAll(archetypeCounts);
        archetypeCounts = Collections.unmodifiableMap(counts);
        clusters = List.copyOf(clusters);
        wallets = List.copyOf(wallets);
    }

    /** Contract addresses: the deployment's and the scenario's devnet DEX pair and mixer. */
    public record Contracts(String lendingPool, String creditOracle, String modelRegistry, String timelock,
                            String loanToken, String collateralToken, String priceFeed, String pair, String mixer) {
    }

    /**
     * Helper accounts (not simulated wallets): the exchange hot wallet funds most wallets, the faucet drips to some
     * fresh ones, the market maker arbitrages the pair to the feed price, the mixer depositors fill the mixer.
     */
    public record Accounts(String deployer, String scorer, String lender, String liquidator, String relayer,
                           String exchange, String marketMaker, String faucet, List<String> mixerDepositors) {
        public Accounts {
            mixerDepositors = List.copyOf(mixerDepositors);
        }
    }

    /** One sybil cluster: all members were funded by {@code source}. */
    public record Cluster(int id, String source, List<String> members) {
        public Cluster {
            members = List.copyOf(members);
        }
    }

    /**
     * Chain-wide counts. {@code badDebt} and {@code totalSocializedLoss} are in dUSD base units (6 decimals).
     */
    public record Totals(long blocks, long transactions, long failedTransactions, long borrows, long repays,
                         long liquidations, long writeOffs, BigInteger badDebt, BigInteger totalSocializedLoss,
                         long swaps, long attestations, long mixerDeposits, long mixerWithdrawals) {
    }

    /**
     * One simulated wallet (ground truth, not features).
     *
     * @param address     0x address (lower case)
     * @param archetype   its archetype
     * @param clusterId   sybil cluster id, or null
     * @param funding     where its first ETH came from
     * @param fundedBy    the address that sent it (the mixer for mixer users)
     * @param utcOffsetHours its home time zone: it transacts in that zone's session on most days
     * @param startDay    the day it was funded
     * @param scored      whether it ever received a credit attestation
     * @param initialTier the first attested tier (0 if never scored)
     * @param counts      what it actually did on chain (from mined logs and receipts)
     */
    public record Wallet(String address, Archetype archetype, Integer clusterId, FundingSource funding, String fundedBy,
                         int utcOffsetHours, int startDay, boolean scored, int initialTier, Counts counts) {
    }

    /**
     * Actions a wallet actually performed or suffered, counted from successful transactions' logs.
     *
     * @param transactions       transactions it sent (failed ones included)
     * @param failedTransactions its transactions that reverted
     * @param liquidations       liquidations it suffered
     * @param writeOffs          liquidations that left bad debt written off
     */
    public record Counts(int transactions, int failedTransactions, int borrows, int repays, int liquidations,
                         int writeOffs, int swaps, int attestations, int collateralSupplies, int collateralWithdrawals,
                         int lenderDeposits, int lenderWithdrawals, int mixerDeposits) {
    }

    public void write(Path file) {
        JsonFiles.write(file, this);
    }

    public static ScenarioManifest read(Path file) {
        return JsonFiles.read(file, ScenarioManifest.class);
    }
}
