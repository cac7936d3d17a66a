package io.creditlayer.deploy.scenario;

import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.devnet.DevnetClock;
import io.creditlayer.contracts.generated.DevnetMixer;
import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.devnet.DevnetMarket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small scenario on real anvils: the same seed gives the same chain and a different seed another; every
 * archetype is there; the crash liquidates positions and writes off bad debt on chain; sybils are funded by their
 * cluster's source and mixer users by the mixer, as the chain (not only the manifest) shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevnetScenarioIntegrationTest {
    private static final ScenarioOptions OPTIONS = ScenarioOptions.defaults().withWallets(40).withDays(30).withSeed(7);

    private Anvil anvil;
    private ChainClient chain;
    private Deployment deployment;
    private ScenarioManifest manifest;
    private String latestHashAfterRun;
    private ScenarioManifest sameSeed;
    private ScenarioManifest otherSeed;
    private final List<String> progress = new ArrayList<>();
    private final Map<String, String> firstEthSender = new HashMap<>();
    private final Set<String> ethReceivers = new java.util.HashSet<>();
    /** Per UTC hour of the block: the market maker's transactions, and the wallets' swaps with the pair. */
    private final int[] arbitragesByHour = new int[24];
    private final int[] walletSwapsByHour = new int[24];

    @BeforeAll
    void runScenarios() throws Exception {
        anvil = ScenarioDevnet.startAnvil();
        chain = ChainClient.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet());
        deployment = ScenarioDevnet.deploy(chain, anvil.rpcUrl(), line -> { });
        manifest = DevnetScenario.run(chain, deployment, OPTIONS, progress::add);
        latestHashAfterRun = chain.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getHash();
        sameSeed = runOnFreshDevnet(OPTIONS);
        otherSeed = runOnFreshDevnet(OPTIONS.withSeed(OPTIONS.seed() + 1));
        // every plain ETH transfer the scenario made, by receiver: who sent a wallet its first ETH
        for (long number = manifest.startBlock(); number <= manifest.endBlock(); number++) {
            EthBlock.Block block = chain.web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), true)
                    .send().getBlock();
            int hour = (int) (block.getTimestamp().longValueExact() % 86_400 / 3_600);
            for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
                Transaction tx = (Transaction) result.get();
                String from = tx.getFrom().toLowerCase(Locale.ROOT);
                if (tx.getTo() != null && tx.getTo().equalsIgnoreCase(manifest.contracts().pair())) {
                    if (from.equals(manifest.accounts().marketMaker())) {
                        arbitragesByHour[hour]++;
                    } else if (manifest.wallets().stream().anyMatch(w -> w.address().equals(from))) {
                        walletSwapsByHour[hour]++;
                    }
                }
                if (tx.getTo() != null && tx.getValue().signum() > 0) {
                    firstEthSender.putIfAbsent(tx.getTo().toLowerCase(Locale.ROOT), tx.getFrom().toLowerCase(Locale.ROOT));
                    ethReceivers.add(tx.getTo().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    private static ScenarioManifest runOnFreshDevnet(ScenarioOptions options) {
        try (Anvil other = ScenarioDevnet.startAnvil();
             ChainClient client = ChainClient.connect(other.rpcUrl(), Anvil.CHAIN_ID, ChainClient.GasPolicy.devnet())) {
            Deployment deployed = ScenarioDevnet.deploy(client, other.rpcUrl(), line -> { });
            return DevnetScenario.run(client, deployed, options, line -> { });
        }
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
    void theMarketMakerArbitragesBeforeEverySessionNotOnlyInTheMorning() {
        // one arbitrage a day left the later sessions trading at prices the earlier ones had moved (ADR 0016)
        for (int hour : new int[]{13, 19}) {
            assertTrue(walletSwapsByHour[hour] > 0, "wallets swap in the " + hour + ":00 session");
            assertTrue(arbitragesByHour[hour] > 0, "the market maker arbitrages in the " + hour + ":00 session: "
                    + java.util.Arrays.toString(arbitragesByHour));
        }
        assertTrue(arbitragesByHour[9] > 0);
    }

    @Test
    @Order(1)
    void sameSeedGivesTheSameChainAndAnotherSeedAnotherOne() {
        assertEquals(latestHashAfterRun, manifest.endBlockHash(), "the manifest names the chain's last block");
        assertEquals(manifest.endBlockHash(), sameSeed.endBlockHash(), "same seed, same final block hash");
        assertEquals(manifest, sameSeed, "same seed, same manifest");
        assertNotEquals(manifest.endBlockHash(), otherSeed.endBlockHash());
        assertNotEquals(manifest.wallets().getFirst().address(), otherSeed.wallets().getFirst().address());
        assertFalse(progress.isEmpty(), "progress lines were reported");
    }

    @Test
    @Order(2)
    void everyArchetypeIsPresentWithFreshKeys() {
        assertEquals(OPTIONS.wallets(), manifest.wallets().size());
        Set<Archetype> present = manifest.wallets().stream().map(ScenarioManifest.Wallet::archetype).collect(Collectors.toSet());
        assertEquals(Set.of(Archetype.values()), present);
        Set<String> anvilAccounts = Arrays.stream(DevnetAccounts.values()).map(a -> a.address().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        assertTrue(manifest.wallets().stream().noneMatch(w -> anvilAccounts.contains(w.address())));
        assertTrue(manifest.wallets().stream().allMatch(w -> firstEthSender.containsKey(w.address())
                || w.funding() == FundingSource.MIXER), "every wallet was funded");
        assertTrue(manifest.wallets().stream().anyMatch(ScenarioManifest.Wallet::scored));
    }

    @Test
    @Order(3)
    void theCrashLiquidatesAndWritesOffBadDebtOnChain() throws Exception {
        List<Log> liquidations = logs(deployment.lendingPool(), EventEncoder.encode(LendingPool.LIQUIDATE_EVENT));
        List<Log> writeOffs = logs(deployment.lendingPool(), EventEncoder.encode(LendingPool.BADDEBTWRITTENOFF_EVENT));
        assertEquals(manifest.totals().liquidations(), liquidations.size());
        assertEquals(manifest.totals().writeOffs(), writeOffs.size());
        assertEquals(liquidations.size(), manifest.wallets().stream().mapToInt(w -> w.counts().liquidations()).sum());
        assertEquals(writeOffs.size(), manifest.wallets().stream().mapToInt(w -> w.counts().writeOffs()).sum());

        long crashStart = manifest.dayZeroTimestamp() + 86_400L * manifest.crashStartDay();
        long inCrash = 0;
        for (Log log : liquidations) {
            if (timestamp(log.getBlockNumber()) >= crashStart) {
                inCrash++;
            }
        }
        assertTrue(inCrash >= 1, "the crash liquidated at least one position");
        assertFalse(writeOffs.isEmpty(), "bad debt was written off");
        LendingPool pool = new DevnetMarket(chain, deployment).pool(DevnetAccounts.DEPLOYER.credentials());
        BigInteger written = writeOffs.stream().map(log -> Numeric.toBigInt(Numeric.hexStringToByteArray(log.getData().substring(2, 66))))
                .reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(manifest.totals().badDebt(), written);
        assertEquals(manifest.totals().totalSocializedLoss(), pool.totalSocializedLoss().send());
        assertTrue(pool.totalSocializedLoss().send().signum() > 0 || written.signum() > 0);
    }

    @Test
    @Order(4)
    void sybilsShareTheirClustersSourceWallet() {
        List<ScenarioManifest.Wallet> sybils = manifest.wallets().stream().filter(w -> w.archetype() == Archetype.SYBIL).toList();
        assertFalse(sybils.isEmpty());
        assertFalse(manifest.clusters().isEmpty());
        String exchange = manifest.accounts().exchange();
        for (ScenarioManifest.Cluster cluster : manifest.clusters()) {
            assertEquals(exchange, firstEthSender.get(cluster.source()), "the source itself came from the exchange");
            for (String member : cluster.members()) {
                assertEquals(cluster.source(), firstEthSender.get(member), "on chain, the source funded " + member);
            }
        }
        for (ScenarioManifest.Wallet w : sybils) {
            assertEquals(FundingSource.PEER, w.funding());
            assertEquals(manifest.clusters().get(w.clusterId()).source(), w.fundedBy());
        }
    }

    @Test
    @Order(5)
    void mixerUsersWereFundedByTheMixer() throws Exception {
        List<ScenarioManifest.Wallet> users = manifest.wallets().stream().filter(w -> w.archetype() == Archetype.MIXER_USER).toList();
        assertFalse(users.isEmpty());
        String withdrawal = EventEncoder.encode(DevnetMixer.WITHDRAWAL_EVENT);
        for (ScenarioManifest.Wallet user : users) {
            assertEquals(FundingSource.MIXER, user.funding());
            assertEquals(manifest.contracts().mixer(), user.fundedBy());
            assertFalse(ethReceivers.contains(user.address()), "no plain ETH transfer reached " + user.address());
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(manifest.startBlock())),
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(manifest.endBlock())), manifest.contracts().mixer())
                    .addSingleTopic(withdrawal);
            // Tornado's Withdrawal keeps the recipient in the data, not a topic: decode every withdrawal.
            long paid = chain.web3j().ethGetLogs(filter).send().getLogs().stream()
                    .map(result -> DevnetMixer.getWithdrawalEventFromLog((org.web3j.protocol.core.methods.response.Log) result.get()))
                    .filter(event -> event.to.equalsIgnoreCase(user.address()))
                    .count();
            assertEquals(2, paid, "two 1-ETH notes withdrawn to " + user.address());
            assertTrue(chain.web3j().ethGetBalance(user.address(), DefaultBlockParameterName.LATEST).send().getBalance().signum() > 0);
        }
    }

    @Test
    @Order(6)
    void attestedBorrowersBorrowAtLowerCollateralRatios() throws Exception {
        List<Log> borrows = logs(deployment.lendingPool(), EventEncoder.encode(LendingPool.BORROW_EVENT));
        assertEquals(manifest.totals().borrows(), borrows.size());
        Set<BigInteger> ratios = borrows.stream()
                .map(log -> Numeric.toBigInt(Numeric.hexStringToByteArray(log.getData().substring(2 + 128, 2 + 192))))
                .collect(Collectors.toSet());
        assertTrue(ratios.contains(BigInteger.valueOf(15_000)), "unscored borrowers at 150%");
        assertTrue(ratios.stream().anyMatch(r -> r.compareTo(BigInteger.valueOf(15_000)) < 0), "attested borrowers below 150%");
    }

    @Test
    @Order(7)
    void manifestRoundTripsThroughJson() throws Exception {
        Path file = Files.createTempDirectory("scenario").resolve(ScenarioManifest.FILE_NAME);
        manifest.write(file);
        assertEquals(manifest, ScenarioManifest.read(file));
    }

    @Test
    @Order(8)
    void anvilAutominesWithWallClockTimeAfterwards() throws Exception {
        DevnetMarket market = new DevnetMarket(chain, deployment);
        long before = chain.latestBlockTimestamp();
        market.postPrice(BigInteger.valueOf(1_500L).multiply(BigInteger.TEN.pow(8)));
        DevnetClock.advance(chain, 3_600);
        assertTrue(chain.latestBlockTimestamp() >= before + 3_600, "evm_increaseTime works again");
    }

    private List<Log> logs(String address, String topic) throws Exception {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(manifest.startBlock())),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(manifest.endBlock())), address).addSingleTopic(topic);
        return chain.web3j().ethGetLogs(filter).send().getLogs().stream().map(result -> (Log) result.get()).toList();
    }

    private long timestamp(BigInteger blockNumber) throws Exception {
        return chain.web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(blockNumber), false).send().getBlock()
                .getTimestamp().longValueExact();
    }

    /** The extractor reads the scenario's chain back over JSON-RPC and finds what the scenario did, from the chain alone. */
    @Test
    @Order(30)
    void theExtractorSeesTheScenarioFromTheChainAlone() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("scenario-extract");
        deployment.write(dir.resolve("deployment.json"));
        manifest.write(dir.resolve(ScenarioManifest.FILE_NAME));
        long head = manifest.endBlock();
        try (io.creditlayer.features.rpc.Web3jChainSource source = io.creditlayer.features.rpc.Web3jChainSource.connect(
                anvil.rpcUrl(), Anvil.CHAIN_ID, io.creditlayer.features.rpc.Web3jChainSource.Options.defaults())) {
            io.creditlayer.features.api.Extractor extractor = new io.creditlayer.features.api.Extractor(source,
                    io.creditlayer.features.api.DeploymentAddresses.read(dir.resolve("deployment.json"),
                            dir.resolve(ScenarioManifest.FILE_NAME)),
                    io.creditlayer.features.ingest.ChainIngestor.Options.defaults(), null);
            extractor.start(0);
            extractor.ingestTo(head);

            Map<io.creditlayer.features.model.Action, Long> actions = new java.util.EnumMap<>(io.creditlayer.features.model.Action.class);
            for (String wallet : extractor.store().wallets()) {
                for (io.creditlayer.features.ingest.WalletEntry entry : extractor.store().history(wallet)) {
                    if (entry.event() != null && entry.event().wallet().equals(wallet)
                            && entry.event().protocol() == io.creditlayer.features.model.Protocol.CREDITLAYER_POOL) {
                        actions.merge(entry.event().action(), 1L, Long::sum);
                    }
                }
            }
            ScenarioManifest.Totals t = manifest.totals();
            assertEquals(t.borrows(), actions.getOrDefault(io.creditlayer.features.model.Action.BORROW, 0L));
            assertEquals(t.liquidations(), actions.getOrDefault(io.creditlayer.features.model.Action.LIQUIDATED, 0L));
            assertEquals(t.writeOffs(), actions.getOrDefault(io.creditlayer.features.model.Action.WRITE_OFF, 0L));

            for (ScenarioManifest.Wallet user : manifest.wallets()) {
                if (user.archetype() == Archetype.MIXER_USER) {
                    assertTrue(extractor.profile(user.address(), head)
                            .value(io.creditlayer.features.profile.Feature.MIXER_INTERACTIONS) >= 2, user.address());
                }
            }

            List<io.creditlayer.features.profile.TrainingRow> rows =
                    extractor.trainingRows(7 * 86_400L); // a 30-day scenario censors a 30-day horizon
            assertFalse(rows.isEmpty());
            assertTrue(rows.stream().anyMatch(r -> r.label() == 1) && rows.stream().anyMatch(r -> r.label() == 0),
                    "both outcomes are observed");
            for (io.creditlayer.features.profile.TrainingRow row : rows) {
                assertEquals(row.borrowBlock() - 1, row.profile().asOfBlock(), "features strictly before the borrow");
                assertTrue(io.creditlayer.features.profile.FeatureCommitment.verify(row.profile()));
            }

            // cohort signals: the funding source and time zone the chain shows agree with the ground truth
            io.creditlayer.features.cohort.CounterpartyLabels labels = io.creditlayer.features.api.DeploymentAddresses
                    .counterpartyLabels(dir.resolve("deployment.json"), dir.resolve(ScenarioManifest.FILE_NAME));
            int regions = 0;
            int regionsRight = 0;
            for (ScenarioManifest.Wallet wallet : manifest.wallets()) {
                io.creditlayer.features.cohort.CohortSignals signals = extractor.cohortSignals(wallet.address(), head, labels);
                assertEquals(Anvil.CHAIN_ID, signals.chainId());
                io.creditlayer.features.cohort.FirstInflow first = signals.firstInflow();
                assertTrue(first != null, "every wallet was paid: " + wallet.address());
                assertEquals(wallet.funding().name().toLowerCase(Locale.ROOT),
                        io.creditlayer.fairness.cohorts.WalletCohorts.fundingSource(true, first.label()), wallet.address());
                int[] hours = signals.utcHourCounts();
                for (int h = 0; h < 24; h++) {
                    assertTrue(hours[h] == 0 || h == 9 || h == 13 || h == 19, "wallets act only in the sessions");
                }
                java.util.OptionalInt offset = io.creditlayer.fairness.cohorts.WalletCohorts.utcOffset(hours);
                if (offset.isPresent()) {
                    regions++;
                    if (offset.getAsInt() == wallet.utcOffsetHours()) {
                        regionsRight++;
                    }
                }
            }
            assertTrue(regions >= manifest.wallets().size() / 2, "most wallets sent enough transactions: " + regions);
            // a heavy day away (setting up takes five transactions) can outweigh a few home days: the region is a proxy
            assertTrue(regionsRight >= 0.8 * regions, "the peak hour finds the home zone: " + regionsRight + " of " + regions);
            assertTrue(manifest.wallets().stream().map(ScenarioManifest.Wallet::utcOffsetHours).distinct().count() == 3,
                    "all three zones are there");
        }
    }
}
