package io.creditlayer.features.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.creditlayer.contracts.generated.CreditOracle;
import io.creditlayer.contracts.generated.LendingPool;
import io.creditlayer.features.model.Action;
import io.creditlayer.features.model.DecodedEvent;
import io.creditlayer.features.model.LogRef;
import io.creditlayer.features.model.Protocol;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Round trips for CreditLayer's own events: each log is ABI-encoded by web3j ({@link EventEncoder} for topic0,
 * {@link TypeEncoder} for indexed topics, {@link FunctionEncoder} for the data) from values whose types are checked
 * against the generated wrapper's event definition, then decoded. (Real-chain coverage: the lead's anvil tests.)
 */
class CreditLayerEventsTest {

    // mixed case on purpose: everything must come out lower-case
    private static final String POOL = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static final String LOAN = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
    private static final String COLLATERAL = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
    private static final String ORACLE = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
    private static final String ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String BOB = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

    private final EventDecoder decoder =
            new EventDecoder(KnownContracts.forCreditLayer(31337, POOL, LOAN, COLLATERAL, ORACLE));

    private static final LogRef REF = new LogRef(42, "0x" + "cd".repeat(32), "0x" + "ab".repeat(32), 1, 3);

    /** ABI-encodes an event log with web3j, after checking each value's type against the event definition. */
    @SuppressWarnings("rawtypes")
    private static Log encode(Event event, String emitter, List<Type> indexed, List<Type> nonIndexed) {
        checkTypes(event.getIndexedParameters(), indexed);
        checkTypes(event.getNonIndexedParameters(), nonIndexed);
        List<String> topics = new ArrayList<>();
        topics.add(EventEncoder.encode(event));
        for (Type value : indexed) {
            topics.add("0x" + TypeEncoder.encode(value));
        }
        String data = "0x" + FunctionEncoder.encodeConstructor(nonIndexed);
        return new Log(false, "0x3", "0x1", REF.txHash(), REF.blockHash(), "0x2a", emitter, data, null, topics);
    }

    @SuppressWarnings("rawtypes")
    private static void checkTypes(List<TypeReference<Type>> expected, List<Type> values) {
        assertEquals(expected.size(), values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                assertEquals(expected.get(i).getClassType(), values.get(i).getClass(), "parameter " + i);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static Address a(String address) {
        return new Address(address);
    }

    private static Uint256 u(long v) {
        return new Uint256(BigInteger.valueOf(v));
    }

    private DecodedEvent one(Log log) {
        List<DecodedEvent> events = decoder.decode(log);
        assertEquals(1, events.size(), () -> "not decoded: " + decoder.counters());
        return events.getFirst();
    }

    private static DecodedEvent expected(Protocol protocol, Action action, String contract, String wallet,
                                         String counterparty, String asset, long amount, int detail) {
        return new DecodedEvent(REF, contract.toLowerCase(), protocol, action, wallet.toLowerCase(),
                counterparty == null ? null : counterparty.toLowerCase(), asset == null ? null : asset.toLowerCase(),
                BigInteger.valueOf(amount), detail);
    }

    @Test
    void borrowRoundTrip() {
        // Borrow(address indexed borrower, address indexed receiver, uint256 assets, uint8 tier, uint256 collateralRatioBps)
        Log log = encode(LendingPool.BORROW_EVENT, POOL, List.of(a(ALICE), a(BOB)),
                List.of(u(1_500_000_000L), new Uint8(3), u(2_500)));
        // the wrapper reads back what was encoded
        LendingPool.BorrowEventResponse w = LendingPool.getBorrowEventFromLog(log);
        assertEquals(BigInteger.valueOf(1_500_000_000L), w.assets);
        assertEquals(BigInteger.valueOf(3), w.tier);
        assertEquals(ALICE.toLowerCase(), w.borrower);

        assertEquals(expected(Protocol.CREDITLAYER_POOL, Action.BORROW, POOL, ALICE, BOB, LOAN, 1_500_000_000L, 3),
                one(log));
    }

    @Test
    void collateralEventsUseTheCollateralToken() {
        Log supply = encode(LendingPool.SUPPLYCOLLATERAL_EVENT, POOL, List.of(a(BOB), a(ALICE)), List.of(u(7)));
        assertEquals(expected(Protocol.CREDITLAYER_POOL, Action.SUPPLY_COLLATERAL, POOL, ALICE, BOB, COLLATERAL, 7, 0),
                one(supply));
        Log withdraw = encode(LendingPool.WITHDRAWCOLLATERAL_EVENT, POOL, List.of(a(ALICE), a(BOB)), List.of(u(5)));
        assertEquals(expected(Protocol.CREDITLAYER_POOL, Action.WITHDRAW_COLLATERAL, POOL, ALICE, BOB, COLLATERAL, 5, 0),
                one(withdraw));
    }

    @Test
    void repayLiquidationAndWriteOff() {
        Log repay = encode(LendingPool.REPAY_EVENT, POOL, List.of(a(BOB), a(ALICE)), List.of(u(900)));
        assertEquals(expected(Protocol.CREDITLAYER_POOL, Action.REPAY, POOL, ALICE, BOB, LOAN, 900, 0), one(repay));

        // Liquidate(address indexed liquidator, address indexed borrower, uint256 repaid, uint256 seizedCollateral, uint256 badDebt)
        Log liquidate = encode(LendingPool.LIQUIDATE_EVENT, POOL, List.of(a(BOB), a(ALICE)), List.of(u(400), u(11), u(60)));
        List<DecodedEvent> liquidation = decoder.decode(liquidate);
        assertEquals(2, liquidation.size(), "the debt covered and the collateral seized");
        assertEquals(expected(Protocol.CREDITLAYER_POOL, Action.LIQUIDATED, POOL, ALICE, BOB, LOAN, 400, 0),
                liquidation.get(0));
        assertEquals(Action.WITHDRAW_COLLATERAL, liquidation.get(1).action());
        assertEquals(ALICE.toLowerCase(), liquidation.get(1).wallet());
        assertEquals(java.math.BigInteger.valueOf(11), liquidation.get(1).amount());

        // BadDebtWrittenOff(address indexed borrower, uint256 amount, uint256 coveredByReserve, uint256 socialized)
        Log writeOff = encode(LendingPool.BADDEBTWRITTENOFF_EVENT, POOL, List.of(a(ALICE)), List.of(u(60), u(45), u(15)));
        assertEquals(expected(Protocol.CREDITLAYER_POOL, Action.WRITE_OFF, POOL, ALICE, null, LOAN, 60, 0),
                one(writeOff));
    }

    @Test
    void erc4626LenderEvents() {
        // Deposit(address indexed sender, address indexed owner, uint256 assets, uint256 shares)
        Log deposit = encode(LendingPool.DEPOSIT_EVENT, POOL, List.of(a(BOB), a(ALICE)), List.of(u(10_000), u(9_990)));
        assertEquals(expected(Protocol.CREDITLAYER_POOL, Action.DEPOSIT, POOL, ALICE, BOB, LOAN, 10_000, 0), one(deposit));
        // Withdraw(address indexed sender, address indexed receiver, address indexed owner, uint256 assets, uint256 shares)
        Log withdraw = encode(LendingPool.WITHDRAW_EVENT, POOL, List.of(a(BOB), a(BOB), a(ALICE)), List.of(u(3_000), u(2_990)));
        assertEquals(expected(Protocol.CREDITLAYER_POOL, Action.WITHDRAW, POOL, ALICE, BOB, LOAN, 3_000, 0), one(withdraw));
    }

    @Test
    void shareTokenTransferIsAnOrdinaryErc20Transfer() {
        Log transfer = encode(LendingPool.TRANSFER_EVENT, POOL, List.of(a(ALICE), a(BOB)), List.of(u(123)));
        assertEquals(expected(Protocol.ERC20, Action.TRANSFER, POOL, ALICE, BOB, POOL, 123, 0), one(transfer));
    }

    @Test
    void attestationAccepted() {
        // AttestationAccepted(address indexed borrower, bytes32 indexed modelId, uint16 score, uint8 tier,
        //                     bytes32 featureCommitment, uint64 expiresAt, uint256 nonce, address signer)
        Log log = encode(CreditOracle.ATTESTATIONACCEPTED_EVENT, ORACLE,
                List.of(a(ALICE), new Bytes32(new byte[32])),
                List.of(new Uint16(712), new Uint8(2), new Bytes32(new byte[32]), new Uint64(1_900_000_000L), u(7), a(BOB)));
        assertEquals(expected(Protocol.CREDITLAYER_ORACLE, Action.ATTESTED, ORACLE, ALICE, BOB, null, 712, 2), one(log));
    }

    @Test
    void creditLayerEventsFromUnknownContractsAreNotDecoded() {
        String impostor = "0x000000000000000000000000000000000000dEaD";
        Log borrow = encode(LendingPool.BORROW_EVENT, impostor, List.of(a(ALICE), a(BOB)), List.of(u(1), new Uint8(0), u(1)));
        Log attest = encode(CreditOracle.ATTESTATIONACCEPTED_EVENT, POOL,   // a pool is not an oracle
                List.of(a(ALICE), new Bytes32(new byte[32])),
                List.of(new Uint16(900), new Uint8(0), new Bytes32(new byte[32]), new Uint64(1L), u(1), a(BOB)));
        assertEquals(List.of(), decoder.decode(borrow));
        assertEquals(List.of(), decoder.decode(attest));
        assertEquals(2, decoder.skippedUnknownContractCount());
        // ...but the same Borrow from the real pool is
        assertEquals(1, decoder.decode(MainnetFixture.copy(borrow, POOL, null, null)).size());
        // and the mainnet address book knows no CreditLayer pool
        assertEquals(List.of(), new EventDecoder(KnownContracts.ethereumMainnet()).decode(MainnetFixture.copy(borrow, POOL, null, null)));
    }

    @Test
    void assetFallsBackToThePoolWhenTokensAreUnknown() {
        EventDecoder bare = new EventDecoder(KnownContracts.forCreditLayer(31337, POOL, null, null, null));
        Log supply = encode(LendingPool.SUPPLYCOLLATERAL_EVENT, POOL, List.of(a(ALICE), a(ALICE)), List.of(u(7)));
        Log borrow = encode(LendingPool.BORROW_EVENT, POOL, List.of(a(ALICE), a(ALICE)), List.of(u(1), new Uint8(1), u(1)));
        assertEquals(POOL.toLowerCase(), bare.decode(supply).getFirst().asset());
        assertEquals(POOL.toLowerCase(), bare.decode(borrow).getFirst().asset());
    }

    @Test
    void truncatedCreditLayerLogIsMalformed() {
        Log borrow = encode(LendingPool.BORROW_EVENT, POOL, List.of(a(ALICE), a(BOB)), List.of(u(1), new Uint8(0), u(1)));
        Log truncated = MainnetFixture.copy(borrow, null, null, borrow.getData().substring(0, 2 + 64 * 2));
        assertEquals(List.of(), decoder.decode(truncated));
        assertEquals(1, decoder.malformedCount());
    }
}
