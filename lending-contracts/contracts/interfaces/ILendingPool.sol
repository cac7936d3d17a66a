// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {AggregatorV3Interface} from "./AggregatorV3Interface.sol";
import {ICreditOracle} from "./ICreditOracle.sol";
import {IIrm} from "./IIrm.sol";

/// @title ILendingPool
/// @notice An isolated market: one loan token (lent through ERC-4626 shares), one collateral token, one
/// price feed. A borrower's collateral ratio, liquidation ratio, unsecured credit cap and rate premium come
/// from the governance tier table, indexed by the tier the CreditOracle answers for that borrower.
interface ILendingPool {
    /// @notice One row of the tier table.
    struct TierParams {
        uint16 collateralRatioBps; // borrow limit = collateralValue * 10000 / collateralRatioBps
        uint16 liquidationRatioBps; // liquidatable when debt > collateralValue * 10000 / liquidationRatioBps
        uint16 ratePremiumBps; // yearly premium on top of the utilization rate
        uint128 creditCap; // max unsecured part (debt above collateral value), loan-token units
    }

    /// @notice A borrower's position as the pool sees it now.
    struct PositionView {
        uint256 collateral; // collateral-token units
        uint256 debt; // loan-token units, interest included
        uint256 collateralValue; // loan-token units at the current price
        uint256 borrowLimit; // loan-token units, at the borrower's current tier: min(value * 10000 / CR, value + cap)
        uint8 tier; // current tier from the oracle
        uint8 debtTier; // the tier bucket whose rate the debt accrues at
        bool liquidatable;
    }

    event SupplyCollateral(address indexed caller, address indexed onBehalf, uint256 amount);
    event WithdrawCollateral(address indexed borrower, address indexed receiver, uint256 amount);
    event Borrow(
        address indexed borrower, address indexed receiver, uint256 assets, uint8 tier, uint256 collateralRatioBps
    );
    event Repay(address indexed caller, address indexed onBehalf, uint256 assets);
    event Liquidate(
        address indexed liquidator, address indexed borrower, uint256 repaid, uint256 seizedCollateral, uint256 badDebt
    );
    event BadDebtWrittenOff(address indexed borrower, uint256 amount, uint256 coveredByReserve, uint256 socialized);
    event InterestAccrued(uint256 interest, uint256 toReserve);
    event TierParamsSet(uint8 indexed tier, TierParams params);
    event ReserveFactorSet(uint256 reserveFactorBps);
    event LiquidationBonusSet(uint256 liquidationBonusBps);
    event MaxPriceAgeSet(uint256 maxPriceAge);
    event IrmSet(address irm);
    event CreditOracleSet(address creditOracle);
    event ReserveWithdrawn(address indexed receiver, uint256 amount);

    error LendingPoolZeroAmount();
    error LendingPoolZeroAddress();
    error LendingPoolStalePrice(uint256 updatedAt);
    error LendingPoolInvalidPrice(int256 answer);
    error LendingPoolInsufficientCollateral(address borrower, uint256 debt, uint256 borrowLimit);
    error LendingPoolCreditCapExceeded(address borrower, uint256 unsecured, uint256 creditCap);
    error LendingPoolInsufficientLiquidity(uint256 requested, uint256 available);
    error LendingPoolPositionHealthy(address borrower);
    error LendingPoolSelfLiquidation();
    error LendingPoolInvalidTier(uint8 tier);
    error LendingPoolInvalidParams();
    error LendingPoolUnsupportedToken(address token);
    error LendingPoolNoDebt(address borrower);
    error LendingPoolInsufficientCollateralBalance(address borrower, uint256 requested, uint256 balance);
    error LendingPoolReserveLocked(uint256 requested, uint256 withdrawable);

    /// @notice Posts collateral for `onBehalf`.
    function supplyCollateral(uint256 amount, address onBehalf) external;

    /// @notice Takes collateral back; the position must stay within its borrow limit.
    function withdrawCollateral(uint256 amount, address receiver) external;

    /// @notice Borrows `assets` against the caller's collateral at the caller's current tier.
    function borrow(uint256 assets, address receiver) external;

    /// @notice Repays up to `assets` (type(uint256).max for all) of `onBehalf`'s debt; returns the amount repaid.
    function repay(uint256 assets, address onBehalf) external returns (uint256 repaid);

    /// @notice Repays up to `repayAssets` of an unhealthy position and seizes collateral plus the bonus.
    /// Debt left when all collateral is gone is written off against the reserve, then lenders.
    function liquidate(address borrower, uint256 repayAssets, address collateralReceiver)
        external
        returns (uint256 repaid, uint256 seized);

    /// @notice Accrues interest on all tier buckets up to now.
    function accrueInterest() external;

    /// @notice The borrower's position at the current price and tier (interest accrued virtually).
    function positionOf(address borrower) external view returns (PositionView memory);

    /// @notice Current debt of a borrower, interest included.
    function debtOf(address borrower) external view returns (uint256);

    /// @notice Collateral posted by a borrower.
    function collateralOf(address borrower) external view returns (uint256);

    /// @notice The collateral ratio that applies to a borrower now, in basis points.
    function collateralRatioBpsOf(address borrower) external view returns (uint256);

    /// @notice Total debt of all borrowers, interest included.
    function totalDebt() external view returns (uint256);

    /// @notice First-loss reserve, loan-token units (held by the pool, not owned by lenders).
    function reserve() external view returns (uint256);

    /// @notice Total bad debt ever socialized to lenders.
    function totalSocializedLoss() external view returns (uint256);

    /// @notice The tier table row.
    function tierParams(uint8 tier) external view returns (TierParams memory);

    /// @notice Governance: sets one tier table row.
    function setTierParams(uint8 tier, TierParams calldata params) external;

    /// @notice Guardian: stops deposits, borrows and collateral withdrawals; repay and liquidate stay open.
    function pause() external;

    /// @notice Guardian: resumes.
    function unpause() external;

    /* ---------------------------------------------------------------- additions */

    /// @notice Governance: sets the share of interest that goes to the reserve (at most 5000 bps).
    function setReserveFactor(uint256 reserveFactorBps) external;

    /// @notice Governance: sets the liquidation bonus paid in collateral (at most 2000 bps).
    function setLiquidationBonus(uint256 liquidationBonusBps) external;

    /// @notice Governance: sets the oldest price (seconds since updatedAt) the pool acts on (1 s .. 2 days).
    function setMaxPriceAge(uint256 maxPriceAge) external;

    /// @notice Governance: replaces the interest rate model (interest is accrued at the old one first).
    function setIrm(IIrm newIrm) external;

    /// @notice Governance: replaces the credit oracle.
    function setCreditOracle(ICreditOracle newCreditOracle) external;

    /// @notice Governance: sends `amount` of reserve surplus (see withdrawableReserve) to `receiver`.
    function withdrawReserve(address receiver, uint256 amount) external;

    /// @notice Reserve that governance may withdraw now: the reserve above the floor (RESERVE_FLOOR_BPS of total
    /// debt), limited by the cash the pool holds.
    function withdrawableReserve() external view returns (uint256);

    /// @notice Loan tokens the pool can lend or pay out to lenders now: cash minus reserve.
    function availableLiquidity() external view returns (uint256);

    /// @notice Assets (interest included) and shares of one tier's debt bucket.
    function debtBucket(uint8 tier) external view returns (uint256 assets, uint256 shares);

    /// @notice Value of `collateral` collateral-token units in loan-token units at the latest price, rounded down.
    function collateralValue(uint256 collateral) external view returns (uint256);

    /// @notice Share of interest that goes to the reserve, basis points.
    function reserveFactorBps() external view returns (uint256);

    /// @notice Liquidation bonus, basis points.
    function liquidationBonusBps() external view returns (uint256);

    /// @notice Oldest price age the pool acts on, seconds.
    function maxPriceAge() external view returns (uint256);

    /// @notice Timestamp of the last interest accrual.
    function lastAccrual() external view returns (uint256);

    /// @notice The interest rate model.
    function irm() external view returns (IIrm);

    /// @notice The credit oracle.
    function creditOracle() external view returns (ICreditOracle);

    /// @notice The collateral price feed.
    function priceFeed() external view returns (AggregatorV3Interface);

    /// @notice The collateral token.
    function collateralToken() external view returns (IERC20);
}
