// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {console} from "forge-std/console.sol";

import {ILendingPool} from "../../contracts/interfaces/ILendingPool.sol";

import {PoolTestBase} from "../pool/PoolTestBase.sol";
import {PoolHandler} from "./PoolHandler.sol";

/// @notice Stateful invariants of LendingPool under random sequences of deposits, withdrawals, collateral moves,
/// borrows, repays, price moves, liquidations, time warps, attestation submission, revocation and expiry.
contract PoolInvariantTest is PoolTestBase {
    PoolHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new PoolHandler(pool, oracle, loan, coll, feed, GOVERNANCE);
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](16);
        selectors[0] = PoolHandler.deposit.selector;
        selectors[1] = PoolHandler.withdraw.selector;
        selectors[2] = PoolHandler.redeem.selector;
        selectors[3] = PoolHandler.supplyCollateral.selector;
        selectors[4] = PoolHandler.withdrawCollateral.selector;
        selectors[5] = PoolHandler.borrow.selector;
        selectors[6] = PoolHandler.borrow.selector; // borrowing twice as often as the rest
        selectors[7] = PoolHandler.borrowTooMuch.selector;
        selectors[8] = PoolHandler.repay.selector;
        selectors[9] = PoolHandler.liquidate.selector;
        selectors[10] = PoolHandler.attestTier.selector;
        selectors[11] = PoolHandler.revokeAttestation.selector;
        selectors[12] = PoolHandler.movePrice.selector;
        selectors[13] = PoolHandler.warp.selector;
        selectors[14] = PoolHandler.accrue.selector;
        selectors[15] = PoolHandler.withdrawReserve.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));

        // Start every run with live positions: all borrowers post 50 WETH, two of them hold attestations
        // (tier 5 and tier 3) that expire within the run, and all borrow most of their limit.
        for (uint256 i; i < 4; ++i) {
            handler.supplyCollateral(i, 50 * WETH);
        }
        handler.attestTier(0, 5);
        handler.attestTier(1, 3);
        address[] memory borrowers = handler.borrowers();
        for (uint256 i; i < 4; ++i) {
            ILendingPool.PositionView memory p = pool.positionOf(borrowers[i]);
            uint256 limit = p.borrowLimit;
            uint256 secured = p.collateralValue + pool.tierParams(p.tier).creditCap;
            handler.borrow(i, (limit < secured ? limit : secured) * 9 / 10);
        }
        assertGt(pool.totalDebt(), 0);
    }

    /// @notice totalAssets + reserve == cash + totalDebt, with cash the pool's actual token balance (so the
    /// booked cash also matches the balance: no donations in this campaign).
    /// forge-config: default.invariant.fail-on-revert = true
    function invariant_accountingIdentity() public view {
        assertEq(pool.totalAssets() + pool.reserve(), loan.balanceOf(address(pool)) + pool.totalDebt());
    }

    /// @notice The pool's debt equals the sum of the buckets exactly and the sum of the borrowers' debts within
    /// rounding (each debt rounds up by at most 1; emptied buckets may keep a few wei of dust).
    /// forge-config: default.invariant.fail-on-revert = true
    function invariant_debtEqualsSumOfPositions() public view {
        uint256 buckets;
        for (uint8 t; t < 6; ++t) {
            (uint256 assets,) = pool.debtBucket(t);
            buckets += assets;
        }
        assertEq(buckets, pool.totalDebt(), "sum of buckets");

        address[] memory borrowers = handler.borrowers();
        uint256 sum;
        for (uint256 i; i < borrowers.length; ++i) {
            sum += pool.debtOf(borrowers[i]);
        }
        uint256 total = pool.totalDebt();
        uint256 tolerance = 2 * borrowers.length + 2 * 6;
        assertApproxEqAbs(sum, total, tolerance, "sum of debtOf");
    }

    /// @notice Every posted collateral unit is in the pool, and no debt exists without collateral behind it
    /// (a liquidation that takes the last collateral writes off the rest).
    /// forge-config: default.invariant.fail-on-revert = true
    function invariant_collateralConservation() public view {
        address[] memory borrowers = handler.borrowers();
        uint256 sum;
        for (uint256 i; i < borrowers.length; ++i) {
            sum += pool.collateralOf(borrowers[i]);
            if (pool.debtOf(borrowers[i]) != 0) {
                assertGt(pool.collateralOf(borrowers[i]), 0, "debt without collateral");
            }
        }
        assertEq(sum, coll.balanceOf(address(pool)));
    }

    /// @notice No borrow or collateral withdrawal ever left a position over its limit or cap.
    /// forge-config: default.invariant.fail-on-revert = true
    function invariant_noPositionOverLimitAfterBorrow() public view {
        assertEq(handler.ghostLimitViolations(), 0);
    }

    /// @notice Lenders' share price never fell except in an action that recorded a socialized loss, and the
    /// recorded loss never exceeds the bad debt the liquidations produced.
    /// forge-config: default.invariant.fail-on-revert = true
    function invariant_sharePriceOnlyFallsOnWriteOff() public view {
        assertEq(handler.ghostSharePriceViolations(), 0);
        assertLe(pool.totalSocializedLoss(), handler.ghostBadDebt());
    }

    /// @notice Lenders can always be paid what maxWithdraw promises: it never exceeds cash minus reserve.
    /// forge-config: default.invariant.fail-on-revert = true
    function invariant_liquidityCoversPromises() public view {
        address[] memory lenders = handler.lenders();
        uint256 promised;
        for (uint256 i; i < lenders.length; ++i) {
            uint256 max = pool.maxWithdraw(lenders[i]);
            assertLe(max, pool.availableLiquidity());
            promised += pool.convertToAssets(pool.balanceOf(lenders[i]));
        }
        promised += pool.convertToAssets(pool.balanceOf(lender));
        assertLe(promised, pool.totalAssets(), "shares never promise more than totalAssets");
    }

    /// @dev Per-run coverage of the actions that matter (visible with -vv).
    function afterInvariant() external view {
        console.log(
            "borrows %d, liquidations %d, write-offs %d",
            handler.ghostBorrows(),
            handler.ghostLiquidations(),
            handler.ghostWriteOffs()
        );
    }
}
