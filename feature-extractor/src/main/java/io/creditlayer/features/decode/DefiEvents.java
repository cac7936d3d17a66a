package io.creditlayer.features.decode;

import java.util.List;

import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * web3j {@link Event} definitions of the third-party events the decoder understands, with the exact mainnet
 * parameter types and {@code indexed} flags (the topic0 is {@code EventEncoder.encode(event)}).
 * CreditLayer's own events are not here: they come from the generated wrappers
 * ({@code io.creditlayer.contracts.generated.LendingPool}, {@code CreditOracle}).
 */
public final class DefiEvents {

    private DefiEvents() {
    }

    // ---------------------------------------------------------------- ERC-20

    /** {@code Transfer(address indexed from, address indexed to, uint256 value)}; 3 topics (ERC-721 has 4). */
    public static final Event ERC20_TRANSFER = new Event("Transfer", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { }));

    // ---------------------------------------------------------------- Aave V3 Pool

    /** {@code Supply(address indexed reserve, address user, address indexed onBehalfOf, uint256 amount, uint16 indexed referralCode)}. */
    public static final Event AAVE_V3_SUPPLY = new Event("Supply", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>() { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint16>(true) { }));

    /** {@code Withdraw(address indexed reserve, address indexed user, address indexed to, uint256 amount)}; same in V2. */
    public static final Event AAVE_V3_WITHDRAW = new Event("Withdraw", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { }));

    /**
     * {@code Borrow(address indexed reserve, address user, address indexed onBehalfOf, uint256 amount,
     * uint8 interestRateMode, uint256 borrowRate, uint16 indexed referralCode)}.
     */
    public static final Event AAVE_V3_BORROW = new Event("Borrow", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>() { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint8>() { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint16>(true) { }));

    /** {@code Repay(address indexed reserve, address indexed user, address indexed repayer, uint256 amount, bool useATokens)}. */
    public static final Event AAVE_V3_REPAY = new Event("Repay", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { },
            new TypeReference<Bool>() { }));

    /**
     * {@code LiquidationCall(address indexed collateralAsset, address indexed debtAsset, address indexed user,
     * uint256 debtToCover, uint256 liquidatedCollateralAmount, address liquidator, bool receiveAToken)}; same in V2.
     */
    public static final Event AAVE_V3_LIQUIDATION_CALL = new Event("LiquidationCall", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint256>() { },
            new TypeReference<Address>() { },
            new TypeReference<Bool>() { }));

    // ---------------------------------------------------------------- Aave V2 LendingPool

    /** {@code Deposit(address indexed reserve, address user, address indexed onBehalfOf, uint256 amount, uint16 indexed referral)}. */
    public static final Event AAVE_V2_DEPOSIT = new Event("Deposit", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>() { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint16>(true) { }));

    /** Same signature, layout and topic0 as {@link #AAVE_V3_WITHDRAW}. */
    public static final Event AAVE_V2_WITHDRAW = AAVE_V3_WITHDRAW;

    /**
     * {@code Borrow(address indexed reserve, address user, address indexed onBehalfOf, uint256 amount,
     * uint256 borrowRateMode, uint256 borrowRate, uint16 indexed referral)}.
     */
    public static final Event AAVE_V2_BORROW = new Event("Borrow", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>() { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint16>(true) { }));

    /** {@code Repay(address indexed reserve, address indexed user, address indexed repayer, uint256 amount)}. */
    public static final Event AAVE_V2_REPAY = new Event("Repay", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { }));

    /** Same signature, layout and topic0 as {@link #AAVE_V3_LIQUIDATION_CALL}. */
    public static final Event AAVE_V2_LIQUIDATION_CALL = AAVE_V3_LIQUIDATION_CALL;

    // ---------------------------------------------------------------- Compound V3 (Comet)

    /** {@code Supply(address indexed from, address indexed dst, uint256 amount)} (base asset). */
    public static final Event COMET_SUPPLY = new Event("Supply", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { }));

    /** {@code Withdraw(address indexed src, address indexed to, uint256 amount)} (base asset). */
    public static final Event COMET_WITHDRAW = new Event("Withdraw", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { }));

    /** {@code SupplyCollateral(address indexed from, address indexed dst, address indexed asset, uint256 amount)}. */
    public static final Event COMET_SUPPLY_COLLATERAL = new Event("SupplyCollateral", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { }));

    /** {@code WithdrawCollateral(address indexed src, address indexed to, address indexed asset, uint256 amount)}. */
    public static final Event COMET_WITHDRAW_COLLATERAL = new Event("WithdrawCollateral", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { }));

    /** {@code AbsorbDebt(address indexed absorber, address indexed borrower, uint256 basePaidOut, uint256 usdValue)}. */
    public static final Event COMET_ABSORB_DEBT = new Event("AbsorbDebt", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint256>() { }));

    // ---------------------------------------------------------------- Uniswap

    /**
     * Uniswap V2 pair {@code Swap(address indexed sender, uint256 amount0In, uint256 amount1In, uint256 amount0Out,
     * uint256 amount1Out, address indexed to)}. Also emitted by V2 forks (SushiSwap etc.) with the same layout.
     */
    public static final Event UNISWAP_V2_SWAP = new Event("Swap", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint256>() { },
            new TypeReference<Address>(true) { }));

    /**
     * Uniswap V3 pool {@code Swap(address indexed sender, address indexed recipient, int256 amount0, int256 amount1,
     * uint160 sqrtPriceX96, uint128 liquidity, int24 tick)}.
     */
    public static final Event UNISWAP_V3_SWAP = new Event("Swap", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Int256>() { },
            new TypeReference<Int256>() { },
            new TypeReference<Uint160>() { },
            new TypeReference<Uint128>() { },
            new TypeReference<Int24>() { }));

    /**
     * Tornado Cash pool {@code Withdrawal(address to, bytes32 nullifierHash, address indexed relayer, uint256 fee)}:
     * the recipient sits in the data, so a mixer-funded wallet shows only in this log (the payment is an internal call).
     */
    public static final Event TORNADO_WITHDRAWAL = new Event("Withdrawal", List.of(
            new TypeReference<Address>() { },
            new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { }));

    /** {@code EventEncoder.encode(event)}: keccak-256 of the canonical signature, 0x-prefixed lower-case hex. */
    public static String topic0(Event event) {
        return EventEncoder.encode(event);
    }
}
