package io.creditlayer.features.decode;

import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.features.model.Action;
import io.creditlayer.features.model.DecodedEvent;
import io.creditlayer.features.model.LogRef;
import io.creditlayer.features.model.Protocol;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.NumericType;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Decodes raw logs into {@link DecodedEvent}s: ERC-20 transfers, Aave V2/V3, Compound V3 (Comet), Uniswap V2/V3 swaps,
 * and CreditLayer's own {@code LendingPool}/{@code CreditOracle} events. Thread-safe; one instance can be shared.
 *
 * <h2>Anti-spoofing</h2>
 * Anyone can deploy a contract that emits an event with Aave's, Compound's or CreditLayer's signature to fake a
 * credit history. Lending-protocol events (Aave V2/V3, Comet, CreditLayer pool and oracle) are therefore decoded
 * <b>only</b> when the emitting contract is in the {@link KnownContracts} address book for the chain; otherwise the log
 * is dropped and counted in {@link Counters#skippedUnknownContract()}. ERC-20 {@code Transfer} and Uniswap V2/V3
 * {@code Swap} are decoded from any contract (their protocol tag therefore means "has the Uniswap V2/V3 layout", which
 * includes forks such as SushiSwap): consumers must judge the token/pool, e.g. through
 * {@link KnownContracts#stablecoins()}.
 *
 * <h2>Dispatch and failure handling</h2>
 * One {@code HashMap} lookup on topic0, then at most two candidate layouts chosen by the emitting address (Aave V2
 * and V3 share the {@code Withdraw} and {@code LiquidationCall} topic0: the pool set the address is in decides).
 * Nothing is thrown for any input: unknown topics, removed (re-orged) logs, unknown contracts, foreign layouts
 * (ERC-721 {@code Transfer} with 4 topics) and malformed logs (wrong topic count, wrong data length, undecodable hex,
 * no block position) are skipped and counted. Only genuinely malformed input goes through an exception internally.
 * Values are decoded with web3j ({@code FunctionReturnDecoder.decodeIndexedValue}/{@code decode} on the
 * {@link DefiEvents} types, and the generated wrappers' {@code get…EventFromLog} for CreditLayer), which reads the
 * low-order bytes of each 32-byte word: a word with dirty high bits (never produced by Solidity, only by a
 * hand-written emitter) is read as its low-order bytes rather than rejected.
 *
 * <h2>Field mapping</h2>
 * Every address is lower-case. Amounts are raw token units. Per event:
 * <ul>
 *   <li>ERC-20 {@code Transfer}: TRANSFER, wallet = from (the zero address for mints), counterparty = to,
 *       asset = the token (emitting contract), amount = value.</li>
 *   <li>Aave V3 {@code Supply} / V2 {@code Deposit}: DEPOSIT, wallet = onBehalfOf, counterparty = user (the caller),
 *       asset = reserve. Aave has no separate collateral action: supplied reserves are collateral when enabled.</li>
 *   <li>Aave {@code Withdraw}: WITHDRAW, wallet = user, counterparty = to, asset = reserve.</li>
 *   <li>Aave {@code Borrow}: BORROW, wallet = onBehalfOf (the debtor), counterparty = user (the caller),
 *       asset = reserve, detail = interest-rate mode (1 stable, 2 variable).</li>
 *   <li>Aave {@code Repay}: REPAY, wallet = user (whose debt), counterparty = repayer, asset = reserve
 *       (V3 {@code useATokens} is not kept).</li>
 *   <li>Aave {@code LiquidationCall}: LIQUIDATED, wallet = user, counterparty = liquidator, asset = debtAsset,
 *       amount = debtToCover (the debt actually repaid by the liquidator).</li>
 *   <li>Compound V3 (Comet) {@code Supply(from, dst, amount)}: DEPOSIT, wallet = dst, counterparty = from. The
 *       base asset is not in the event: asset = the Comet contract itself (one Comet per base asset, e.g.
 *       cUSDCv3 = USDC).</li>
 *   <li>Comet {@code Withdraw(src, to, amount)}: WITHDRAW, wallet = src, counterparty = to, asset = the Comet.
 *       <b>Limitation:</b> in Comet, withdrawing the base asset beyond the supplied balance <i>is</i> borrowing, and
 *       supplying while in debt <i>is</i> repaying; there are no separate Borrow/Repay events. The event alone
 *       cannot tell them apart: that needs the account's principal before the call ({@code userBasic}) or the
 *       accompanying cUSDCv3 {@code Transfer} (a withdrawal of supplied balance burns it, a borrow does not). So a
 *       Comet borrow is reported here as WITHDRAW and a Comet repay as DEPOSIT.</li>
 *   <li>Comet {@code SupplyCollateral(from, dst, asset, amount)}: SUPPLY_COLLATERAL, wallet = dst, counterparty =
 *       from, asset = asset; {@code WithdrawCollateral(src, to, asset, amount)}: WITHDRAW_COLLATERAL, wallet = src,
 *       counterparty = to, asset = asset.</li>
 *   <li>Comet {@code AbsorbDebt(absorber, borrower, basePaidOut, usdValue)}: LIQUIDATED, wallet = borrower,
 *       counterparty = absorber, amount = basePaidOut, asset = the Comet. ({@code AbsorbCollateral} is not decoded:
 *       one liquidation gives one LIQUIDATED event.)</li>
 *   <li>Uniswap V2 {@code Swap}: SWAP, wallet = to, counterparty = sender (usually the router), asset = the pair,
 *       amount = amount0In + amount1In. In a normal swap exactly one of the two is non-zero, so this is the input
 *       amount of whichever token was sold, in that token's units (the token itself is not in the event: resolve it
 *       from the pair's token0/token1 if needed).</li>
 *   <li>Uniswap V3 {@code Swap}: SWAP, wallet = recipient, counterparty = sender, asset = the pool,
 *       amount = |amount0| (token0 units; positive amount0 means token0 went into the pool, negative means out;
 *       the sign is dropped because amounts are never negative).</li>
 *   <li>CreditLayer {@code LendingPool}: SupplyCollateral(caller, onBehalf, amount) → SUPPLY_COLLATERAL wallet =
 *       onBehalf; WithdrawCollateral(borrower, receiver, amount) → WITHDRAW_COLLATERAL wallet = borrower;
 *       Borrow(borrower, receiver, assets, tier, ratio) → BORROW detail = tier; Repay(caller, onBehalf, assets) →
 *       REPAY wallet = onBehalf; Liquidate(liquidator, borrower, repaid, seized, badDebt) → LIQUIDATED amount =
 *       repaid; BadDebtWrittenOff(borrower, amount, …) → WRITE_OFF; ERC-4626 Deposit(sender, owner, assets, shares)
 *       → DEPOSIT wallet = owner; Withdraw(sender, receiver, owner, assets, shares) → WITHDRAW wallet = owner.
 *       asset = the pool's collateral token (collateral events) or loan token (all others) when the address book
 *       knows it, else the pool address. The pool's own share-token {@code Transfer} is an ordinary ERC-20
 *       transfer.</li>
 *   <li>CreditLayer {@code CreditOracle} AttestationAccepted: ATTESTED wallet = borrower, counterparty = signer,
 *       amount = score, detail = tier, asset = null.</li>
 * </ul>
 */
@SuppressWarnings("rawtypes") // web3j's decoder API hands back raw List<Type>
public final class EventDecoder {

    /**
     * A snapshot of the counters. Every log passed to {@link #decode(Log)} lands in exactly one of them.
     *
     * @param decoded                logs decoded into an event
     * @param unknownTopic           no topics, or a topic0 the decoder does not know (the normal case for most logs)
     * @param skippedUnknownContract a lending-protocol topic0 from a contract not in the address book (spoof or
     *                               another deployment)
     * @param skippedOtherLayout     a known topic0 with a legitimately different layout (ERC-721 Transfer: 4 topics;
     *                               old tokens with non-indexed Transfer parameters)
     * @param malformed              wrong topic count or data length, undecodable values, or no block position
     * @param removed                logs flagged {@code removed: true} (dropped by a re-org)
     */
    public record Counters(long decoded, long unknownTopic, long skippedUnknownContract, long skippedOtherLayout,
                           long malformed, long removed) {
        /** All logs seen. */
        public long total() {
            return decoded + unknownTopic + skippedUnknownContract + skippedOtherLayout + malformed + removed;
        }
    }

    /** Which address-book set an event's emitter must be in. */
    private enum Scope { ANY, AAVE_V2, AAVE_V3, COMET, CREDITLAYER_POOL, CREDITLAYER_ORACLE, MIXER }

    @FunctionalInterface
    private interface Mapper {
        /** Builds the event; may throw on undecodable input (counted as malformed). */
        DecodedEvent map(Spec spec, Log log, LogRef ref, String contract);
    }

    /** One event layout: what to expect from the log and how to turn it into a DecodedEvent. */
    private static final class Spec {
        final String topic0;
        final Protocol protocol;
        final Scope scope;
        final int topicCount;
        /** Expected data length in hex characters, without the 0x prefix (all our non-indexed types are static). */
        final int dataHexChars;
        /** A different topic count is another standard's event (ERC-721), not a malformed log. */
        final boolean otherTopicCountIsForeign;
        final List<TypeReference<Type>> indexed;
        final List<TypeReference<Type>> nonIndexed;
        /** {@code prefixes.get(k)}: the first k non-indexed types, to decode only the data words a mapping uses. */
        final List<List<TypeReference<Type>>> prefixes;
        final Mapper mapper;
        /** A second event some logs carry (a liquidation also moves the borrower's collateral), or null. */
        Mapper also;

        Spec(Event event, Protocol protocol, Scope scope, boolean otherTopicCountIsForeign, Mapper mapper) {
            this.topic0 = EventEncoder.encode(event);
            this.protocol = protocol;
            this.scope = scope;
            this.indexed = List.copyOf(event.getIndexedParameters());
            this.nonIndexed = List.copyOf(event.getNonIndexedParameters());
            List<List<TypeReference<Type>>> p = new ArrayList<>();
            for (int k = 0; k <= nonIndexed.size(); k++) {
                p.add(nonIndexed.subList(0, k));
            }
            this.prefixes = List.copyOf(p);
            this.topicCount = 1 + indexed.size();
            this.dataHexChars = 64 * nonIndexed.size();
            this.otherTopicCountIsForeign = otherTopicCountIsForeign;
            this.mapper = mapper;
        }
    }

    private final KnownContracts known;
    private final Map<String, Spec[]> routes;
    private final Set<String> topics;
    private final Map<Protocol, Set<String>> topicsByProtocol;

    private final LongAdder decoded = new LongAdder();
    private final LongAdder unknownTopic = new LongAdder();
    private final LongAdder skippedUnknownContract = new LongAdder();
    private final LongAdder skippedOtherLayout = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder removed = new LongAdder();

    public EventDecoder(KnownContracts known) {
        this.known = Objects.requireNonNull(known, "known");
        Map<String, List<Spec>> byTopic = new LinkedHashMap<>();
        Map<Protocol, Set<String>> byProtocol = new EnumMap<>(Protocol.class);
        for (Spec spec : specs()) {
            byTopic.computeIfAbsent(spec.topic0, k -> new ArrayList<>()).add(spec);
            byProtocol.computeIfAbsent(spec.protocol, k -> new HashSet<>()).add(spec.topic0);
        }
        Map<String, Spec[]> r = new HashMap<>(byTopic.size() * 2);
        byTopic.forEach((topic, list) -> r.put(topic, list.toArray(Spec[]::new)));
        this.routes = r;
        this.topics = Set.copyOf(byTopic.keySet());
        Map<Protocol, Set<String>> bp = new EnumMap<>(Protocol.class);
        byProtocol.forEach((p, s) -> bp.put(p, Set.copyOf(s)));
        this.topicsByProtocol = bp;
    }

    /** The address book this decoder trusts. */
    public KnownContracts knownContracts() {
        return known;
    }

    /** Every topic0 this decoder understands (lower-case 0x hex), for {@code eth_getLogs} topic filters. */
    public Set<String> topics() {
        return topics;
    }

    /** The topic0s of one protocol's events (Aave V2 and V3 share two). Empty for none. */
    public Set<String> topics(Protocol protocol) {
        return topicsByProtocol.getOrDefault(protocol, Set.of());
    }

    /**
     * Decodes one log. Returns an empty list for anything that is not a decodable, trusted event (see the class
     * doc); never throws.
     */
    public List<DecodedEvent> decode(Log log) {
        if (log == null) {
            malformed.increment();
            return List.of();
        }
        if (log.isRemoved()) {
            removed.increment();
            return List.of();
        }
        List<String> logTopics = log.getTopics();
        if (logTopics == null || logTopics.isEmpty() || logTopics.getFirst() == null) {
            unknownTopic.increment();
            return List.of();
        }
        String topic0 = logTopics.getFirst();
        Spec[] candidates = routes.get(topic0);
        if (candidates == null) {
            // JSON-RPC returns lower-case hex; accept other spellings by normalising the (rare) log.
            candidates = routes.get(topic0.toLowerCase(Locale.ROOT));
            if (candidates == null) {
                unknownTopic.increment();
                return List.of();
            }
            log = withLowerCaseTopics(log);
            logTopics = log.getTopics();
        }
        String address = log.getAddress();
        if (address == null) {
            malformed.increment();
            return List.of();
        }
        String contract = address.toLowerCase(Locale.ROOT);
        Spec spec = select(candidates, contract);
        if (spec == null) {
            skippedUnknownContract.increment();
            return List.of();
        }
        if (logTopics.size() != spec.topicCount) {
            (spec.otherTopicCountIsForeign ? skippedOtherLayout : malformed).increment();
            return List.of();
        }
        String data = log.getData();
        if (data == null || hexLength(data) != spec.dataHexChars || !isHex(data, data.length() - spec.dataHexChars)
                || !topicsAreWords(logTopics)) {
            malformed.increment();
            return List.of();
        }
        try {
            LogRef ref = ref(log);
            if (ref == null) {
                malformed.increment();
                return List.of();
            }
            DecodedEvent event = spec.mapper.map(spec, log, ref, contract);
            if (spec.also != null) {
                DecodedEvent second = spec.also.map(spec, log, ref, contract);
                decoded.increment();
                return List.of(event, second);
            }
            decoded.increment();
            return List.of(event);
        } catch (RuntimeException undecodable) {
            // Non-hex characters, out-of-range values, null topics: the log is corrupt, not ours to throw for.
            malformed.increment();
            return List.of();
        }
    }

    /** A snapshot of all counters. */
    public Counters counters() {
        return new Counters(decoded.sum(), unknownTopic.sum(), skippedUnknownContract.sum(), skippedOtherLayout.sum(),
                malformed.sum(), removed.sum());
    }

    public long decodedCount() {
        return decoded.sum();
    }

    public long skippedUnknownContractCount() {
        return skippedUnknownContract.sum();
    }

    public long malformedCount() {
        return malformed.sum();
    }

    public void resetCounters() {
        decoded.reset();
        unknownTopic.reset();
        skippedUnknownContract.reset();
        skippedOtherLayout.reset();
        malformed.reset();
        removed.reset();
    }

    // ------------------------------------------------------------------ dispatch

    private Spec select(Spec[] candidates, String contract) {
        for (Spec spec : candidates) {
            if (inScope(spec.scope, contract)) {
                return spec;
            }
        }
        return null;
    }

    private boolean inScope(Scope scope, String contract) {
        return switch (scope) {
            case ANY -> true;
            case AAVE_V2 -> known.aaveV2Pools().contains(contract);
            case AAVE_V3 -> known.aaveV3Pools().contains(contract);
            case COMET -> known.cometMarkets().contains(contract);
            case CREDITLAYER_POOL -> known.creditLayerPools().containsKey(contract);
            case CREDITLAYER_ORACLE -> known.creditLayerOracles().contains(contract);
            case MIXER -> known.mixers().contains(contract);
        };
    }

    /** All layouts, in priority order within a topic0 (only Aave V3 before V2 matters: the address decides). */
    private List<Spec> specs() {
        List<Spec> s = new ArrayList<>();

        // ERC-20 Transfer from any contract; 4 topics = ERC-721 (tokenId indexed), other counts = non-indexed variants.
        s.add(new Spec(DefiEvents.ERC20_TRANSFER, Protocol.ERC20, Scope.ANY, true, (sp, log, ref, c) -> {
            List<Type> d = data(sp, log, 1);
            return event(ref, c, sp, Action.TRANSFER, topicAddress(sp, log, 0), topicAddress(sp, log, 1), c, number(d, 0), 0);
        }));

        // Aave V3 Pool
        s.add(new Spec(DefiEvents.AAVE_V3_SUPPLY, Protocol.AAVE_V3, Scope.AAVE_V3, false, EventDecoder::aaveDeposit));
        s.add(new Spec(DefiEvents.AAVE_V3_WITHDRAW, Protocol.AAVE_V3, Scope.AAVE_V3, false, EventDecoder::aaveWithdraw));
        s.add(new Spec(DefiEvents.AAVE_V3_BORROW, Protocol.AAVE_V3, Scope.AAVE_V3, false, EventDecoder::aaveBorrow));
        s.add(new Spec(DefiEvents.AAVE_V3_REPAY, Protocol.AAVE_V3, Scope.AAVE_V3, false, EventDecoder::aaveRepay));
        s.add(new Spec(DefiEvents.AAVE_V3_LIQUIDATION_CALL, Protocol.AAVE_V3, Scope.AAVE_V3, false,
                EventDecoder::aaveLiquidation));

        // Aave V2 LendingPool (Withdraw and LiquidationCall share topic0 with V3)
        s.add(new Spec(DefiEvents.AAVE_V2_DEPOSIT, Protocol.AAVE_V2, Scope.AAVE_V2, false, EventDecoder::aaveDeposit));
        s.add(new Spec(DefiEvents.AAVE_V2_WITHDRAW, Protocol.AAVE_V2, Scope.AAVE_V2, false, EventDecoder::aaveWithdraw));
        s.add(new Spec(DefiEvents.AAVE_V2_BORROW, Protocol.AAVE_V2, Scope.AAVE_V2, false, EventDecoder::aaveBorrow));
        s.add(new Spec(DefiEvents.AAVE_V2_REPAY, Protocol.AAVE_V2, Scope.AAVE_V2, false, EventDecoder::aaveRepay));
        s.add(new Spec(DefiEvents.AAVE_V2_LIQUIDATION_CALL, Protocol.AAVE_V2, Scope.AAVE_V2, false,
                EventDecoder::aaveLiquidation));

        // Compound V3 Comet
        s.add(new Spec(DefiEvents.COMET_SUPPLY, Protocol.COMPOUND_V3, Scope.COMET, false, (sp, log, ref, c) ->
                event(ref, c, sp, Action.DEPOSIT, topicAddress(sp, log, 1), topicAddress(sp, log, 0), c,
                        number(data(sp, log, 1), 0), 0)));
        s.add(new Spec(DefiEvents.COMET_WITHDRAW, Protocol.COMPOUND_V3, Scope.COMET, false, (sp, log, ref, c) ->
                event(ref, c, sp, Action.WITHDRAW, topicAddress(sp, log, 0), topicAddress(sp, log, 1), c,
                        number(data(sp, log, 1), 0), 0)));
        s.add(new Spec(DefiEvents.COMET_SUPPLY_COLLATERAL, Protocol.COMPOUND_V3, Scope.COMET, false,
                (sp, log, ref, c) -> event(ref, c, sp, Action.SUPPLY_COLLATERAL, topicAddress(sp, log, 1),
                        topicAddress(sp, log, 0), topicAddress(sp, log, 2), number(data(sp, log, 1), 0), 0)));
        s.add(new Spec(DefiEvents.COMET_WITHDRAW_COLLATERAL, Protocol.COMPOUND_V3, Scope.COMET, false,
                (sp, log, ref, c) -> event(ref, c, sp, Action.WITHDRAW_COLLATERAL, topicAddress(sp, log, 0),
                        topicAddress(sp, log, 1), topicAddress(sp, log, 2), number(data(sp, log, 1), 0), 0)));
        s.add(new Spec(DefiEvents.COMET_ABSORB_DEBT, Protocol.COMPOUND_V3, Scope.COMET, false, (sp, log, ref, c) ->
                event(ref, c, sp, Action.LIQUIDATED, topicAddress(sp, log, 1), topicAddress(sp, log, 0), c,
                        number(data(sp, log, 1), 0), 0)));

        // Uniswap (any contract)
        s.add(new Spec(DefiEvents.UNISWAP_V2_SWAP, Protocol.UNISWAP_V2, Scope.ANY, false, (sp, log, ref, c) -> {
            List<Type> d = data(sp, log, 2); // amount0In, amount1In
            return event(ref, c, sp, Action.SWAP, topicAddress(sp, log, 1), topicAddress(sp, log, 0), c,
                    number(d, 0).add(number(d, 1)), 0);
        }));
        s.add(new Spec(DefiEvents.UNISWAP_V3_SWAP, Protocol.UNISWAP_V3, Scope.ANY, false, (sp, log, ref, c) ->
                event(ref, c, sp, Action.SWAP, topicAddress(sp, log, 1), topicAddress(sp, log, 0), c,
                        number(data(sp, log, 1), 0).abs(), 0)));

        // Known mixers (Tornado Cash pools, and the devnet stand-in with the same event): withdrawals fund wallets
        // through internal calls, so this log is the only trace of a mixer-funded wallet.
        s.add(new Spec(DefiEvents.TORNADO_WITHDRAWAL, Protocol.MIXER, Scope.MIXER, false, (sp, log, ref, c) -> {
            List<Type> d = data(sp, log, 3); // to, nullifierHash, fee
            return event(ref, c, sp, Action.MIXER_WITHDRAWAL, lower(address(d, 0)), topicAddress(sp, log, 0), null,
                    number(d, 2), 0);
        }));

        // CreditLayer LendingPool and CreditOracle: the generated wrappers' Event definitions (from the compiled ABI),
        // decoded through the same prefix decoding as the other protocols; the wrappers' get...EventFromLog would
        // re-hash the event signature for every log and halve the throughput.
        s.add(new Spec(LendingPool.SUPPLYCOLLATERAL_EVENT, Protocol.CREDITLAYER_POOL, Scope.CREDITLAYER_POOL, false,
                (sp, log, ref, c) -> event(ref, c, sp, Action.SUPPLY_COLLATERAL, topicAddress(sp, log, 1),
                        topicAddress(sp, log, 0), collateralOf(c), number(data(sp, log, 1), 0), 0)));
        s.add(new Spec(LendingPool.WITHDRAWCOLLATERAL_EVENT, Protocol.CREDITLAYER_POOL, Scope.CREDITLAYER_POOL, false,
                (sp, log, ref, c) -> event(ref, c, sp, Action.WITHDRAW_COLLATERAL, topicAddress(sp, log, 0),
                        topicAddress(sp, log, 1), collateralOf(c), number(data(sp, log, 1), 0), 0)));
        s.add(new Spec(LendingPool.BORROW_EVENT, Protocol.CREDITLAYER_POOL, Scope.CREDITLAYER_POOL, false,
                (sp, log, ref, c) -> {
                    List<Type> d = data(sp, log, 2); // assets, tier
                    return event(ref, c, sp, Action.BORROW, topicAddress(sp, log, 0), topicAddress(sp, log, 1), loanOf(c),
                            number(d, 0), number(d, 1).intValueExact());
                }));
        s.add(new Spec(LendingPool.REPAY_EVENT, Protocol.CREDITLAYER_POOL, Scope.CREDITLAYER_POOL, false,
                (sp, log, ref, c) -> event(ref, c, sp, Action.REPAY, topicAddress(sp, log, 1), topicAddress(sp, log, 0),
                        loanOf(c), number(data(sp, log, 1), 0), 0)));
        // Liquidate(liquidator*, borrower*, repaid, seizedCollateral, badDebt): the debt covered, and the collateral
        // the liquidator took (a collateral withdrawal from the borrower's position).
        Spec liquidate = new Spec(LendingPool.LIQUIDATE_EVENT, Protocol.CREDITLAYER_POOL, Scope.CREDITLAYER_POOL, false,
                (sp, log, ref, c) -> event(ref, c, sp, Action.LIQUIDATED, topicAddress(sp, log, 1), topicAddress(sp, log, 0),
                        loanOf(c), number(data(sp, log, 1), 0), 0));
        liquidate.also = (sp, log, ref, c) -> event(ref, c, sp, Action.WITHDRAW_COLLATERAL, topicAddress(sp, log, 1),
                topicAddress(sp, log, 0), collateralOf(c), number(data(sp, log, 2), 1), 0);
        s.add(liquidate);
        s.add(new Spec(LendingPool.BADDEBTWRITTENOFF_EVENT, Protocol.CREDITLAYER_POOL, Scope.CREDITLAYER_POOL, false,
                (sp, log, ref, c) -> event(ref, c, sp, Action.WRITE_OFF, topicAddress(sp, log, 0), null, loanOf(c),
                        number(data(sp, log, 1), 0), 0)));
        // ERC-4626 Deposit(sender*, owner*, assets, shares) and Withdraw(sender*, receiver*, owner*, assets, shares)
        s.add(new Spec(LendingPool.DEPOSIT_EVENT, Protocol.CREDITLAYER_POOL, Scope.CREDITLAYER_POOL, false,
                (sp, log, ref, c) -> event(ref, c, sp, Action.DEPOSIT, topicAddress(sp, log, 1), topicAddress(sp, log, 0),
                        loanOf(c), number(data(sp, log, 1), 0), 0)));
        s.add(new Spec(LendingPool.WITHDRAW_EVENT, Protocol.CREDITLAYER_POOL, Scope.CREDITLAYER_POOL, false,
                (sp, log, ref, c) -> event(ref, c, sp, Action.WITHDRAW, topicAddress(sp, log, 2), topicAddress(sp, log, 1),
                        loanOf(c), number(data(sp, log, 1), 0), 0)));
        // AttestationAccepted(borrower*, modelId*, score, tier, featureCommitment, expiresAt, nonce, signer)
        s.add(new Spec(CreditOracle.ATTESTATIONACCEPTED_EVENT, Protocol.CREDITLAYER_ORACLE, Scope.CREDITLAYER_ORACLE,
                false, (sp, log, ref, c) -> {
                    List<Type> d = data(sp, log, 6);
                    return event(ref, c, sp, Action.ATTESTED, topicAddress(sp, log, 0), lower(address(d, 5)), null,
                            number(d, 0), number(d, 1).intValueExact());
                }));
        return s;
    }

    // ------------------------------------------------------------------ Aave (same mapping for V2 and V3)

    /** V3 Supply / V2 Deposit: (reserve*, user, onBehalfOf*, amount, referral*). */
    private static DecodedEvent aaveDeposit(Spec sp, Log log, LogRef ref, String c) {
        List<Type> d = data(sp, log, 2);
        return event(ref, c, sp, Action.DEPOSIT, topicAddress(sp, log, 1), address(d, 0), topicAddress(sp, log, 0),
                number(d, 1), 0);
    }

    /** Withdraw(reserve*, user*, to*, amount). */
    private static DecodedEvent aaveWithdraw(Spec sp, Log log, LogRef ref, String c) {
        return event(ref, c, sp, Action.WITHDRAW, topicAddress(sp, log, 1), topicAddress(sp, log, 2),
                topicAddress(sp, log, 0), number(data(sp, log, 1), 0), 0);
    }

    /** Borrow(reserve*, user, onBehalfOf*, amount, rateMode, borrowRate, referral*); rateMode uint8 (V3) / uint256 (V2). */
    private static DecodedEvent aaveBorrow(Spec sp, Log log, LogRef ref, String c) {
        List<Type> d = data(sp, log, 3); // user, amount, rate mode
        return event(ref, c, sp, Action.BORROW, topicAddress(sp, log, 1), address(d, 0), topicAddress(sp, log, 0),
                number(d, 1), number(d, 2).intValueExact());
    }

    /** Repay(reserve*, user*, repayer*, amount[, useATokens]). */
    private static DecodedEvent aaveRepay(Spec sp, Log log, LogRef ref, String c) {
        return event(ref, c, sp, Action.REPAY, topicAddress(sp, log, 1), topicAddress(sp, log, 2),
                topicAddress(sp, log, 0), number(data(sp, log, 1), 0), 0);
    }

    /** LiquidationCall(collateralAsset*, debtAsset*, user*, debtToCover, liquidatedCollateral, liquidator, receiveAToken). */
    private static DecodedEvent aaveLiquidation(Spec sp, Log log, LogRef ref, String c) {
        List<Type> d = data(sp, log, 3); // debtToCover, liquidatedCollateralAmount, liquidator
        return event(ref, c, sp, Action.LIQUIDATED, topicAddress(sp, log, 2), address(d, 2), topicAddress(sp, log, 1),
                number(d, 0), 0);
    }

    // ------------------------------------------------------------------ helpers

    private String collateralOf(String pool) {
        KnownContracts.CreditLayerPool p = known.creditLayerPool(pool);
        return p != null && p.collateralToken() != null ? p.collateralToken() : pool;
    }

    private String loanOf(String pool) {
        KnownContracts.CreditLayerPool p = known.creditLayerPool(pool);
        return p != null && p.loanToken() != null ? p.loanToken() : pool;
    }

    private static DecodedEvent event(LogRef ref, String contract, Spec spec, Action action, String wallet,
                                      String counterparty, String asset, BigInteger amount, int detail) {
        if (wallet == null || amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("undecodable " + spec.protocol + " " + action);
        }
        return new DecodedEvent(ref, contract, spec.protocol, action, lower(wallet), lower(counterparty),
                lower(asset), amount, detail);
    }

    /** The i-th indexed parameter (topic i+1), an address, via {@link FunctionReturnDecoder#decodeIndexedValue}. */
    private static String topicAddress(Spec spec, Log log, int i) {
        Type<?> value = FunctionReturnDecoder.decodeIndexedValue(log.getTopics().get(i + 1), spec.indexed.get(i));
        return ((Address) value).getValue();
    }

    /**
     * The first {@code words} non-indexed parameters, via {@link FunctionReturnDecoder#decode} (all are static, one
     * word each, so a prefix of the types decodes a prefix of the data; the full length was checked already).
     */
    private static List<Type> data(Spec spec, Log log, int words) {
        return FunctionReturnDecoder.decode(log.getData(), spec.prefixes.get(words));
    }

    private static BigInteger number(List<Type> data, int i) {
        return ((NumericType) data.get(i)).getValue();
    }

    private static String address(List<Type> data, int i) {
        return ((Address) data.get(i)).getValue();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int hexLength(String data) {
        return data.startsWith("0x") || data.startsWith("0X") ? data.length() - 2 : data.length();
    }

    /**
     * Whether {@code s} holds only hex digits from {@code from} on. web3j's decoder does not check this (it turns
     * non-hex characters into garbage values), so the decoder does before decoding.
     */
    private static boolean isHex(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /** Every topic is a 0x-prefixed 32-byte hex word. */
    private static boolean topicsAreWords(List<String> topics) {
        for (int i = 1; i < topics.size(); i++) {
            String t = topics.get(i);
            if (t == null || t.length() != 66 || !t.startsWith("0x") || !isHex(t, 2)) {
                return false;
            }
        }
        return true;
    }

    private static Log withLowerCaseTopics(Log log) {
        List<String> lowered = new ArrayList<>(log.getTopics().size());
        for (String t : log.getTopics()) {
            lowered.add(lower(t));
        }
        return new Log(log.isRemoved(), log.getLogIndexRaw(), log.getTransactionIndexRaw(), log.getTransactionHash(),
                log.getBlockHash(), log.getBlockNumberRaw(), log.getAddress(), log.getData(), log.getType(), lowered);
    }

    /** Position on the chain; null for a pending log (no block, hash or index). */
    private static LogRef ref(Log log) {
        String blockHash = log.getBlockHash();
        String txHash = log.getTransactionHash();
        long block = quantity(log.getBlockNumberRaw());
        long txIndex = quantity(log.getTransactionIndexRaw());
        long logIndex = quantity(log.getLogIndexRaw());
        if (block < 0 || txIndex < 0 || logIndex < 0 || blockHash == null || txHash == null) {
            return null;
        }
        return new LogRef(block, lower(blockHash), lower(txHash), Math.toIntExact(txIndex), Math.toIntExact(logIndex));
    }

    /**
     * A JSON-RPC quantity ({@code 0x}-hex, or decimal as some providers send), or -1 when absent. Not
     * {@code Log.getBlockNumber()}: web3j's {@code Numeric.decodeQuantity} first tries {@code Long.parseLong} and
     * catches the NumberFormatException, which costs microseconds per call on the hot path.
     */
    private static long quantity(String raw) {
        if (raw == null || raw.isEmpty()) {
            return -1;
        }
        if (raw.startsWith("0x") || raw.startsWith("0X")) {
            return Long.parseLong(raw, 2, raw.length(), 16);
        }
        return Long.parseLong(raw);
    }
}
