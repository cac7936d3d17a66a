package io.creditlayer.features.decode;

import static io.creditlayer.features.decode.RawAbi.signedWord;
import static io.creditlayer.features.decode.RawAbi.topicAddress;
import static io.creditlayer.features.decode.RawAbi.word;
import static io.creditlayer.features.decode.RawAbi.wordAddress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.creditlayer.features.decode.MainnetFixture.Labelled;
import io.creditlayer.features.model.Action;
import io.creditlayer.features.model.DecodedEvent;
import io.creditlayer.features.model.LogRef;
import io.creditlayer.features.model.Protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The decoder against real Ethereum mainnet logs (src/test/resources/mainnet/logs.json, copied from rotki's recorded
 * receipts). Amount confirmations quote the rotki decoder tests in the fixture's {@code source_stated} (human units
 * after token decimals); other fields are checked against the raw topics/data words.
 */
class EventDecoderMainnetTest {

    private static final MainnetFixture FIXTURE = MainnetFixture.get();

    private static final String AAVE_V3_POOL = "0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2";
    private static final String AAVE_V2_POOL = "0x7d2768de32b0b80b7a3454c06bdac94a69ddc7a9";
    private static final String CUSDCV3 = "0xc3d688b66703497daa19211eedff47f25384cdc3";
    private static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
    private static final String USDT = "0xdac17f958d2ee523a2206206994597c13d831ec7";
    private static final String DAI = "0x6b175474e89094c44da98b954eedeac495271d0f";
    private static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
    private static final String WBTC = "0x2260fac5e5542a773aa44fbcfedf7c193bc2c599";
    private static final String LDO = "0x5a98fcbea516cf06857215779fd812ca3bef1b32";

    /** Expected protocol/action of each fixture label, and the fields read independently from the raw words. */
    private record Expectation(Protocol protocol, Action action, Function<Log, Fields> raw) {
    }

    private record Fields(String wallet, String counterparty, String asset, BigInteger amount, int detail) {
    }

    private static final Map<String, Expectation> EXPECTED = expectations();

    private static Map<String, Expectation> expectations() {
        Map<String, Expectation> m = new HashMap<>();
        Function<Log, Fields> transfer = l -> new Fields(topicAddress(l, 1), topicAddress(l, 2), l.getAddress(), word(l, 0), 0);
        m.put("ERC20.Transfer.USDC", new Expectation(Protocol.ERC20, Action.TRANSFER, transfer));
        m.put("ERC20.Transfer.WETH", new Expectation(Protocol.ERC20, Action.TRANSFER, transfer));
        m.put("ERC20.Transfer.DAI", new Expectation(Protocol.ERC20, Action.TRANSFER, transfer));
        // Supply/Deposit(reserve*, user, onBehalfOf*, amount, referral*)
        Function<Log, Fields> deposit = l -> new Fields(topicAddress(l, 2), wordAddress(l, 0), topicAddress(l, 1), word(l, 1), 0);
        // Withdraw(reserve*, user*, to*, amount)
        Function<Log, Fields> withdraw = l -> new Fields(topicAddress(l, 2), topicAddress(l, 3), topicAddress(l, 1), word(l, 0), 0);
        // Borrow(reserve*, user, onBehalfOf*, amount, rateMode, rate, referral*)
        Function<Log, Fields> borrow = l -> new Fields(topicAddress(l, 2), wordAddress(l, 0), topicAddress(l, 1), word(l, 1),
                word(l, 2).intValueExact());
        // Repay(reserve*, user*, repayer*, amount[, useATokens])
        Function<Log, Fields> repay = l -> new Fields(topicAddress(l, 2), topicAddress(l, 3), topicAddress(l, 1), word(l, 0), 0);
        // LiquidationCall(collateral*, debt*, user*, debtToCover, collateralAmount, liquidator, receiveAToken)
        Function<Log, Fields> liquidation = l -> new Fields(topicAddress(l, 3), wordAddress(l, 2), topicAddress(l, 2), word(l, 0), 0);
        m.put("AaveV3.Supply", new Expectation(Protocol.AAVE_V3, Action.DEPOSIT, deposit));
        m.put("AaveV3.Withdraw", new Expectation(Protocol.AAVE_V3, Action.WITHDRAW, withdraw));
        m.put("AaveV3.Borrow", new Expectation(Protocol.AAVE_V3, Action.BORROW, borrow));
        m.put("AaveV3.Repay", new Expectation(Protocol.AAVE_V3, Action.REPAY, repay));
        m.put("AaveV3.LiquidationCall", new Expectation(Protocol.AAVE_V3, Action.LIQUIDATED, liquidation));
        m.put("AaveV2.Deposit", new Expectation(Protocol.AAVE_V2, Action.DEPOSIT, deposit));
        m.put("AaveV2.Withdraw", new Expectation(Protocol.AAVE_V2, Action.WITHDRAW, withdraw));
        m.put("AaveV2.Borrow", new Expectation(Protocol.AAVE_V2, Action.BORROW, borrow));
        m.put("AaveV2.Repay", new Expectation(Protocol.AAVE_V2, Action.REPAY, repay));
        m.put("AaveV2.LiquidationCall", new Expectation(Protocol.AAVE_V2, Action.LIQUIDATED, liquidation));
        // Comet: Supply(from*, dst*, amount), Withdraw(src*, to*, amount), (Supply|Withdraw)Collateral(a*, b*, asset*, amount)
        m.put("CometUSDC.Supply", new Expectation(Protocol.COMPOUND_V3, Action.DEPOSIT,
                l -> new Fields(topicAddress(l, 2), topicAddress(l, 1), l.getAddress(), word(l, 0), 0)));
        m.put("CometUSDC.Withdraw", new Expectation(Protocol.COMPOUND_V3, Action.WITHDRAW,
                l -> new Fields(topicAddress(l, 1), topicAddress(l, 2), l.getAddress(), word(l, 0), 0)));
        m.put("CometUSDC.SupplyCollateral", new Expectation(Protocol.COMPOUND_V3, Action.SUPPLY_COLLATERAL,
                l -> new Fields(topicAddress(l, 2), topicAddress(l, 1), topicAddress(l, 3), word(l, 0), 0)));
        m.put("CometUSDC.WithdrawCollateral", new Expectation(Protocol.COMPOUND_V3, Action.WITHDRAW_COLLATERAL,
                l -> new Fields(topicAddress(l, 1), topicAddress(l, 2), topicAddress(l, 3), word(l, 0), 0)));
        // Uniswap V2 Swap(sender*, a0In, a1In, a0Out, a1Out, to*); V3 Swap(sender*, recipient*, amount0, amount1, ...)
        m.put("UniswapV2.Swap", new Expectation(Protocol.UNISWAP_V2, Action.SWAP,
                l -> new Fields(topicAddress(l, 2), topicAddress(l, 1), l.getAddress(), word(l, 0).add(word(l, 1)), 0)));
        m.put("UniswapV3.Swap", new Expectation(Protocol.UNISWAP_V3, Action.SWAP,
                l -> new Fields(topicAddress(l, 2), topicAddress(l, 1), l.getAddress(), signedWord(l, 0).abs(), 0)));
        return m;
    }

    private final EventDecoder decoder = new EventDecoder(KnownContracts.ethereumMainnet());

    private DecodedEvent decodeOne(Labelled labelled) {
        List<DecodedEvent> events = decoder.decode(labelled.log());
        assertEquals(1, events.size(), () -> labelled.event() + " in " + labelled.txHash() + " did not decode");
        return events.getFirst();
    }

    private static BigInteger units(String human, int decimals) {
        return new BigDecimal(human).movePointRight(decimals).toBigIntegerExact();
    }

    private void assertStated(String txHash, String fragment) {
        assertTrue(FIXTURE.statedLines(txHash).stream().anyMatch(line -> line.contains(fragment)),
                () -> "rotki's test for " + txHash + " does not state " + fragment);
    }

    // ------------------------------------------------------------------ every log

    @Test
    void everyFixtureLogDecodesToItsTypeAndMatchesTheRawWords() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Labelled l : FIXTURE.logs) {
            Expectation expected = EXPECTED.get(l.event());
            assertTrue(expected != null, "unexpected fixture label " + l.event());
            DecodedEvent e = decodeOne(l);
            String where = l.event() + " " + l.txHash() + " logIndex " + l.log().getLogIndex();
            assertEquals(expected.protocol(), e.protocol(), where);
            assertEquals(expected.action(), e.action(), where);
            assertEquals(l.log().getAddress(), e.contract(), where);
            Fields raw = expected.raw().apply(l.log());
            assertEquals(raw.wallet(), e.wallet(), where + " wallet");
            assertEquals(raw.counterparty(), e.counterparty(), where + " counterparty");
            assertEquals(raw.asset(), e.asset(), where + " asset");
            assertEquals(raw.amount(), e.amount(), where + " amount");
            assertEquals(raw.detail(), e.detail(), where + " detail");
            assertEquals(new LogRef(l.log().getBlockNumber().longValueExact(), l.log().getBlockHash(), l.txHash(),
                    l.log().getTransactionIndex().intValueExact(), l.log().getLogIndex().intValueExact()), e.ref(), where);
            counts.merge(l.event(), 1, Integer::sum);
        }
        System.out.println("decoded mainnet fixture logs per type: " + counts);
        assertEquals(245, decoder.decodedCount());
        assertEquals(new EventDecoder.Counters(245, 0, 0, 0, 0, 0), decoder.counters());
        Map<String, Integer> expectedCounts = new TreeMap<>(Map.ofEntries(
                Map.entry("AaveV3.Supply", 11), Map.entry("AaveV3.Withdraw", 4), Map.entry("AaveV3.Borrow", 4),
                Map.entry("AaveV3.Repay", 3), Map.entry("AaveV3.LiquidationCall", 1),
                Map.entry("AaveV2.Deposit", 2), Map.entry("AaveV2.Withdraw", 3), Map.entry("AaveV2.Borrow", 2),
                Map.entry("AaveV2.Repay", 1), Map.entry("AaveV2.LiquidationCall", 1),
                Map.entry("CometUSDC.Supply", 1), Map.entry("CometUSDC.Withdraw", 4),
                Map.entry("CometUSDC.SupplyCollateral", 3), Map.entry("CometUSDC.WithdrawCollateral", 5),
                Map.entry("UniswapV2.Swap", 40), Map.entry("UniswapV3.Swap", 40),
                Map.entry("ERC20.Transfer.USDC", 40), Map.entry("ERC20.Transfer.WETH", 40),
                Map.entry("ERC20.Transfer.DAI", 40)));
        assertEquals(expectedCounts, counts);
    }

    @Test
    void everyDecodedAddressIsLowerCase() {
        for (Labelled l : FIXTURE.logs) {
            DecodedEvent e = decodeOne(l);
            for (String a : new String[] {e.contract(), e.wallet(), e.counterparty(), e.asset(), e.ref().txHash(),
                    e.ref().blockHash()}) {
                if (a != null) {
                    assertEquals(a.toLowerCase(), a);
                }
            }
        }
    }

    @Test
    void wholeReceiptsDecodeWithoutErrorsAndAgreeWithTheLabelledLogs() {
        EventDecoder reference = new EventDecoder(KnownContracts.ethereumMainnet());
        Map<String, DecodedEvent> labelled = new HashMap<>();
        Map<String, Integer> lendingPerTx = new HashMap<>();
        for (Labelled l : FIXTURE.logs) {
            labelled.put(l.txHash() + "/" + l.log().getLogIndex(), reference.decode(l.log()).getFirst());
            if (l.event().startsWith("Aave") || l.event().startsWith("Comet")) {
                lendingPerTx.merge(l.txHash(), 1, Integer::sum);
            }
        }
        int logs = 0;
        for (MainnetFixture.Receipt r : FIXTURE.receipts) {
            int lending = 0;
            for (Log log : r.logs()) {
                logs++;
                List<DecodedEvent> events = decoder.decode(log);
                assertTrue(events.size() <= 1);
                DecodedEvent known = labelled.get(r.txHash() + "/" + log.getLogIndex());
                if (known != null) {
                    assertEquals(List.of(known), events, r.txHash() + " logIndex " + log.getLogIndex());
                }
                if (!events.isEmpty()) {
                    Protocol p = events.getFirst().protocol();
                    if (p == Protocol.AAVE_V2 || p == Protocol.AAVE_V3 || p == Protocol.COMPOUND_V3) {
                        lending++;
                    }
                }
            }
            // the fixture kept every Aave/Comet log it found, so the receipt holds exactly those
            assertEquals(lendingPerTx.getOrDefault(r.txHash(), 0), lending, r.txHash());
        }
        EventDecoder.Counters c = decoder.counters();
        assertEquals(355, logs);
        assertEquals(logs, c.total());
        assertEquals(0, c.malformed());
        // One log has a CreditLayer topic0 from another contract: the ERC-4626
        // Withdraw(address,address,address,uint256,uint256) of vault 0x9396dcbf… in tx 0xb834f103…. Not ours: skipped.
        assertEquals(1, c.skippedUnknownContract());
        Log vaultWithdraw = FIXTURE.receipts.stream()
                .filter(r -> r.txHash().equals("0xb834f10346b44fea939462547e7df990430ddccf92152fa452680afe7a636748"))
                .flatMap(r -> r.logs().stream())
                .filter(l -> l.getAddress().equals("0x9396dcbf78fc526bb003665337c5e73b699571ef")
                        && l.getTopics().getFirst().equals(org.web3j.abi.EventEncoder.encode(
                                io.creditlayer.contracts.generated.LendingPool.WITHDRAW_EVENT)))
                .findFirst().orElseThrow();
        EventDecoder fresh = new EventDecoder(KnownContracts.ethereumMainnet());
        assertEquals(List.of(), fresh.decode(vaultWithdraw));
        assertEquals(1, fresh.skippedUnknownContractCount());
        assertTrue(c.unknownTopic() > 100, "receipts hold many logs the decoder does not know: " + c);
        System.out.println("whole mainnet receipts: " + c);
    }

    // ------------------------------------------------------------------ topics

    @Test
    void topic0sAreTheFixtureCanonicalSignatureHashes() {
        Map<String, String> topicOf = new HashMap<>();
        topicOf.put("ERC20.Transfer", DefiEvents.topic0(DefiEvents.ERC20_TRANSFER));
        topicOf.put("AaveV3.Supply", DefiEvents.topic0(DefiEvents.AAVE_V3_SUPPLY));
        topicOf.put("AaveV3.Withdraw", DefiEvents.topic0(DefiEvents.AAVE_V3_WITHDRAW));
        topicOf.put("AaveV3.Borrow", DefiEvents.topic0(DefiEvents.AAVE_V3_BORROW));
        topicOf.put("AaveV3.Repay", DefiEvents.topic0(DefiEvents.AAVE_V3_REPAY));
        topicOf.put("AaveV3.LiquidationCall", DefiEvents.topic0(DefiEvents.AAVE_V3_LIQUIDATION_CALL));
        topicOf.put("AaveV2.Deposit", DefiEvents.topic0(DefiEvents.AAVE_V2_DEPOSIT));
        topicOf.put("AaveV2.Withdraw", DefiEvents.topic0(DefiEvents.AAVE_V2_WITHDRAW));
        topicOf.put("AaveV2.Borrow", DefiEvents.topic0(DefiEvents.AAVE_V2_BORROW));
        topicOf.put("AaveV2.Repay", DefiEvents.topic0(DefiEvents.AAVE_V2_REPAY));
        topicOf.put("AaveV2.LiquidationCall", DefiEvents.topic0(DefiEvents.AAVE_V2_LIQUIDATION_CALL));
        topicOf.put("CometUSDC.Supply", DefiEvents.topic0(DefiEvents.COMET_SUPPLY));
        topicOf.put("CometUSDC.Withdraw", DefiEvents.topic0(DefiEvents.COMET_WITHDRAW));
        topicOf.put("CometUSDC.SupplyCollateral", DefiEvents.topic0(DefiEvents.COMET_SUPPLY_COLLATERAL));
        topicOf.put("CometUSDC.WithdrawCollateral", DefiEvents.topic0(DefiEvents.COMET_WITHDRAW_COLLATERAL));
        topicOf.put("CometUSDC.AbsorbDebt", DefiEvents.topic0(DefiEvents.COMET_ABSORB_DEBT));
        topicOf.put("UniswapV2.Swap", DefiEvents.topic0(DefiEvents.UNISWAP_V2_SWAP));
        topicOf.put("UniswapV3.Swap", DefiEvents.topic0(DefiEvents.UNISWAP_V3_SWAP));

        FIXTURE.eventSignatures.forEach((label, sigAndTopic) -> {
            if (label.equals("CometUSDC.AbsorbCollateral")) {
                assertTrue(!decoder.topics().contains(sigAndTopic[1]), "AbsorbCollateral is deliberately not decoded");
                return;
            }
            assertEquals(sigAndTopic[1], topicOf.get(label), label + " " + sigAndTopic[0]);
            assertTrue(decoder.topics().contains(sigAndTopic[1]), label);
        });
        assertEquals(topicOf.size(), FIXTURE.eventSignatures.size() - 1);
        // fixture labels agree with the topic0 of their logs
        for (Labelled l : FIXTURE.logs) {
            String label = l.event().startsWith("ERC20.Transfer") ? "ERC20.Transfer" : l.event();
            assertEquals(topicOf.get(label), l.log().getTopics().getFirst(), l.event());
        }
        // V2 and V3 share two topic0s: the address decides
        assertEquals(topicOf.get("AaveV3.Withdraw"), topicOf.get("AaveV2.Withdraw"));
        assertEquals(topicOf.get("AaveV3.LiquidationCall"), topicOf.get("AaveV2.LiquidationCall"));
        // 18 third-party layouts with 16 distinct topic0s, Tornado's Withdrawal, plus 9 CreditLayer events
        assertEquals(16 + 1 + 9, decoder.topics().size());
        assertTrue(decoder.topics(Protocol.AAVE_V2).contains(topicOf.get("AaveV2.Withdraw")));
        assertTrue(decoder.topics(Protocol.AAVE_V3).contains(topicOf.get("AaveV2.Withdraw")));
        assertEquals(5, decoder.topics(Protocol.COMPOUND_V3).size());
        assertEquals(8, decoder.topics(Protocol.CREDITLAYER_POOL).size());
    }

    // ------------------------------------------------------------------ exact fields, one log per type

    @Test
    void erc20Transfer() {
        // tx 0x44367976…: the USDC leaving aEthUSDC for the borrower of an Aave V3 borrow.
        // rotki test_aave_v3_borrow: "borrowed_amount ... = '79931.500229'", and names aEthUSDC
        // 0x98C23E9d8f34FEFb1B7BD6a91B7FF122F4e16F5c.
        String tx = "0x44367976e841cde459d84aec984d5fae4466b2978b1d71c9cd916bb79792ee20";
        assertStated(tx, "'79931.500229'");
        assertStated(tx, "0x98C23E9d8f34FEFb1B7BD6a91B7FF122F4e16F5c");
        DecodedEvent e = decodeOne(FIXTURE.one("ERC20.Transfer.USDC", tx));
        assertEquals(Protocol.ERC20, e.protocol());
        assertEquals(Action.TRANSFER, e.action());
        assertEquals("0x98c23e9d8f34fefb1b7bd6a91b7ff122f4e16f5c", e.wallet());
        assertEquals("0x08c14b32c8a48894e4b933090ebcc9ce33b21135", e.counterparty());
        assertEquals(USDC, e.asset());
        assertEquals(USDC, e.contract());
        assertEquals(units("79931.500229", 6), e.amount());
        assertEquals(0, e.detail());
    }

    @Test
    void aaveV3Supply() {
        // tx 0x062bb6b0…: rotki test_aave_v3_deposit: "deposit_amount ... = '71657.177259074315114745'" LDO (18 dec).
        String tx = "0x062bb6b01d4ac5fabd7b7783965d22589d289e44bb0227bb2fc0adaad7eb563b";
        assertStated(tx, "'71657.177259074315114745'");
        assertStated(tx, "LDO into AAVE v3");
        DecodedEvent e = decodeOne(FIXTURE.one("AaveV3.Supply", tx));
        assertEquals(new BigInteger("71657177259074315114745"), e.amount());
        assertEquals(units("71657.177259074315114745", 18), e.amount());
        assertEquals(Protocol.AAVE_V3, e.protocol());
        assertEquals(Action.DEPOSIT, e.action());
        assertEquals(AAVE_V3_POOL, e.contract());
        assertEquals(LDO, e.asset());
        Log raw = FIXTURE.one("AaveV3.Supply", tx).log();
        assertEquals(topicAddress(raw, 2), e.wallet());        // onBehalfOf
        assertEquals(wordAddress(raw, 0), e.counterparty());   // user (caller)
        assertEquals(0, e.detail());
    }

    @Test
    void aaveV3Withdraw() {
        // tx 0xf184c285…: rotki test_aave_v3_withdraw: return 6770.796829 + interest 9.053171 = 6779.85 USDT withdrawn.
        String tx = "0xf184c285dab9ea6c72d18025c65202e3d9e5ec3181209a6cbedf88dfd4c8283f";
        assertStated(tx, "'6770.796829', '9.053171'");
        DecodedEvent e = decodeOne(FIXTURE.one("AaveV3.Withdraw", tx));
        assertEquals(units("6770.796829", 6).add(units("9.053171", 6)), e.amount());
        assertEquals(Protocol.AAVE_V3, e.protocol());
        assertEquals(Action.WITHDRAW, e.action());
        assertEquals(USDT, e.asset());
        assertEquals("0xabe9e5d199e1e411098181b6a5ab9f5f65d91389", e.wallet());
        assertEquals("0xabe9e5d199e1e411098181b6a5ab9f5f65d91389", e.counterparty());
    }

    @Test
    void aaveV3Borrow() {
        // tx 0x44367976…: rotki test_aave_v3_borrow: "Borrow {borrowed_amount} USDC from AAVE v3 with variable APY 13.24%",
        // borrowed_amount = '79931.500229'. Variable = interestRateMode 2.
        String tx = "0x44367976e841cde459d84aec984d5fae4466b2978b1d71c9cd916bb79792ee20";
        assertStated(tx, "with variable APY 13.24%");
        DecodedEvent e = decodeOne(FIXTURE.one("AaveV3.Borrow", tx));
        assertEquals(Protocol.AAVE_V3, e.protocol());
        assertEquals(Action.BORROW, e.action());
        assertEquals(units("79931.500229", 6), e.amount());
        assertEquals(2, e.detail());
        assertEquals(USDC, e.asset());
        assertEquals("0x08c14b32c8a48894e4b933090ebcc9ce33b21135", e.wallet());
        assertEquals("0x08c14b32c8a48894e4b933090ebcc9ce33b21135", e.counterparty());
        // borrowRate (not kept) is data word 3: 0x6d8ac3…7798 ray = 13.24 %, as rotki states
        assertEquals("0.1324", new BigDecimal(word(FIXTURE.one("AaveV3.Borrow", tx).log(), 3)).movePointLeft(27)
                .setScale(4, java.math.RoundingMode.HALF_UP).toPlainString());
    }

    @Test
    void aaveV3Repay() {
        // tx 0x440dddaa…: rotki test_aave_v3_repay: "Repay {repay_amount} USDC on AAVE v3", repay_amount = '123961.452987'.
        String tx = "0x440dddaad9f8d9c6d99777494640520854cca8dd102fb557f1654f5746da5f7e";
        assertStated(tx, "'123961.452987'");
        DecodedEvent e = decodeOne(FIXTURE.one("AaveV3.Repay", tx));
        assertEquals(Protocol.AAVE_V3, e.protocol());
        assertEquals(Action.REPAY, e.action());
        assertEquals(units("123961.452987", 6), e.amount());
        assertEquals(USDC, e.asset());
        assertEquals("0x9cbf099ff424979439dfba03f00b5961784c06ce", e.wallet());
        assertEquals("0x9cbf099ff424979439dfba03f00b5961784c06ce", e.counterparty());
    }

    @Test
    void aaveV3LiquidationCall() {
        // tx 0xc1a03e87… (rotki test_aave_v3_liquidation): topics = (WETH collateral, USDC debt, user 0x7420fa58…),
        // data = (debtToCover 0x1d3d626 = 30.660134 USDC, collateral 0x431e03dce7aae8, liquidator 0x594efbe5…, false).
        // Same receipt: the liquidator's USDC Transfer to aEthUSDC is the same 30.660134 USDC.
        String tx = "0xc1a03e87f1c0446ddd5a77f7eb906831c72618a921a1f6f9f430f612edca0531";
        DecodedEvent e = decodeOne(FIXTURE.one("AaveV3.LiquidationCall", tx));
        assertEquals(Protocol.AAVE_V3, e.protocol());
        assertEquals(Action.LIQUIDATED, e.action());
        assertEquals("0x7420fa58ba44e1141d5e9adb6903be549f7ce0b5", e.wallet());
        assertEquals("0x594efbe5a71a10a958d812b4c65f3dfa60922a15", e.counterparty());
        assertEquals(USDC, e.asset());
        assertEquals(BigInteger.valueOf(0x1d3d626L), e.amount());
        assertEquals(units("30.660134", 6), e.amount());
        DecodedEvent payment = decodeOne(FIXTURE.one("ERC20.Transfer.USDC", tx));
        assertEquals(e.counterparty(), payment.wallet());
        assertEquals(e.amount(), payment.amount());
    }

    @Test
    void aaveV2Deposit() {
        // tx 0xefc9040c…: rotki test_aave_v2_supply_ether: "Deposit 0.1 ETH into AAVE v2" through the WETH gateway
        // 0xcc9a0B7c43DC2a5F023Bb9b738E45B0Ef6B06E04 (the event's `user`).
        String tx = "0xefc9040c100829a391a636f02eb96a9361bd0bc2ca5e8e5f97bbc4a1831cdec9";
        assertStated(tx, "Deposit 0.1 ETH into AAVE v2");
        assertStated(tx, "0xcc9a0B7c43DC2a5F023Bb9b738E45B0Ef6B06E04");
        DecodedEvent e = decodeOne(FIXTURE.one("AaveV2.Deposit", tx));
        assertEquals(Protocol.AAVE_V2, e.protocol());
        assertEquals(Action.DEPOSIT, e.action());
        assertEquals(AAVE_V2_POOL, e.contract());
        assertEquals(units("0.1", 18), e.amount());
        assertEquals(WETH, e.asset());
        assertEquals("0xe903feed7c1098ba92e4b7092ca77bbc48503d90", e.wallet());
        assertEquals("0xcc9a0b7c43dc2a5f023bb9b738e45b0ef6b06e04", e.counterparty());
    }

    @Test
    void aaveV2Withdraw() {
        // tx 0x8fe440f3…: rotki test_aave_v2_disable_collateral names the user 0x2715273613632226985186221669179813245119.
        // Amount word 0x12a66d9c49e79440554; the same receipt's WETH Transfer from aWETH to `to` carries the same value.
        String tx = "0x8fe440f37fd0fa1467067a195ea862db1f96c40634ea7bb3782cc3c3431e9b5c";
        assertStated(tx, "0x2715273613632226985186221669179813245119");
        DecodedEvent e = decodeOne(FIXTURE.one("AaveV2.Withdraw", tx));
        assertEquals(Protocol.AAVE_V2, e.protocol());
        assertEquals(Action.WITHDRAW, e.action());
        assertEquals("0x2715273613632226985186221669179813245119", e.wallet());
        assertEquals("0x6b44ba0a126a2a1a8aa6cd1adeed002e141bcd44", e.counterparty());
        assertEquals(WETH, e.asset());
        assertEquals(new BigInteger("12a66d9c49e79440554", 16), e.amount());
        DecodedEvent payout = decodeOne(FIXTURE.one("ERC20.Transfer.WETH", tx));
        assertEquals(e.counterparty(), payout.counterparty());
        assertEquals(e.amount(), payout.amount());
    }

    @Test
    void aaveV2Borrow() {
        // tx 0x6c8af2a4…: rotki test_aave_v2_borrow: "Borrow 100000 REN from AAVE v2 with variable APY 0.80%".
        String tx = "0x6c8af2a4157632e33fac9d94a03619f54d318ce1254998aabc5384053eb98ffb";
        assertStated(tx, "Borrow 100000 REN from AAVE v2 with variable APY 0.80%");
        DecodedEvent e = decodeOne(FIXTURE.one("AaveV2.Borrow", tx));
        assertEquals(Protocol.AAVE_V2, e.protocol());
        assertEquals(Action.BORROW, e.action());
        assertEquals(units("100000", 18), e.amount());
        assertEquals(2, e.detail()); // variable
        assertEquals("0x408e41876cccdc0f92210600ef50372656052a38", e.asset()); // REN
        assertEquals("0x00000000000cd56832ce5dfbcbff02e7ec639bc9", e.wallet());
        assertEquals("0x00000000000cd56832ce5dfbcbff02e7ec639bc9", e.counterparty());
    }

    @Test
    void aaveV2Repay() {
        // tx 0x560cfb03… (the fixture's only V2 Repay): 1.08 DAI (word 0xefcee47256c0000) repaid by 0xe903feed… for
        // itself; the same receipt's DAI Transfer from 0xe903feed… to aDAI 0x028171bc… carries the same value.
        String tx = "0x560cfb03e9488497c8d0295b332452c42f153dafbcb3abf32441d154ddb39087";
        DecodedEvent e = decodeOne(FIXTURE.one("AaveV2.Repay", tx));
        assertEquals(Protocol.AAVE_V2, e.protocol());
        assertEquals(Action.REPAY, e.action());
        assertEquals(units("1.08", 18), e.amount());
        assertEquals(DAI, e.asset());
        assertEquals("0xe903feed7c1098ba92e4b7092ca77bbc48503d90", e.wallet());
        assertEquals("0xe903feed7c1098ba92e4b7092ca77bbc48503d90", e.counterparty());
        Log daiTransfer = FIXTURE.receipts.stream().filter(r -> r.txHash().equals(tx)).findFirst().orElseThrow()
                .logs().stream()
                .filter(l -> l.getAddress().equals(DAI) && l.getTopics().size() == 3)
                .findFirst().orElseThrow();
        DecodedEvent payment = decoder.decode(daiTransfer).getFirst();
        assertEquals("0x028171bca77440897b824ca71d1c56cac55b68a3", payment.counterparty());
        assertEquals(e.amount(), payment.amount());
    }

    @Test
    void aaveV2LiquidationCall() {
        // tx 0x2077a54e…: rotki test_aave_v2_liquidation: "Payback 0.910875161581518408 variableDebtWETH for an AAVE v2
        // position" = debtToCover.
        String tx = "0x2077a54ecae4a06c553f96c120acc0237887fdd1fc2596aab103f6681712974d";
        assertStated(tx, "'0.910875161581518408'");
        DecodedEvent e = decodeOne(FIXTURE.one("AaveV2.LiquidationCall", tx));
        assertEquals(Protocol.AAVE_V2, e.protocol());
        assertEquals(Action.LIQUIDATED, e.action());
        assertEquals(units("0.910875161581518408", 18), e.amount());
        assertEquals(WETH, e.asset());
        assertEquals("0x1db64086b4cda94884e4fc296799a512dfc564ca", e.wallet());
        assertEquals("0xb6569481dccddd527c2b0e8ba32f494e52224ca1", e.counterparty());
        // liquidatedCollateralAmount (word 1, not kept) = rotki's "liquidated for 0.956418919660594328 aWETH"
        assertStated(tx, "'0.956418919660594328'");
        assertEquals(units("0.956418919660594328", 18), word(FIXTURE.one("AaveV2.LiquidationCall", tx).log(), 1));
    }

    @Test
    void cometSupply() {
        // tx 0xcac67d0c…: rotki test_compound_v3_supply: "Deposit {supply_amount} USDC into Compound v3", '15000'.
        String tx = "0xcac67d0ca139b9418673f04dcc18fe7805b1242566489bf2e9c99a2fea4ee01c";
        assertStated(tx, "'15000'");
        DecodedEvent e = decodeOne(FIXTURE.one("CometUSDC.Supply", tx));
        assertEquals(Protocol.COMPOUND_V3, e.protocol());
        assertEquals(Action.DEPOSIT, e.action());
        assertEquals(units("15000", 6), e.amount());
        assertEquals(CUSDCV3, e.asset()); // base asset not in the event: the Comet stands for it
        assertEquals(CUSDCV3, e.contract());
        assertEquals("0xc1f8d0c485ec00b9a3a54c3b9bbeb5d7a2b4265a", e.wallet());
        assertEquals("0xc1f8d0c485ec00b9a3a54c3b9bbeb5d7a2b4265a", e.counterparty());
    }

    @Test
    void cometWithdraw() {
        // tx 0xd8ba70d3…: rotki test_compound_v3_withdraw: "Withdraw {withdraw_amount} USDC", '8158.266856'.
        String tx = "0xd8ba70d3e993cae4b89a68d5b991d0a85dd9888c0e6a07814c9ddd2ff4ba93d2";
        assertStated(tx, "'8158.266856'");
        DecodedEvent e = decodeOne(FIXTURE.one("CometUSDC.Withdraw", tx));
        assertEquals(Protocol.COMPOUND_V3, e.protocol());
        assertEquals(Action.WITHDRAW, e.action());
        assertEquals(units("8158.266856", 6), e.amount());
        assertEquals(CUSDCV3, e.asset());
        assertEquals("0xd7ca0e0238e3fdab2a33646348207ab945d55df7", e.wallet());
        assertEquals("0xd7ca0e0238e3fdab2a33646348207ab945d55df7", e.counterparty());
    }

    @Test
    void cometSupplyCollateral() {
        // tx 0x2e362252…: rotki test_compound_v3_deposit_collateral: "Deposit {collateral_amount} WBTC", '15' (8 dec).
        String tx = "0x2e362252c9c96669eb0801cd431d6b36bdea63968e5781d33ea58efc528ac205";
        assertStated(tx, "'15'");
        assertStated(tx, "WBTC into Compound v3");
        DecodedEvent e = decodeOne(FIXTURE.one("CometUSDC.SupplyCollateral", tx));
        assertEquals(Protocol.COMPOUND_V3, e.protocol());
        assertEquals(Action.SUPPLY_COLLATERAL, e.action());
        assertEquals(units("15", 8), e.amount());
        assertEquals(WBTC, e.asset());
        assertEquals("0x048c013be418178cbf35fc7102d80298506e82e8", e.wallet());
        assertEquals("0x048c013be418178cbf35fc7102d80298506e82e8", e.counterparty());
    }

    @Test
    void cometWithdrawCollateral() {
        // tx 0x70aca19e…: rotki test_compound_v3_withdraw_collateral: "Withdraw {collateral_amount} WBTC", '30'.
        String tx = "0x70aca19e6ac5285a586ad9e6a6d38bb4e4a682386901e987c7f7a30ea8c2431c";
        assertStated(tx, "'30'");
        DecodedEvent e = decodeOne(FIXTURE.one("CometUSDC.WithdrawCollateral", tx));
        assertEquals(Protocol.COMPOUND_V3, e.protocol());
        assertEquals(Action.WITHDRAW_COLLATERAL, e.action());
        assertEquals(units("30", 8), e.amount());
        assertEquals(WBTC, e.asset());
        assertEquals("0x274b56e812b7951b737e450a22e849860c8ada11", e.wallet());
        assertEquals("0x274b56e812b7951b737e450a22e849860c8ada11", e.counterparty());
    }

    @Test
    void uniswapV2Swap() {
        // tx 0x42ab6ce7…, pair 0x0c9c5daf… (token0 0x7d29a645…, token1 WETH; CREATE2-verified by the fixture):
        // words = (amount0In 1000e18, amount1In 0, amount0Out 0, amount1Out 0.799235313859732996e18).
        String tx = "0x42ab6ce73506ab314b32e125efe0aec6910731bd7f2cfb4e6e822e353bad297b";
        DecodedEvent e = decodeOne(FIXTURE.one("UniswapV2.Swap", tx));
        assertEquals(Protocol.UNISWAP_V2, e.protocol());
        assertEquals(Action.SWAP, e.action());
        assertEquals("0x0c9c5daf1d7cd8b10e9fc5e7a10762f0a8d1c335", e.asset());
        assertEquals("0xf164fc0ec4e93095b804a4795bbe1e041497b92a", e.wallet());
        assertEquals("0xf164fc0ec4e93095b804a4795bbe1e041497b92a", e.counterparty());
        assertEquals(units("1000", 18), e.amount()); // amount0In + amount1In
    }

    @Test
    void uniswapV3Swap() {
        // tx 0x1c50c336…, LDO/WETH 1% pool 0xf4ad61db…: sender = SwapRouter 0xe592427a…, recipient 0xb63e0c50…,
        // amount0 = -1000e18 LDO (out of the pool), amount1 = +0.632989659350357136 WETH (in).
        String tx = "0x1c50c336329a7ee41f722ce5d848ebd066b72bf44a1eaafcaa92e8c0282049d2";
        Log raw = FIXTURE.one("UniswapV3.Swap", tx).log();
        assertEquals(units("-1000", 18), signedWord(raw, 0));
        DecodedEvent e = decodeOne(FIXTURE.one("UniswapV3.Swap", tx));
        assertEquals(Protocol.UNISWAP_V3, e.protocol());
        assertEquals(Action.SWAP, e.action());
        assertEquals("0xf4ad61db72f114be877e87d62dc5e7bd52df4d9b", e.asset());
        assertEquals("0xb63e0c506ddba7b0dd106d1937d6d13be2c62ae2", e.wallet());
        assertEquals("0xe592427a0aece92de3edee1f18e0157c05861564", e.counterparty());
        assertEquals(units("1000", 18), e.amount()); // |amount0|
    }

    // ------------------------------------------------------------------ anti-spoofing

    @Test
    void aaveBorrowFromAnUnknownContractIsNotDecoded() {
        Log real = FIXTURE.one("AaveV3.Borrow", "0x44367976e841cde459d84aec984d5fae4466b2978b1d71c9cd916bb79792ee20").log();
        Log spoof = MainnetFixture.copy(real, "0x1111111111111111111111111111111111111111", null, null);
        assertEquals(List.of(), decoder.decode(spoof));
        assertEquals(1, decoder.skippedUnknownContractCount());
        assertEquals(0, decoder.decodedCount());
        // the genuine one still decodes
        assertEquals(1, decoder.decode(real).size());
    }

    @Test
    void everyLendingLogIsRejectedWhenItsEmitterIsNotInTheAddressBook() {
        EventDecoder empty = new EventDecoder(KnownContracts.empty(1));
        int lending = 0;
        for (Labelled l : FIXTURE.logs) {
            List<DecodedEvent> events = empty.decode(l.log());
            if (l.event().startsWith("Aave") || l.event().startsWith("Comet")) {
                lending++;
                assertEquals(List.of(), events, l.event());
            } else {
                assertEquals(1, events.size(), l.event()); // transfers and swaps: any contract
            }
        }
        assertEquals(lending, empty.skippedUnknownContractCount());
        assertEquals(45, lending);
    }

    @Test
    void aaveV2AndV3ShareTopicsButTheAddressDecides() {
        Log v3Withdraw = FIXTURE.byEvent("AaveV3.Withdraw").getFirst().log();
        Log v2Withdraw = FIXTURE.byEvent("AaveV2.Withdraw").getFirst().log();
        assertEquals(v3Withdraw.getTopics().getFirst(), v2Withdraw.getTopics().getFirst());
        assertEquals(Protocol.AAVE_V3, decoder.decode(v3Withdraw).getFirst().protocol());
        assertEquals(Protocol.AAVE_V2, decoder.decode(v2Withdraw).getFirst().protocol());
        // the V3 log re-emitted by the V2 pool address is read as V2 (same layout), by neither when unknown
        assertEquals(Protocol.AAVE_V2, decoder.decode(MainnetFixture.copy(v3Withdraw, AAVE_V2_POOL, null, null))
                .getFirst().protocol());
        // a Comet event replayed from an Aave pool address is not a Comet event
        Log cometSupply = FIXTURE.byEvent("CometUSDC.Supply").getFirst().log();
        assertEquals(List.of(), decoder.decode(MainnetFixture.copy(cometSupply, AAVE_V3_POOL, null, null)));
    }

    // ------------------------------------------------------------------ skipped and malformed

    @Test
    void erc721TransferWithFourTopicsIsSkipped() {
        // ERC-721 Transfer(address indexed from, address indexed to, uint256 indexed tokenId): same topic0, 4 topics,
        // empty data. Built from a real USDC transfer with the value moved into the 4th topic.
        Log erc20 = FIXTURE.byEvent("ERC20.Transfer.USDC").getFirst().log();
        List<String> topics = List.of(erc20.getTopics().get(0), erc20.getTopics().get(1), erc20.getTopics().get(2),
                erc20.getData());
        Log erc721 = MainnetFixture.copy(erc20, "0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d", topics, "0x");
        assertEquals(List.of(), decoder.decode(erc721));
        assertEquals(new EventDecoder.Counters(0, 0, 0, 1, 0, 0), decoder.counters());
    }

    @Test
    void truncatedDataIsCountedAsMalformed() {
        Log supply = FIXTURE.one("AaveV3.Supply", "0x062bb6b01d4ac5fabd7b7783965d22589d289e44bb0227bb2fc0adaad7eb563b").log();
        String data = supply.getData();
        assertEquals(List.of(), decoder.decode(MainnetFixture.copy(supply, null, null, data.substring(0, data.length() - 64))));
        assertEquals(List.of(), decoder.decode(MainnetFixture.copy(supply, null, null, data.substring(0, data.length() - 2))));
        assertEquals(List.of(), decoder.decode(MainnetFixture.copy(supply, null, null, "0x")));
        Log transfer = FIXTURE.byEvent("ERC20.Transfer.DAI").getFirst().log();
        assertEquals(List.of(), decoder.decode(MainnetFixture.copy(transfer, null, null, transfer.getData() + "00")));
        assertEquals(new EventDecoder.Counters(0, 0, 0, 0, 4, 0), decoder.counters());
    }

    @Test
    void otherMalformedLogsAreCountedNotThrown() {
        Log borrow = FIXTURE.one("AaveV3.Borrow", "0x44367976e841cde459d84aec984d5fae4466b2978b1d71c9cd916bb79792ee20").log();
        List<String> t = borrow.getTopics();
        // a lending event with a missing topic
        assertEquals(List.of(), decoder.decode(MainnetFixture.copy(borrow, null, t.subList(0, 3), null)));
        // non-hex data of the right length
        assertEquals(List.of(), decoder.decode(MainnetFixture.copy(borrow, null, null,
                "0x" + "zz" + borrow.getData().substring(4))));
        // a short topic
        assertEquals(List.of(), decoder.decode(MainnetFixture.copy(borrow, null,
                List.of(t.get(0), t.get(1).substring(0, 40), t.get(2), t.get(3)), null)));
        // no address
        assertEquals(List.of(), decoder.decode(new Log(false, "0x1", "0x1", "0xab", "0xcd", "0x10", null,
                borrow.getData(), null, t)));
        // pending log: no block position
        assertEquals(List.of(), decoder.decode(new Log(false, null, null, null, null, null, borrow.getAddress(),
                borrow.getData(), null, t)));
        // null
        assertEquals(List.of(), decoder.decode(null));
        assertEquals(new EventDecoder.Counters(0, 0, 0, 0, 6, 0), decoder.counters());
    }

    @Test
    void unknownTopicsAnonymousAndRemovedLogsAreCounted() {
        Log transfer = FIXTURE.byEvent("ERC20.Transfer.WETH").getFirst().log();
        // Approval(address,address,uint256)
        List<String> approval = List.of("0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925",
                transfer.getTopics().get(1), transfer.getTopics().get(2));
        assertEquals(List.of(), decoder.decode(MainnetFixture.copy(transfer, null, approval, null)));
        assertEquals(List.of(), decoder.decode(MainnetFixture.copy(transfer, null, List.of(), null)));
        Log removed = MainnetFixture.copy(transfer, null, null, null);
        removed.setRemoved(true);
        assertEquals(List.of(), decoder.decode(removed));
        assertEquals(new EventDecoder.Counters(0, 2, 0, 0, 0, 1), decoder.counters());
        assertEquals(3, decoder.counters().total());
        decoder.resetCounters();
        assertEquals(new EventDecoder.Counters(0, 0, 0, 0, 0, 0), decoder.counters());
    }

    @Test
    void upperCaseHexFromAnOddProviderStillDecodes() {
        Log borrow = FIXTURE.one("AaveV3.Borrow", "0x44367976e841cde459d84aec984d5fae4466b2978b1d71c9cd916bb79792ee20").log();
        List<String> upper = borrow.getTopics().stream().map(s -> "0x" + s.substring(2).toUpperCase()).toList();
        Log shouting = MainnetFixture.copy(borrow, "0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2", upper, null);
        DecodedEvent e = decoder.decode(shouting).getFirst();
        assertEquals(decoder.decode(borrow).getFirst(), e);
        assertEquals(AAVE_V3_POOL, e.contract());
        assertNotEquals(borrow.getTopics(), shouting.getTopics());
    }

    @Test
    void countersAccountForEveryLog() {
        int n = 0;
        for (Labelled l : FIXTURE.logs) {
            decoder.decode(l.log());
            n++;
        }
        for (MainnetFixture.Receipt r : FIXTURE.receipts) {
            for (Log log : r.logs()) {
                decoder.decode(log);
                n++;
            }
        }
        assertEquals(n, decoder.counters().total());
    }
}
