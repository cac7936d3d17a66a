package io.creditlayer.deploy.scenario;

import io.creditlayer.contracts.attestation.ScoreAttestation;
import io.creditlayer.contracts.chain.ChainClient;
import io.creditlayer.contracts.devnet.Anvil;
import io.creditlayer.contracts.devnet.DevnetAccounts;
import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.contracts.generated.DevnetERC20;
import io.creditlayer.contracts.generated.DevnetMixer;
import io.creditlayer.contracts.generated.DevnetPriceFeed;
import io.creditlayer.contracts.generated.DevnetUniswapV2Pair;
import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.deploy.Deployment;
import io.creditlayer.deploy.devnet.DevnetMarket;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One scenario run: the setup, then one epoch per simulated day: the market block, one wallet block per time-zone
 * session, the liquidation block.
 * See {@link DevnetScenario} for the contract and docs/devnet-scenario.md for the behaviour.
 */
final class Simulation {
    static final long DAY = 86_400;
    static final long MARKET_OPEN = 9 * 3_600;
    static final long BLOCK_SPACING = 12;
    /**
     * The wallets' home time zones (UTC offsets in hours) and their shares. A wallet acts in the session of its time
     * zone, which opens at about 14:00 local time; on {@link #AWAY_SHARE} of its days it acts in another session
     * (travel, bots, a second owner), so the clock hours of its transactions point to its zone without proving it.
     */
    static final int[] SESSION_UTC_OFFSETS = {5, 1, -5};
    static final double[] SESSION_SHARES = {0.25, 0.40, 0.35};
    /** Second of the UTC day each session's block is stamped: 09:00:12 (right after the market block), 13:00, 19:00. */
    static final long[] SESSION_OPENS = {MARKET_OPEN + BLOCK_SPACING, 13 * 3_600, 19 * 3_600};
    static final double AWAY_SHARE = 0.15;
    static final String MODEL_NAME = DevnetScenario.BOOTSTRAP_MODEL_NAME;
    static final byte[] MODEL_ID = DevnetScenario.BOOTSTRAP_MODEL_ID;

    private static final BigInteger USD = BigInteger.TEN.pow(6);
    private static final BigInteger ETH = BigInteger.TEN.pow(18);
    private static final BigInteger MAX_UINT = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    private static final BigInteger BPS = BigInteger.valueOf(10_000);
    private static final BigInteger PRICE_SCALE = BigInteger.TEN.pow(20); // 8 feed + 18 collateral - 6 loan decimals
    private static final BigInteger MIXER_DENOMINATION = ETH;
    private static final int NOTES_PER_MIXER_USER = 2;
    private static final int ATTESTATIONS_PER_BATCH = 40;
    private static final String MIXER_CASH_OUT = "mixer cash-out";

    private static final String TRANSFER = EventEncoder.encode(DevnetERC20.TRANSFER_EVENT);
    private static final String SUPPLY_COLLATERAL = EventEncoder.encode(LendingPool.SUPPLYCOLLATERAL_EVENT);
    private static final String WITHDRAW_COLLATERAL = EventEncoder.encode(LendingPool.WITHDRAWCOLLATERAL_EVENT);
    private static final String BORROW = EventEncoder.encode(LendingPool.BORROW_EVENT);
    private static final String REPAY = EventEncoder.encode(LendingPool.REPAY_EVENT);
    private static final String LIQUIDATE = EventEncoder.encode(LendingPool.LIQUIDATE_EVENT);
    private static final String BAD_DEBT = EventEncoder.encode(LendingPool.BADDEBTWRITTENOFF_EVENT);
    private static final String LENDER_DEPOSIT = EventEncoder.encode(LendingPool.DEPOSIT_EVENT);
    private static final String LENDER_WITHDRAW = EventEncoder.encode(LendingPool.WITHDRAW_EVENT);
    private static final String ATTESTATION_ACCEPTED = EventEncoder.encode(CreditOracle.ATTESTATIONACCEPTED_EVENT);
    private static final String SYNC = EventEncoder.encode(DevnetUniswapV2Pair.SYNC_EVENT);
    private static final String SWAP = EventEncoder.encode(DevnetUniswapV2Pair.SWAP_EVENT);
    private static final String MIXER_DEPOSIT = EventEncoder.encode(DevnetMixer.DEPOSIT_EVENT);
    private static final String MIXER_WITHDRAWAL = EventEncoder.encode(DevnetMixer.WITHDRAWAL_EVENT);

    private final ChainClient chain;
    private final Deployment deployment;
    private final ScenarioOptions options;
    private final Consumer<String> progress;
    private final DevnetMarket market;
    private final DevnetRpc rpc;
    private final BlockBuilder blocks;
    private final PricePath prices;
    private final long attestationLifetimeDays;

    // helper accounts
    private final Credentials deployer = DevnetAccounts.DEPLOYER.credentials();
    private final Credentials lender = DevnetAccounts.LENDER.credentials();
    private final Credentials liquidator = DevnetAccounts.LIQUIDATOR.credentials();
    private final Credentials relayer = DevnetAccounts.RELAYER.credentials();
    private final Credentials exchange = anvilAccount(8);
    private final Credentials marketMaker = anvilAccount(9);
    private final Credentials faucet;
    private final List<Credentials> mixerDepositors = new ArrayList<>();
    private final List<Credentials> sybilSources = new ArrayList<>();

    // wallets
    private final List<WalletState> wallets = new ArrayList<>();
    private final Map<String, WalletState> byAddress = new HashMap<>();
    private final List<ScenarioManifest.Cluster> clusters = new ArrayList<>();
    private final Map<Integer, List<MixerNote>> notesByDay = new HashMap<>();
    private final Map<Integer, MixerNote[]> notesByWallet = new HashMap<>();

    // contracts (wrappers used to encode calls and read views)
    private LendingPool pool;
    private CreditOracle oracle;
    private DevnetERC20 usdToken;
    private DevnetERC20 ethToken;
    private DevnetPriceFeed feed;
    private DevnetUniswapV2Pair pair;
    private DevnetMixer mixer;
    private String poolAddress;
    private String usdAddress;
    private String ethAddress;
    private String oracleAddress;
    private String pairAddress;
    private String mixerAddress;
    private Amm amm;
    private final LendingPool.TierParams[] tiers = new LendingPool.TierParams[6];

    // chain state the scenario follows (from logs)
    private final Map<String, BigInteger> usdBalances = new HashMap<>();
    private final Map<String, BigInteger> ethBalances = new HashMap<>();
    private final Map<String, BigInteger> shareBalances = new HashMap<>();
    private BigInteger availableLiquidity = BigInteger.ZERO;
    private BigInteger totalDebt = BigInteger.ZERO;
    private BigInteger lenderTopUp = BigInteger.ZERO;

    // totals
    private long borrows;
    private long repays;
    private long liquidations;
    private long writeOffs;
    private long swaps;
    private long attestations;
    private long mixerDepositsCount;
    private long mixerWithdrawals;
    private BigInteger badDebt = BigInteger.ZERO;

    private long t0;
    private long genesisTimestamp;
    private long startBlock;
    private long startTimestamp;
    private BlockBuilder.Mined lastBlock;

    Simulation(ChainClient chain, Deployment deployment, ScenarioOptions options, Consumer<String> progress) {
        this.chain = chain;
        this.deployment = deployment;
        this.options = options;
        this.progress = progress;
        this.market = new DevnetMarket(chain, deployment);
        this.rpc = new DevnetRpc(chain);
        this.blocks = new BlockBuilder(chain, rpc);
        this.prices = PricePath.generate(options.seed(), options.days());
        this.attestationLifetimeDays = Math.clamp(options.days() / 6, 7, 30);
        this.faucet = Seeds.key(options.seed(), "faucet");
    }

    ScenarioManifest run() throws Exception {
        genesisTimestamp = chain.web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.ZERO), false).send()
                .getBlock().getTimestamp().longValueExact();
        createWallets();
        try {
            // Reproducible timestamps for the auto-mined setup transactions (anvil stamps each block 12 s later).
            rpc.setBlockTimestampInterval(BLOCK_SPACING);
            startBlock = rpc.latestBlock().getNumber().longValueExact() + 1;
            setUpContracts();
            rpc.setAutomine(false);
            fundHelpers();
            for (int day = 0; day < options.days(); day++) {
                runDay(day);
                if (options.days() >= 10 && (day + 1) % Math.max(1, options.days() / 10) == 0 || day + 1 == options.days()) {
                    report(day);
                }
            }
            return manifest();
        } finally {
            // Leave the devnet as the demo expects it: every transaction mined at once, wall-clock time.
            try {
                rpc.setAutomine(true);
            } finally {
                rpc.removeBlockTimestampInterval();
            }
        }
    }

    /* ================================================================ wallets and plans */

    private void createWallets() {
        Map<Archetype, Integer> counts = options.mix().counts(options.wallets());
        List<Archetype> assignment = new ArrayList<>();
        for (Archetype archetype : Archetype.values()) {
            for (int i = 0; i < counts.get(archetype); i++) {
                assignment.add(archetype);
            }
        }
        SplittableRandom shuffle = new SplittableRandom(Seeds.of(options.seed(), "archetype-shuffle"));
        for (int i = assignment.size() - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            Archetype swap = assignment.get(i);
            assignment.set(i, assignment.get(j));
            assignment.set(j, swap);
        }
        for (int i = 0; i < assignment.size(); i++) {
            WalletState wallet = new WalletState(i, assignment.get(i), Seeds.key(options.seed(), "wallet/" + i),
                    new SplittableRandom(Seeds.of(options.seed(), "wallet/" + i)));
            // a stream of its own, so that sessions leave every behavioural draw unchanged
            wallet.sessions = new SplittableRandom(Seeds.of(options.seed(), "session/" + i));
            wallet.homeSession = drawSession(wallet.sessions);
            wallets.add(wallet);
            byAddress.put(wallet.address, wallet);
        }
        Map<Archetype, Integer> seen = new EnumMap<>(Archetype.class);
        for (WalletState wallet : wallets) {
            int rank = seen.merge(wallet.archetype, 1, Integer::sum) - 1;
            int count = counts.get(wallet.archetype);
            int scoredCount = (int) Math.round(wallet.behaviour.scoredShare() * count);
            if (scoredCount == 0 && wallet.behaviour.scoredShare() >= 0.5) {
                scoredCount = 1;
            }
            plan(wallet, rank < scoredCount);
        }
        planSybilClusters();
        planMixerNotes();
    }

    private void plan(WalletState w, boolean scored) {
        Behaviour b = w.behaviour;
        int lastDay = options.days() - 1;
        w.startDay = (int) Math.floor(w.uniform(b.startWindow()) * lastDay);
        if (w.archetype == Archetype.MIXER_USER) {
            w.startDay = Math.max(1, w.startDay);
        }
        w.scored = scored;
        w.initialTier = scored ? drawTier(w, b.tierMean(), b.tierNoise()) : 0;
        w.plannedTier = w.initialTier;
        w.selfRelays = w.chance(0.3);
        w.collateralEth = w.uniform(b.collateralEth());
        w.borrower = w.chance(b.borrowProbability());
        w.neverRepays = b.repayFraction() == 0 || w.chance(b.defaultShare());
        w.targetUtilization = w.uniform(b.utilization());
        w.nextBorrowDay = w.startDay + (w.archetype == Archetype.DEFAULTER ? 0 : w.random.nextInt(4));
        w.nextAttestationDay = scored ? w.startDay : -1;
        switch (w.archetype) {
            case FRESH -> {
                boolean faucetFunded = w.chance(0.5);
                w.funding = faucetFunded ? FundingSource.FAUCET : FundingSource.EXCHANGE;
                w.fundingEth = faucetFunded ? 0.4 : 0.5 + w.random.nextDouble();
            }
            case SYBIL -> w.funding = FundingSource.PEER;
            case MIXER_USER -> {
                w.funding = FundingSource.MIXER;
                w.fundingEth = NOTES_PER_MIXER_USER;
                if (w.chance(0.3)) {
                    w.cashOutDay = w.startDay + 5 + w.random.nextInt(25);
                }
            }
            default -> {
                w.funding = FundingSource.EXCHANGE;
                w.fundingEth = 0.5 + 2.5 * w.random.nextDouble();
            }
        }
        if (w.archetype == Archetype.LIQUIDATED) {
            int ramp = prices.crashStart() - 2 - w.random.nextInt(9);
            w.rampDay = ramp > w.startDay ? ramp : -1;
        }
        if (w.chance(b.lendProbability())) {
            w.lendDay = w.startDay + 1 + w.random.nextInt(10);
            w.redeemDay = w.lendDay + 20 + w.random.nextInt(41);
        }
    }

    private static double uniform(Behaviour.Range range, SplittableRandom random) {
        return range.min() + (range.max() - range.min()) * random.nextDouble();
    }

    private static int drawTier(WalletState w, double mean, double noise) {
        return (int) Math.clamp(Math.round(mean + noise * w.random.nextGaussian()), 1, 5);
    }

    /** Sybils in index order form clusters of 4..8 (a tail of fewer than 3 joins the last one), sharing a template. */
    private void planSybilClusters() {
        List<WalletState> sybils = wallets.stream().filter(w -> w.archetype == Archetype.SYBIL).toList();
        SplittableRandom random = new SplittableRandom(Seeds.of(options.seed(), "sybil-clusters"));
        List<List<WalletState>> groups = new ArrayList<>();
        int from = 0;
        while (from < sybils.size()) {
            int to = Math.min(sybils.size(), from + 4 + random.nextInt(5));
            if (sybils.size() - to < 3) {
                to = sybils.size();
            }
            groups.add(sybils.subList(from, to));
            from = to;
        }
        Behaviour b = Archetype.SYBIL.behaviour();
        int lastDay = options.days() - 1;
        for (int c = 0; c < groups.size(); c++) {
            List<WalletState> members = groups.get(c);
            Credentials source = Seeds.key(options.seed(), "sybil-source/" + c);
            sybilSources.add(source);
            SplittableRandom template = new SplittableRandom(Seeds.of(options.seed(), "sybil-template/" + c));
            int startDay = (int) Math.floor(uniform(b.startWindow(), template) * lastDay);
            boolean scored = template.nextDouble() < b.scoredShare();
            int tier = (int) Math.clamp(Math.round(b.tierMean() + b.tierNoise() * template.nextGaussian()), 1, 5);
            double utilization = uniform(b.utilization(), template);
            double collateral = uniform(b.collateralEth(), template);
            int borrowDelay = template.nextInt(4);
            List<String> addresses = new ArrayList<>();
            // one operator runs the whole cluster from one time zone
            int session = drawSession(new SplittableRandom(Seeds.of(options.seed(), "sybil-session/" + c)));
            for (WalletState w : members) {
                w.homeSession = session;
                w.clusterId = c;
                w.sybilSourceIndex = c;
                w.fundedBy = source.getAddress().toLowerCase(Locale.ROOT);
                w.startDay = Math.min(lastDay, startDay + w.random.nextInt(2));
                w.scored = scored;
                w.initialTier = scored ? tier : 0;
                w.plannedTier = w.initialTier;
                w.nextAttestationDay = scored ? w.startDay : -1;
                w.targetUtilization = Math.clamp(utilization + 0.03 * (w.random.nextDouble() - 0.5), 0.05, 0.95);
                w.collateralEth = collateral * (0.9 + 0.2 * w.random.nextDouble());
                w.fundingEth = 0.6;
                w.borrower = true;
                w.nextBorrowDay = w.startDay + borrowDelay;
                addresses.add(w.address);
            }
            clusters.add(new ScenarioManifest.Cluster(c, source.getAddress().toLowerCase(Locale.ROOT), addresses));
        }
    }

    private static int drawSession(SplittableRandom random) {
        double u = random.nextDouble();
        for (int k = 0; k < SESSION_SHARES.length - 1; k++) {
            u -= SESSION_SHARES[k];
            if (u < 0) {
                return k;
            }
        }
        return SESSION_SHARES.length - 1;
    }

    /** Today's session of an active wallet: its home session, or on {@link #AWAY_SHARE} of days another one. */
    private static int sessionToday(WalletState w) {
        if (w.sessions.nextDouble() >= AWAY_SHARE) {
            return w.homeSession;
        }
        int other = w.sessions.nextInt(SESSION_OPENS.length - 1);
        return other >= w.homeSession ? other + 1 : other;
    }

    /** Each mixer user is paid two notes that a depositor put in on earlier days. */
    private void planMixerNotes() {
        List<WalletState> users = wallets.stream().filter(w -> w.archetype == Archetype.MIXER_USER).toList();
        if (users.isEmpty()) {
            return;
        }
        int depositors = Math.max(1, (users.size() + 4) / 5);
        for (int k = 0; k < depositors; k++) {
            mixerDepositors.add(Seeds.key(options.seed(), "mixer-depositor/" + k));
        }
        for (WalletState w : users) {
            MixerNote[] notes = new MixerNote[NOTES_PER_MIXER_USER];
            for (int n = 0; n < NOTES_PER_MIXER_USER; n++) {
                byte[] secret = Seeds.bytes32(options.seed(), "mixer-note/" + w.index + "/" + n);
                int earliest = Math.max(0, w.startDay - 8);
                int day = earliest + w.random.nextInt(w.startDay - earliest);
                MixerNote note = new MixerNote(secret, Hash.sha3(secret), mixerDepositors.get(w.index % depositors), day);
                notes[n] = note;
                notesByDay.computeIfAbsent(day, d -> new ArrayList<>()).add(note);
            }
            notesByWallet.put(w.index, notes);
        }
    }

    private record MixerNote(byte[] secret, byte[] commitment, Credentials depositor, int day) {
    }

    /* ================================================================ setup */

    private void setUpContracts() throws Exception {
        poolAddress = lower(deployment.lendingPool());
        usdAddress = lower(deployment.loanToken());
        ethAddress = lower(deployment.collateralToken());
        oracleAddress = lower(deployment.creditOracle());
        pool = market.pool(deployer);
        oracle = market.oracle(deployer);
        usdToken = market.token(usdAddress, deployer);
        ethToken = market.token(ethAddress, deployer);
        feed = DevnetPriceFeed.load(deployment.priceFeed(), chain.web3j(), chain.transactionManager(deployer), chain.gasProvider());

        pair = DevnetUniswapV2Pair.deploy(chain.web3j(), chain.transactionManager(deployer), chain.gasProvider(),
                usdAddress, ethAddress, deployer.getAddress()).send();
        mixer = DevnetMixer.deploy(chain.web3j(), chain.transactionManager(deployer), chain.gasProvider(),
                MIXER_DENOMINATION).send();
        pairAddress = lower(pair.getContractAddress());
        mixerAddress = lower(mixer.getContractAddress());
        amm = new Amm(usdAddress.compareTo(ethAddress) < 0);
        progress.accept("deployed DevnetUniswapV2Pair " + pairAddress + " and DevnetMixer " + mixerAddress);

        if (!market.registry(deployer).isApproved(MODEL_ID).send()) {
            market.approveModel(MODEL_ID, Hash.sha256(bytes("artifact:" + MODEL_NAME)),
                    Hash.sha256(bytes("feature-schema:bootstrap")), Hash.sha256(bytes("fairness-report:bootstrap")));
        }
        market.lend(lender, USD.multiply(BigInteger.valueOf(Math.max(2_000_000L, options.wallets() * 30_000L))));
        for (int t = 0; t < tiers.length; t++) {
            tiers[t] = pool.tierParams(BigInteger.valueOf(t)).send();
        }
        // Lender shares minted during setup are followed from here on through logs.
        shareBalances.put(lower(lender.getAddress()), pool.balanceOf(lender.getAddress()).send());
    }

    /** One block with the helpers' balances and approvals, the pair's liquidity, and the helper wallets' ETH. */
    private void fundHelpers() {
        long setupTimestamp = rpc.latestBlock().getTimestamp().longValueExact() + BLOCK_SPACING;
        int n = options.wallets();
        BigInteger pairEth = ETH.multiply(BigInteger.valueOf(Math.max(2_000L, n * 20L)));
        BigInteger pairUsd = USD.multiply(BigInteger.valueOf(Math.max(2_000L, n * 20L) * 2_000L));
        mint(usdAddress, deployer, pairUsd);
        mint(ethAddress, deployer, pairEth);
        mint(usdAddress, exchange, USD.multiply(BigInteger.valueOf(100_000_000L + n * 200_000L)));
        mint(ethAddress, exchange, ETH.multiply(BigInteger.valueOf(100_000L + n * 200L)));
        mint(usdAddress, marketMaker, USD.multiply(BigInteger.valueOf(1_000_000_000_000L)));
        mint(ethAddress, marketMaker, ETH.multiply(BigInteger.valueOf(500_000_000L)));
        mint(usdAddress, liquidator, USD.multiply(BigInteger.valueOf(10_000_000_000L)));
        approve(usdAddress, deployer, pairAddress, "pair liquidity");
        approve(ethAddress, deployer, pairAddress, "pair liquidity");
        blocks.send(deployer, pairAddress, BigInteger.ZERO, amm.usdIsToken0()
                ? pair.addLiquidity(pairUsd, pairEth).encodeFunctionCall()
                : pair.addLiquidity(pairEth, pairUsd).encodeFunctionCall(), "addLiquidity");
        approve(usdAddress, marketMaker, pairAddress, "market maker");
        approve(ethAddress, marketMaker, pairAddress, "market maker");
        approve(usdAddress, liquidator, poolAddress, "liquidator");
        approve(ethAddress, liquidator, pairAddress, "liquidator");
        approve(usdAddress, lender, poolAddress, "lender");
        sendEth(exchange, faucet.getAddress(), ETH.multiply(BigInteger.valueOf(Math.max(10, n))), "faucet");
        for (Credentials depositor : mixerDepositors) {
            long notes = notesByDay.values().stream().flatMap(List::stream).filter(note -> note.depositor() == depositor).count();
            sendEth(exchange, depositor.getAddress(), MIXER_DENOMINATION.multiply(BigInteger.valueOf(notes + 1)), "mixer depositor");
        }
        for (int c = 0; c < clusters.size(); c++) {
            final int cluster = c;
            Credentials source = sybilSources.get(c);
            double members = clusters.get(c).members().size();
            double collateral = wallets.stream().filter(w -> w.clusterId == cluster).mapToDouble(w -> w.collateralEth).sum();
            sendEth(exchange, source.getAddress(), eth(members * 0.6 + 1.0), "sybil source");
            transfer(ethAddress, exchange, source.getAddress(), eth(collateral + 1), "sybil source");
        }
        BlockBuilder.Mined setup = blocks.mine(setupTimestamp);
        apply(setup);
        availableLiquidity = word(rpc.call(poolAddress, pool.availableLiquidity().encodeFunctionCall()), 0);
        startTimestamp = setupTimestamp;
        t0 = (setupTimestamp / DAY + 1) * DAY;
    }

    /* ================================================================ one day */

    private void runDay(int day) {
        long tA = t0 + day * DAY + MARKET_OPEN;
        BigInteger answer = prices.answer(day);
        Map<WalletState, DayPlan> plans = new LinkedHashMap<>();
        for (WalletState w : wallets) {
            if (day >= w.startDay) {
                int session = sessionToday(w);
                DayPlan plan = plan(w, day, answer, t0 + day * DAY + SESSION_OPENS[session]);
                plan.session = session;
                plans.put(w, plan);
            }
        }

        // ---- block A: the market opens: price, liquidator's sale, arbitrage, lenders, funding, attestations
        blocks.send(deployer, feed.getContractAddress(), BigInteger.ZERO, feed.postPrice(answer).encodeFunctionCall(), "postPrice");
        BigInteger seized = balance(ethBalances, liquidator.getAddress());
        if (seized.signum() > 0) {
            BigInteger out = amm.swap(false, seized);
            blocks.send(liquidator, pairAddress, BigInteger.ZERO,
                    pair.swapExactIn(ethAddress, seized, minOut(out), liquidator.getAddress()).encodeFunctionCall(), "liquidator sale");
        }
        arbitrage(answer);
        if (lenderTopUp.signum() > 0) {
            mint(usdAddress, lender, lenderTopUp);
            blocks.send(lender, poolAddress, BigInteger.ZERO, pool.deposit(lenderTopUp, lender.getAddress()).encodeFunctionCall(), "lender top-up");
            availableLiquidity = availableLiquidity.add(lenderTopUp);
            lenderTopUp = BigInteger.ZERO;
        }
        for (MixerNote note : notesByDay.getOrDefault(day, List.of())) {
            // deposits are sent from block A too: the depositors are funded since the setup block
            blocks.send(note.depositor(), mixerAddress, MIXER_DENOMINATION,
                    mixer.deposit(note.commitment(), MIXER_DENOMINATION).encodeFunctionCall(), "mixer deposit");
        }
        List<ScoreAttestation> relayed = new ArrayList<>();
        for (Map.Entry<WalletState, DayPlan> entry : plans.entrySet()) {
            WalletState w = entry.getKey();
            DayPlan plan = entry.getValue();
            if (day == w.startDay) {
                fund(w);
            }
            if (plan.usdIncome.signum() > 0) {
                transfer(usdAddress, exchange, w.address, plan.usdIncome, "income");
            }
            if (plan.ethIncome.signum() > 0) {
                transfer(ethAddress, exchange, w.address, plan.ethIncome, "collateral top-up");
            }
            if (plan.attestation != null && !w.selfRelays) {
                relayed.add(plan.attestation);
            }
        }
        for (int from = 0; from < relayed.size(); from += ATTESTATIONS_PER_BATCH) {
            List<ScoreAttestation> batch = relayed.subList(from, Math.min(relayed.size(), from + ATTESTATIONS_PER_BATCH));
            List<CreditOracle.ScoreAttestation> structs = batch.stream().map(DevnetMarket::toStruct).toList();
            List<byte[]> signatures = batch.stream().map(market::sign).toList();
            blocks.send(relayer, oracleAddress, BigInteger.ZERO,
                    oracle.submitAttestations(structs, signatures).encodeFunctionCall(), "relayed attestations");
        }
        apply(blocks.mine(tA));

        // ---- blocks B: the wallets act, one block per time-zone session
        long last = tA;
        for (int session = 0; session < SESSION_OPENS.length; session++) {
            long tB = t0 + day * DAY + SESSION_OPENS[session];
            boolean anyone = false;
            for (Map.Entry<WalletState, DayPlan> entry : plans.entrySet()) {
                if (entry.getValue().session != session) {
                    continue;
                }
                if (!anyone && session > 0) {
                    // the pool accepts a price for an hour: the feed posts again before a later session
                    blocks.send(deployer, feed.getContractAddress(), BigInteger.ZERO, feed.postPrice(answer).encodeFunctionCall(), "postPrice");
                    // and the market maker arbitrages again, so every session trades at the feed price: with one
                    // arbitrage a day (block A) the later sessions traded at the price the earlier ones had moved,
                    // and the audit's activity-region gap was that artefact (docs/fairness-devnet.md)
                    arbitrage(answer);
                }
                anyone = true;
                act(entry.getKey(), entry.getValue(), day, answer, tB);
            }
            if (blocks.pendingCount() > 0) {
                apply(blocks.mine(tB));
                last = tB;
            }
        }
        long tC = last + BLOCK_SPACING;

        // ---- read positions; block C: the liquidator bot liquidates every liquidatable position
        List<WalletState> liquidatable = readPositions();
        for (WalletState w : liquidatable) {
            blocks.send(liquidator, poolAddress, BigInteger.ZERO,
                    pool.liquidate(w.address, MAX_UINT, liquidator.getAddress()).encodeFunctionCall(), "liquidate");
        }
        if (blocks.pendingCount() > 0) {
            apply(blocks.mine(tC));
        }
    }

    /**
     * The market maker's swap that moves the pair back to the feed price (beyond 0.3%), sent into the pending block
     * ahead of the transactions that follow it.
     */
    private void arbitrage(BigInteger answer) {
        BigInteger arbitrage = amm.arbitrageTo(answer, 30);
        if (arbitrage.signum() != 0) {
            boolean usdIn = arbitrage.signum() > 0;
            BigInteger amountIn = arbitrage.abs();
            BigInteger out = amm.swap(usdIn, amountIn);
            blocks.send(marketMaker, pairAddress, BigInteger.ZERO, pair.swapExactIn(usdIn ? usdAddress : ethAddress,
                    amountIn, minOut(out), marketMaker.getAddress()).encodeFunctionCall(), "arbitrage");
        }
    }

    /** What a wallet means to do today, decided before block A (so block A can carry the money it needs). */
    private static final class DayPlan {
        int session;
        boolean setup;
        ScoreAttestation attestation;
        double borrowUtilization;
        boolean loop;
        double repayFraction;
        BigInteger usdIncome = BigInteger.ZERO;
        BigInteger ethIncome = BigInteger.ZERO;
        int swaps;
        boolean lend;
        boolean redeem;
        boolean cashOut;
        double withdrawShare;
    }

    private DayPlan plan(WalletState w, int day, BigInteger answer, long tB) {
        Behaviour b = w.behaviour;
        DayPlan plan = new DayPlan();
        plan.setup = day == w.startDay;
        if (day == w.nextAttestationDay) {
            plan.attestation = attestation(w, day);
        }
        int tier = plan.attestation != null ? plan.attestation.tier() : w.tierAt(tB);
        BigInteger collateralAfterSetup = plan.setup && w.borrower ? eth(w.collateralEth) : w.collateral;
        if (w.borrower) {
            if (w.archetype == Archetype.LIQUIDATED && w.rampDay >= 0 && day >= w.rampDay && day < w.rampDay + 3) {
                plan.borrowUtilization = w.uniform(b.rampUtilization());
                plan.loop = true;
                w.loanOpen = true;
                w.dueDay = Math.max(w.dueDay, prices.crashStart() + prices.crashDays() + 5 + w.random.nextInt(10));
            } else if (!w.loanOpen && day >= w.nextBorrowDay) {
                plan.borrowUtilization = w.targetUtilization;
                plan.loop = w.archetype == Archetype.TRADER && w.chance(0.5);
                w.loanOpen = true;
                w.dueDay = w.neverRepays ? Integer.MAX_VALUE : day + w.uniformDays(b.loanDays());
            } else if (w.loanOpen && day == w.dueDay && w.hasDebt()) {
                if (w.chance(b.onTimeProbability())) {
                    boolean full = b.repayFraction() >= 1 || w.debt.compareTo(USD.multiply(BigInteger.valueOf(50))) < 0;
                    plan.repayFraction = full ? 1.0 : b.repayFraction();
                    if (full) {
                        w.loanOpen = false;
                        w.nextBorrowDay = day + 1 + w.random.nextInt(20);
                        if (w.chance(0.3) && w.archetype == Archetype.STEADY) {
                            plan.withdrawShare = 0.2;
                        }
                    } else {
                        w.dueDay = day + Math.max(1, w.uniformDays(b.loanDays()) / 2);
                    }
                } else {
                    w.dueDay = day + Math.max(1, w.uniformDays(b.lateDays()));
                }
            } else if (w.loanOpen && w.hasDebt() && b.releverPerDay() > 0 && w.chance(b.releverPerDay())) {
                plan.borrowUtilization = w.targetUtilization;
                plan.loop = w.archetype == Archetype.TRADER && w.chance(0.5);
            } else if (w.loanOpen && !w.hasDebt() && day > w.nextBorrowDay + 1 && !w.neverRepays) {
                // the loan was closed by a liquidation (or the borrow failed): come back later
                w.loanOpen = false;
                w.nextBorrowDay = day + 5 + w.random.nextInt(20);
            }
        }
        if (plan.repayFraction > 0) {
            BigInteger needed = plan.repayFraction >= 1
                    ? w.debt.multiply(BigInteger.valueOf(1_010)).divide(BigInteger.valueOf(1_000)).add(USD)
                    : fraction(w.debt, plan.repayFraction);
            BigInteger shortfall = needed.subtract(balance(usdBalances, w.address));
            if (shortfall.signum() > 0) {
                plan.usdIncome = shortfall.add(USD.multiply(BigInteger.valueOf(1 + w.random.nextInt(50))));
            }
        }
        // reacting to risk: a position near its liquidation threshold at today's price gets more collateral
        if (w.hasDebt() && plan.repayFraction == 0 && w.collateral.signum() > 0 && b.riskReaction() > 0) {
            BigInteger threshold = value(w.collateral, answer).multiply(BPS).divide(tiers[tier].liquidationRatioBps);
            if (w.debt.multiply(BigInteger.valueOf(100)).compareTo(threshold.multiply(BigInteger.valueOf(85))) > 0
                    && w.chance(b.riskReaction())) {
                plan.ethIncome = w.collateral.multiply(BigInteger.valueOf(3)).divide(BigInteger.TEN);
            }
        }
        int swapsToday = 0;
        double expected = b.swapsPerDay();
        while (expected > 0 && swapsToday < 4) {
            if (w.random.nextDouble() < Math.min(1.0, expected)) {
                swapsToday++;
            }
            expected -= 1;
        }
        plan.swaps = swapsToday;
        plan.lend = day == w.lendDay;
        plan.redeem = day == w.redeemDay;
        plan.cashOut = day == w.cashOutDay;
        if (plan.lend) {
            BigInteger savings = USD.multiply(BigInteger.valueOf(1_000 + w.random.nextInt(9_000)));
            plan.usdIncome = plan.usdIncome.add(savings);
        }
        if (plan.setup && collateralAfterSetup.signum() == 0 && plan.swaps == 0) {
            plan.swaps = 1; // a fresh wallet does at least something
        }
        return plan;
    }

    private ScoreAttestation attestation(WalletState w, int day) {
        long issuedAt = t0 + day * DAY + MARKET_OPEN - 600;
        int tier;
        if (w.attestations == 0 && w.attestationNonce == 0) {
            tier = w.initialTier;
        } else {
            double drift = switch (w.archetype) {
                case STEADY -> 0.2;
                case LATE_REPAYER, MIXER_USER -> -0.3;
                default -> 0.0;
            };
            if (w.liquidations > 0) {
                drift -= 1.0;
            }
            tier = drawTier(w, w.plannedTier + drift, 0.5);
        }
        w.plannedTier = tier;
        w.attestationNonce++;
        // the next attestation: refreshed two days before expiry, or the wallet lapses to tier 0 (maybe re-scored later)
        if (w.chance(w.behaviour.refreshProbability())) {
            w.nextAttestationDay = day + (int) attestationLifetimeDays - 2;
        } else if (w.chance(w.behaviour.refreshProbability() / 2)) {
            w.nextAttestationDay = day + (int) attestationLifetimeDays + 5 + w.random.nextInt(16);
        } else {
            w.nextAttestationDay = -1;
        }
        // the score bands of the credit model's tier policy (scoring-service/credit-model tier-policy.json)
        int[] floor = {0, 300, 580, 670, 740, 800};
        int[] ceiling = {0, 579, 669, 739, 799, 850};
        int score = floor[tier] + w.random.nextInt(ceiling[tier] - floor[tier] + 1);
        byte[] commitment = Hash.sha3(bytes("scenario-features:" + w.address + ":" + issuedAt));
        return new ScoreAttestation(credentialsAddress(w), score, tier, MODEL_ID, commitment, issuedAt,
                issuedAt + attestationLifetimeDays * DAY, BigInteger.valueOf(w.attestationNonce));
    }

    private void fund(WalletState w) {
        switch (w.funding) {
            case EXCHANGE -> {
                w.fundedBy = lower(exchange.getAddress());
                sendEth(exchange, w.address, eth(w.fundingEth), "funding");
                transfer(ethAddress, exchange, w.address, eth(w.collateralEth), "funding");
            }
            case FAUCET -> {
                w.fundedBy = lower(faucet.getAddress());
                sendEth(faucet, w.address, eth(w.fundingEth), "faucet drip");
                transfer(ethAddress, exchange, w.address, eth(w.collateralEth), "funding");
            }
            case PEER -> {
                Credentials source = sybilSources.get(w.sybilSourceIndex);
                sendEth(source, w.address, eth(w.fundingEth), "sybil funding");
                transfer(ethAddress, source, w.address, eth(w.collateralEth), "sybil funding");
            }
            case MIXER -> {
                w.fundedBy = mixerAddress;
                for (MixerNote note : notesByWallet.get(w.index)) {
                    blocks.send(relayer, mixerAddress, BigInteger.ZERO,
                            mixer.withdraw(note.secret(), w.address).encodeFunctionCall(), "mixer withdrawal");
                }
                mint(ethAddress, w.address, eth(w.collateralEth));
            }
        }
    }

    /** Block B: the wallet's own transactions, sized with the chain state after block A. */
    private void act(WalletState w, DayPlan plan, int day, BigInteger answer, long tB) {
        Credentials me = w.credentials;
        BigInteger usd = balance(usdBalances, w.address);
        BigInteger ethHeld = balance(ethBalances, w.address);
        BigInteger collateral = w.collateral;
        if (plan.attestation != null && w.selfRelays) {
            walletSend(w, oracleAddress, oracle.submitAttestation(DevnetMarket.toStruct(plan.attestation),
                    market.sign(plan.attestation)).encodeFunctionCall(), "self-relayed attestation");
        }
        if (plan.setup) {
            walletSend(w, ethAddress, ethToken.approve(poolAddress, MAX_UINT).encodeFunctionCall(), "approve");
            walletSend(w, usdAddress, usdToken.approve(poolAddress, MAX_UINT).encodeFunctionCall(), "approve");
            walletSend(w, ethAddress, ethToken.approve(pairAddress, MAX_UINT).encodeFunctionCall(), "approve");
            walletSend(w, usdAddress, usdToken.approve(pairAddress, MAX_UINT).encodeFunctionCall(), "approve");
            w.setUp = true;
            if (w.borrower && ethHeld.signum() > 0) {
                walletSend(w, poolAddress, pool.supplyCollateral(ethHeld, w.address).encodeFunctionCall(), "supply");
                collateral = collateral.add(ethHeld);
                ethHeld = BigInteger.ZERO;
            }
        }
        if (!w.setUp) {
            return;
        }
        if (plan.ethIncome.signum() > 0 && ethHeld.signum() > 0) {
            BigInteger topUp = ethHeld.min(plan.ethIncome);
            walletSend(w, poolAddress, pool.supplyCollateral(topUp, w.address).encodeFunctionCall(), "top-up");
            collateral = collateral.add(topUp);
            ethHeld = ethHeld.subtract(topUp);
        }
        int tier = w.tierAt(tB);
        if (plan.attestation != null && w.selfRelays) {
            tier = plan.attestation.tier();
        }
        if (plan.borrowUtilization > 0 && collateral.signum() > 0) {
            BigInteger limit = borrowLimit(collateral, answer, tier);
            BigInteger debtSoon = w.debt.multiply(BigInteger.valueOf(1_003)).divide(BigInteger.valueOf(1_000));
            BigInteger amount = fraction(limit, plan.borrowUtilization).subtract(debtSoon);
            BigInteger budget = availableLiquidity.multiply(BigInteger.valueOf(95)).divide(BigInteger.valueOf(100));
            amount = amount.min(budget);
            if (amount.compareTo(USD.multiply(BigInteger.TEN)) >= 0) {
                if (w.chance(w.behaviour.overreachProbability())) {
                    // tries for more than the limit first: reverts with LendingPoolInsufficientCollateral
                    BigInteger tooMuch = fraction(limit, 1.10).subtract(w.debt).max(amount.add(USD));
                    walletSend(w, poolAddress, pool.borrow(tooMuch, w.address).encodeFunctionCall(), "over-limit borrow");
                }
                walletSend(w, poolAddress, pool.borrow(amount, w.address).encodeFunctionCall(), "borrow");
                availableLiquidity = availableLiquidity.subtract(amount);
                usd = usd.add(amount);
                if (plan.loop) {
                    BigInteger spend = fraction(amount, 0.9);
                    BigInteger out = minOut(amm.swap(true, spend));
                    walletSend(w, pairAddress, pair.swapExactIn(usdAddress, spend, out, w.address).encodeFunctionCall(), "loop swap");
                    walletSend(w, poolAddress, pool.supplyCollateral(out, w.address).encodeFunctionCall(), "loop supply");
                    usd = usd.subtract(spend);
                } else if (w.archetype == Archetype.DEFAULTER) {
                    BigInteger away = fraction(amount, 0.8);
                    walletSend(w, usdAddress, usdToken.transfer(lower(exchange.getAddress()), away).encodeFunctionCall(), "cash out");
                    usd = usd.subtract(away);
                } else if (w.archetype == Archetype.SYBIL) {
                    BigInteger forward = fraction(amount, 0.5);
                    walletSend(w, usdAddress, usdToken.transfer(clusters.get(w.clusterId).source(), forward).encodeFunctionCall(), "forward");
                    usd = usd.subtract(forward);
                }
            } else if (w.loanOpen && !w.hasDebt()) {
                w.loanOpen = false;
                w.nextBorrowDay = day + 1 + w.random.nextInt(10);
            }
        }
        if (plan.repayFraction > 0 && w.hasDebt()) {
            if (plan.repayFraction >= 1) {
                walletSend(w, poolAddress, pool.repay(MAX_UINT, w.address).encodeFunctionCall(), "repay");
                usd = usd.subtract(w.debt.min(usd));
            } else {
                BigInteger amount = fraction(w.debt, plan.repayFraction).min(usd);
                if (amount.signum() > 0) {
                    walletSend(w, poolAddress, pool.repay(amount, w.address).encodeFunctionCall(), "partial repay");
                    usd = usd.subtract(amount);
                }
            }
            if (plan.withdrawShare > 0 && plan.repayFraction >= 1 && collateral.signum() > 0) {
                BigInteger amount = fraction(collateral, plan.withdrawShare);
                walletSend(w, poolAddress, pool.withdrawCollateral(amount, w.address).encodeFunctionCall(), "withdraw collateral");
                ethHeld = ethHeld.add(amount);
            }
        }
        for (int s = 0; s < plan.swaps; s++) {
            boolean sellEth = ethHeld.signum() > 0 && (usd.signum() == 0 || w.random.nextBoolean());
            double share = 0.1 + 0.4 * w.random.nextDouble();
            if (sellEth) {
                BigInteger amountIn = fraction(ethHeld, share);
                if (amountIn.compareTo(ETH.divide(BigInteger.valueOf(1_000))) < 0) {
                    continue;
                }
                BigInteger out = amm.swap(false, amountIn);
                walletSend(w, pairAddress, pair.swapExactIn(ethAddress, amountIn, minOut(out), w.address).encodeFunctionCall(), "swap");
                ethHeld = ethHeld.subtract(amountIn);
                usd = usd.add(minOut(out));
            } else if (usd.compareTo(USD) >= 0) {
                BigInteger amountIn = fraction(usd, share);
                BigInteger out = amm.swap(true, amountIn);
                walletSend(w, pairAddress, pair.swapExactIn(usdAddress, amountIn, minOut(out), w.address).encodeFunctionCall(), "swap");
                usd = usd.subtract(amountIn);
                ethHeld = ethHeld.add(minOut(out));
            }
        }
        if (plan.lend && usd.compareTo(USD.multiply(BigInteger.valueOf(100))) > 0) {
            BigInteger amount = fraction(usd, 0.5);
            walletSend(w, poolAddress, pool.deposit(amount, w.address).encodeFunctionCall(), "lend");
            availableLiquidity = availableLiquidity.add(amount);
        }
        BigInteger shares = balance(shareBalances, w.address);
        if (plan.redeem && shares.signum() > 0) {
            walletSend(w, poolAddress, pool.redeem(shares, w.address, w.address).encodeFunctionCall(), "redeem");
        }
        if (plan.cashOut) {
            byte[] commitment = Seeds.bytes32(options.seed(), "cash-out/" + w.index);
            walletSend(w, mixerAddress, MIXER_DENOMINATION,
                    mixer.deposit(commitment, MIXER_DENOMINATION).encodeFunctionCall(), MIXER_CASH_OUT);
        }
    }

    private void walletSend(WalletState w, String to, String data, String what) {
        walletSend(w, to, BigInteger.ZERO, data, what);
    }

    private void walletSend(WalletState w, String to, BigInteger value, String data, String what) {
        blocks.send(w.credentials, to, value, data, new WalletTx(w, what));
        w.transactions++;
    }

    private record WalletTx(WalletState wallet, String what) {
        @Override
        public String toString() {
            return what + " by wallet " + wallet.index;
        }
    }

    /* ================================================================ chain state */

    /** Every wallet with debt: one batched positionOf each; returns the liquidatable ones. */
    private List<WalletState> readPositions() {
        List<WalletState> debtors = wallets.stream().filter(WalletState::hasDebt).toList();
        List<DevnetRpc.Call> calls = new ArrayList<>();
        calls.add(new DevnetRpc.Call(poolAddress, pool.availableLiquidity().encodeFunctionCall()));
        calls.add(new DevnetRpc.Call(poolAddress, pool.totalDebt().encodeFunctionCall()));
        for (WalletState w : debtors) {
            calls.add(new DevnetRpc.Call(poolAddress, pool.positionOf(w.address).encodeFunctionCall()));
        }
        List<String> results = rpc.callAll(calls);
        availableLiquidity = word(results.get(0), 0);
        totalDebt = word(results.get(1), 0);
        List<WalletState> liquidatable = new ArrayList<>();
        for (int i = 0; i < debtors.size(); i++) {
            String view = results.get(i + 2);
            WalletState w = debtors.get(i);
            w.collateral = word(view, 0);
            w.debt = word(view, 1);
            if (word(view, 6).signum() != 0) {
                liquidatable.add(w);
            }
        }
        // the lender adds liquidity when utilization passes 70%
        BigInteger supplied = totalDebt.add(availableLiquidity);
        if (supplied.signum() > 0 && totalDebt.multiply(BigInteger.TEN).compareTo(supplied.multiply(BigInteger.valueOf(7))) > 0) {
            lenderTopUp = totalDebt.divide(BigInteger.TWO);
        }
        return liquidatable;
    }

    /** Follows the mined logs: balances, positions, tiers, reserves, and the counts in the manifest. */
    private void apply(BlockBuilder.Mined mined) {
        lastBlock = mined;
        for (BlockBuilder.Included tx : mined.transactions()) {
            if (tx.tag() instanceof WalletTx walletTx) {
                if (!tx.success()) {
                    walletTx.wallet().failedTransactions++;
                } else if (walletTx.what().equals(MIXER_CASH_OUT)) {
                    walletTx.wallet().mixerDeposits++;
                }
            }
            if (!tx.success()) {
                continue;
            }
            for (Log log : tx.receipt().getLogs()) {
                applyLog(log, mined);
            }
        }
    }

    private void applyLog(Log log, BlockBuilder.Mined mined) {
        List<String> topics = log.getTopics();
        if (topics.isEmpty()) {
            return;
        }
        String address = lower(log.getAddress());
        String topic = topics.getFirst();
        String data = log.getData();
        if (topic.equals(TRANSFER)) {
            String from = topicAddress(topics.get(1));
            String to = topicAddress(topics.get(2));
            BigInteger amount = word(data, 0);
            Map<String, BigInteger> balances = address.equals(usdAddress) ? usdBalances
                    : address.equals(ethAddress) ? ethBalances : address.equals(poolAddress) ? shareBalances : null;
            if (balances != null) {
                balances.merge(from, amount.negate(), BigInteger::add);
                balances.merge(to, amount, BigInteger::add);
            }
            return;
        }
        if (address.equals(poolAddress)) {
            if (topic.equals(SUPPLY_COLLATERAL)) {
                wallet(topics.get(2), w -> {
                    w.collateral = w.collateral.add(word(data, 0));
                    w.collateralSupplies++;
                });
            } else if (topic.equals(WITHDRAW_COLLATERAL)) {
                wallet(topics.get(1), w -> {
                    w.collateral = w.collateral.subtract(word(data, 0)).max(BigInteger.ZERO);
                    w.collateralWithdrawals++;
                });
            } else if (topic.equals(BORROW)) {
                borrows++;
                wallet(topics.get(1), w -> {
                    w.debt = w.debt.add(word(data, 0));
                    w.borrows++;
                });
            } else if (topic.equals(REPAY)) {
                repays++;
                wallet(topics.get(2), w -> {
                    w.debt = w.debt.subtract(word(data, 0)).max(BigInteger.ZERO);
                    if (w.debt.compareTo(BigInteger.TEN) < 0) {
                        w.debt = BigInteger.ZERO;
                    }
                    w.repays++;
                });
            } else if (topic.equals(LIQUIDATE)) {
                liquidations++;
                wallet(topics.get(2), w -> {
                    w.collateral = w.collateral.subtract(word(data, 1)).max(BigInteger.ZERO);
                    w.debt = BigInteger.ZERO; // the liquidator repays everything it can; the rest is written off
                    w.liquidations++;
                    w.loanOpen = false;
                    w.nextBorrowDay = Integer.MAX_VALUE;
                    if (!w.neverRepays) {
                        w.nextBorrowDay = dayOf(mined.timestamp()) + 10 + w.random.nextInt(30);
                    }
                });
            } else if (topic.equals(BAD_DEBT)) {
                writeOffs++;
                badDebt = badDebt.add(word(data, 0));
                wallet(topics.get(1), w -> w.writeOffs++);
            } else if (topic.equals(LENDER_DEPOSIT)) {
                wallet(topics.get(2), w -> w.lenderDeposits++);
            } else if (topic.equals(LENDER_WITHDRAW)) {
                wallet(topics.get(3), w -> w.lenderWithdrawals++);
            }
        } else if (address.equals(oracleAddress) && topic.equals(ATTESTATION_ACCEPTED)) {
            attestations++;
            wallet(topics.get(1), w -> {
                w.attestedTier = word(data, 1).intValueExact();
                w.attestationExpiresAt = word(data, 3).longValueExact();
                w.attestations++;
            });
        } else if (address.equals(pairAddress)) {
            if (topic.equals(SYNC)) {
                amm.sync(word(data, 0), word(data, 1));
            } else if (topic.equals(SWAP)) {
                swaps++;
                wallet(topics.get(2), w -> w.swaps++);
            }
        } else if (address.equals(mixerAddress)) {
            if (topic.equals(MIXER_DEPOSIT)) {
                mixerDepositsCount++;
            } else if (topic.equals(MIXER_WITHDRAWAL)) {
                mixerWithdrawals++;
            }
        }
    }

    private void wallet(String topic, Consumer<WalletState> action) {
        WalletState w = byAddress.get(topicAddress(topic));
        if (w != null) {
            action.accept(w);
        }
    }

    private int dayOf(long timestamp) {
        return (int) ((timestamp - t0) / DAY);
    }

    /* ================================================================ manifest and progress */

    private void report(int day) {
        progress.accept(String.format(Locale.ROOT,
                "day %3d/%d  price %,9.2f  blocks %,6d  txs %,7d (failed %,d)  borrows %,6d  repays %,6d  liquidations %,5d  write-offs %,4d",
                day + 1, options.days(), prices.price(day), blocks.blocks(), blocks.transactions(),
                blocks.failedTransactions(), borrows, repays, liquidations, writeOffs));
    }

    private ScenarioManifest manifest() throws Exception {
        // count mixer cash-outs from the wallets' own successful transactions
        List<ScenarioManifest.Wallet> entries = new ArrayList<>();
        for (WalletState w : wallets) {
            entries.add(new ScenarioManifest.Wallet(w.address, w.archetype, w.clusterId >= 0 ? w.clusterId : null,
                    w.funding, w.fundedBy, SESSION_UTC_OFFSETS[w.homeSession], w.startDay, w.attestations > 0,
                    w.attestations > 0 ? w.initialTier : 0,
                    new ScenarioManifest.Counts(w.transactions, w.failedTransactions, w.borrows, w.repays,
                            w.liquidations, w.writeOffs, w.swaps, w.attestations, w.collateralSupplies,
                            w.collateralWithdrawals, w.lenderDeposits, w.lenderWithdrawals, w.mixerDeposits)));
        }
        BigInteger socialized = pool.totalSocializedLoss().send();
        Map<Archetype, Integer> archetypeCounts = new EnumMap<>(Archetype.class);
        for (WalletState w : wallets) {
            archetypeCounts.merge(w.archetype, 1, Integer::sum);
        }
        List<Long> daily = new ArrayList<>();
        for (long answer : prices.answers()) {
            daily.add(answer);
        }
        ScenarioManifest.Contracts contracts = new ScenarioManifest.Contracts(poolAddress, oracleAddress,
                lower(deployment.modelRegistry()), lower(deployment.timelock()), usdAddress, ethAddress,
                lower(deployment.priceFeed()), pairAddress, mixerAddress);
        ScenarioManifest.Accounts accounts = new ScenarioManifest.Accounts(lower(deployer.getAddress()),
                lower(DevnetAccounts.SCORER.address()), lower(lender.getAddress()), lower(liquidator.getAddress()),
                lower(relayer.getAddress()), lower(exchange.getAddress()), lower(marketMaker.getAddress()),
                lower(faucet.getAddress()), mixerDepositors.stream().map(c -> lower(c.getAddress())).toList());
        ScenarioManifest.Totals totals = new ScenarioManifest.Totals(blocks.blocks(), blocks.transactions(),
                blocks.failedTransactions(), borrows, repays, liquidations, writeOffs, badDebt, socialized, swaps,
                attestations, mixerDepositsCount, mixerWithdrawals);
        return new ScenarioManifest(ScenarioManifest.SCHEMA_VERSION, options.seed(), options.wallets(), options.days(),
                chain.chainId(), genesisTimestamp, startTimestamp, t0, lastBlock.timestamp(), startBlock, lastBlock.number(),
                lastBlock.hash(), contracts, accounts, prices.crashStart(), prices.crashDays(), daily, archetypeCounts,
                clusters, totals, entries);
    }

    /* ================================================================ helpers */

    private void mint(String token, Credentials to, BigInteger amount) {
        mint(token, to.getAddress(), amount);
    }

    private void mint(String token, String to, BigInteger amount) {
        blocks.send(deployer, token, BigInteger.ZERO, usdToken.mint(to, amount).encodeFunctionCall(), "mint");
    }

    private void approve(String token, Credentials owner, String spender, String what) {
        blocks.send(owner, token, BigInteger.ZERO, usdToken.approve(spender, MAX_UINT).encodeFunctionCall(), what);
    }

    private void transfer(String token, Credentials from, String to, BigInteger amount, String what) {
        blocks.send(from, token, BigInteger.ZERO, usdToken.transfer(to, amount).encodeFunctionCall(), what);
    }

    private void sendEth(Credentials from, String to, BigInteger amount, String what) {
        blocks.send(from, to, amount, "", what);
    }

    private BigInteger borrowLimit(BigInteger collateral, BigInteger answer, int tier) {
        BigInteger value = value(collateral, answer);
        LendingPool.TierParams params = tiers[tier];
        BigInteger limit = value.multiply(BPS).divide(params.collateralRatioBps);
        return limit.min(value.add(params.creditCap));
    }

    private static BigInteger value(BigInteger collateral, BigInteger answer) {
        return collateral.multiply(answer).divide(PRICE_SCALE);
    }

    private static BigInteger fraction(BigInteger amount, double share) {
        return amount.multiply(BigInteger.valueOf(Math.round(share * 1_000_000))).divide(BigInteger.valueOf(1_000_000));
    }

    private static BigInteger minOut(BigInteger expected) {
        return expected.multiply(BigInteger.valueOf(98)).divide(BigInteger.valueOf(100));
    }

    private static BigInteger eth(double amount) {
        return BigInteger.valueOf(Math.round(amount * 1_000_000)).multiply(ETH).divide(BigInteger.valueOf(1_000_000));
    }

    private static BigInteger balance(Map<String, BigInteger> balances, String address) {
        return balances.getOrDefault(lower(address), BigInteger.ZERO);
    }

    private static BigInteger word(String hex, int index) {
        String clean = Numeric.cleanHexPrefix(hex);
        return new BigInteger(clean.substring(index * 64, index * 64 + 64), 16);
    }

    private static String topicAddress(String topic) {
        return "0x" + Numeric.cleanHexPrefix(topic).substring(24).toLowerCase(Locale.ROOT);
    }

    private static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    private static String credentialsAddress(WalletState w) {
        return w.credentials.getAddress();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An anvil development account beyond the named roles, derived exactly as anvil derives it. */
    static Credentials anvilAccount(int index) {
        byte[] seed = MnemonicUtils.generateSeed(Anvil.MNEMONIC, "");
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
        int[] path = {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT, Bip32ECKeyPair.HARDENED_BIT, 0, index};
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
    }
}
