// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {ILendingPool} from "../../contracts/interfaces/ILendingPool.sol";
import {MathLib} from "../../contracts/libraries/MathLib.sol";

import {PoolTestBase} from "./PoolTestBase.sol";

/// @notice Fuzz tests over amounts, prices, tiers and time: round trips never create value for users, limits are
/// exact, liquidations move value in the pool's favour, and the views agree with the accrued state.
contract PoolFuzzTest is PoolTestBase {
    function _limitOf(uint256 collateral, uint8 tier) internal view returns (uint256 limit) {
        ILendingPool.TierParams memory p = pool.tierParams(tier);
        uint256 v = pool.collateralValue(collateral);
        limit = v * 10_000 / p.collateralRatioBps;
        if (limit > v + p.creditCap) limit = v + p.creditCap;
    }

    function _maybeTier(address who, uint256 tierSeed) internal returns (uint8 tier) {
        // forge-lint: disable-next-line(unsafe-typecast) -- < 6
        tier = uint8(tierSeed % 6);
        if (tier != 0) setTier(who, tier);
    }

    /* ---------------------------------------------------------------- lenders */

    function testFuzz_depositRedeem_roundTripNeverProfits(uint256 assets) public {
        assets = bound(assets, 1, 1e12 * USDC);
        address l2 = makeAddr("l2");
        uint256 shares = deposit(l2, assets);
        vm.prank(l2);
        uint256 out = pool.redeem(shares, l2, l2);
        assertLe(out, assets);
        assertGe(out + 1, assets);
    }

    function testFuzz_mintWithdraw_roundTripNeverProfits(uint256 shares) public {
        shares = bound(shares, 1, 1e30);
        address l2 = makeAddr("l2");
        uint256 cost = pool.previewMint(shares);
        loan.mint(l2, cost);
        vm.startPrank(l2);
        loan.approve(address(pool), cost);
        pool.mint(shares, l2);
        uint256 maxOut = pool.maxWithdraw(l2);
        assertLe(maxOut, cost);
        if (maxOut > 0) pool.withdraw(maxOut, l2, l2);
        vm.stopPrank();
        assertLe(loan.balanceOf(l2), cost);
    }

    /* ---------------------------------------------------------------- borrowers */

    function testFuzz_borrowLimit_isExact(uint256 collateral, int256 price, uint256 tierSeed) public {
        collateral = bound(collateral, 1e15, 1_000 * WETH);
        // forge-lint: disable-next-line(unsafe-typecast) -- bounded far below int256 max
        price = int256(bound(uint256(price), 1e8, 100_000e8));
        feed.setPrice(price);
        uint8 tier = _maybeTier(alice, tierSeed);
        supply(alice, collateral);

        uint256 limit = _limitOf(collateral, tier);
        vm.assume(limit > 0 && limit < INITIAL_LIQUIDITY);
        vm.prank(alice);
        vm.expectRevert(); // InsufficientCollateral or CreditCapExceeded, whichever binds
        pool.borrow(limit + 1, alice);

        borrow(alice, limit);
        assertEq(pool.debtOf(alice), limit);
        assertEq(pool.positionOf(alice).borrowLimit, limit, "positionOf reports the effective limit");
        assertFalse(pool.positionOf(alice).liquidatable, "a fresh borrow is never liquidatable");
    }

    function testFuzz_borrowRepay_roundTripPoolNeverLoses(
        uint256 collateral,
        uint256 fraction,
        uint256 elapsed,
        uint256 tierSeed
    ) public {
        collateral = bound(collateral, 1e16, 500 * WETH);
        fraction = bound(fraction, 1, 10_000);
        elapsed = bound(elapsed, 0, 3 * 365 days);
        uint8 tier = _maybeTier(alice, tierSeed);
        supply(alice, collateral);
        uint256 amount = MathLib.min(_limitOf(collateral, tier) * fraction / 10_000, INITIAL_LIQUIDITY);
        vm.assume(amount > 0);
        uint256 cashBefore = loan.balanceOf(address(pool));
        uint256 taBefore = pool.totalAssets();

        borrow(alice, amount);
        warpAndPrice(elapsed, ETH_PRICE);
        uint256 debt = pool.debtOf(alice);
        assertGe(debt, amount, "debt never below principal");
        uint256 repaid = repay(alice, type(uint256).max);
        assertEq(repaid, debt);
        assertEq(pool.debtOf(alice), 0);
        assertGe(loan.balanceOf(address(pool)), cashBefore, "pool cash never lower after a full round trip");
        assertGe(pool.totalAssets(), taBefore, "lenders never lose on a repaid loan");

        vm.prank(alice);
        pool.withdrawCollateral(collateral, alice);
        assertEq(coll.balanceOf(alice), collateral);
        assertAccounting();
    }

    function testFuzz_partialRepays_sumToDebt(uint256 amount, uint256 part, uint256 elapsed) public {
        amount = bound(amount, 2, 500_000 * USDC);
        supply(alice, 1_000 * WETH);
        borrow(alice, amount);
        warpAndPrice(bound(elapsed, 0, 365 days), ETH_PRICE);
        uint256 debt = pool.debtOf(alice);
        part = bound(part, 1, debt - 1);
        uint256 r1 = repay(alice, part);
        uint256 r2 = repay(alice, type(uint256).max);
        assertEq(r1, part);
        assertGe(r1 + r2, debt, "splitting a repayment never saves the borrower");
        assertLe(r1 + r2, debt + 2, "and costs at most rounding dust");
    }

    function testFuzz_withdrawCollateral_keepsPositionWithinLimit(uint256 borrowFraction, uint256 takeOut) public {
        setTier(alice, 4);
        supply(alice, 50 * WETH);
        uint256 amount = _limitOf(50 * WETH, 4) * bound(borrowFraction, 1, 10_000) / 10_000;
        vm.assume(amount > 0);
        borrow(alice, amount);
        takeOut = bound(takeOut, 1, 50 * WETH);
        vm.prank(alice);
        try pool.withdrawCollateral(takeOut, alice) {
            assertLe(pool.debtOf(alice), _limitOf(pool.collateralOf(alice), 4), "still within the limit");
        } catch {
            assertGt(pool.debtOf(alice), _limitOf(50 * WETH - takeOut, 4), "refused only beyond the limit");
        }
    }

    /* ---------------------------------------------------------------- liquidations */

    struct LiqCase {
        uint256 collateral;
        uint256 debt;
        uint256 value;
        uint256 repayAssets;
        uint256 taBefore;
        uint256 reserveBefore;
        uint256 lossBefore;
    }

    function testFuzz_liquidation_favoursPool(
        uint256 collateral,
        uint256 fraction,
        int256 newPrice,
        uint256 repayAssets,
        uint256 tierSeed
    ) public {
        LiqCase memory c;
        c.collateral = bound(collateral, 1e16, 500 * WETH);
        uint8 tier = _maybeTier(alice, tierSeed);
        supply(alice, c.collateral);
        uint256 amount =
            MathLib.min(_limitOf(c.collateral, tier) * bound(fraction, 5_000, 10_000) / 10_000, INITIAL_LIQUIDITY);
        vm.assume(amount > 0);
        borrow(alice, amount);
        // forge-lint: disable-next-line(unsafe-typecast) -- bounded far below int256 max
        feed.setPrice(int256(bound(uint256(newPrice), 1e6, 4_000e8)));

        c.debt = pool.debtOf(alice);
        c.value = pool.collateralValue(c.collateral);
        bool liquidatable = c.debt > c.value * 10_000 / pool.tierParams(tier).liquidationRatioBps;
        assertEq(pool.positionOf(alice).liquidatable, liquidatable);
        c.repayAssets = bound(repayAssets, 1, c.debt * 2);
        if (!liquidatable) {
            vm.prank(liquidator);
            vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolPositionHealthy.selector, alice));
            pool.liquidate(alice, c.repayAssets, liquidator);
            return;
        }

        c.taBefore = pool.totalAssets();
        c.reserveBefore = pool.reserve();
        c.lossBefore = pool.totalSocializedLoss();
        (uint256 repaid, uint256 seized) = liquidate(liquidator, alice, c.repayAssets);
        _checkLiquidation(c, repaid, seized);
    }

    function _checkLiquidation(LiqCase memory c, uint256 repaid, uint256 seized) internal view {
        assertLe(repaid, c.repayAssets);
        assertLe(repaid, c.debt);
        assertLe(seized, c.collateral);
        assertEq(pool.collateralOf(alice), c.collateral - seized);
        assertEq(coll.balanceOf(liquidator), seized);
        // The collateral paid out is worth at most repaid * 1.05 (+1 unit of rounding): the bonus is all it gets.
        assertLe(c.value * seized / c.collateral, repaid * 10_500 / 10_000 + 1);
        if (seized < c.collateral) {
            // Not capped: the liquidator received at least the bonus-inclusive value.
            assertGe(pool.collateralValue(seized) + 1, repaid * 10_500 / 10_000);
            assertApproxEqAbs(pool.debtOf(alice), c.debt - repaid, 2);
            assertEq(pool.totalSocializedLoss(), c.lossBefore);
        } else {
            // All collateral gone: no debt may remain; the shortfall went to the reserve, then to lenders.
            assertEq(pool.debtOf(alice), 0);
            uint256 bad = c.debt - repaid;
            uint256 covered = bad < c.reserveBefore ? bad : c.reserveBefore;
            assertEq(pool.reserve(), c.reserveBefore - covered);
            assertEq(pool.totalSocializedLoss(), c.lossBefore + bad - covered);
            assertGe(pool.totalAssets() + 2, c.taBefore - (bad - covered));
        }
        assertAccounting();
    }

    /* ---------------------------------------------------------------- interest */

    function testFuzz_views_matchAccruedState(uint256 a, uint256 b, uint256 elapsed, uint256 tierSeed) public {
        a = bound(a, 1, 300_000 * USDC);
        b = bound(b, 1, 300_000 * USDC);
        elapsed = bound(elapsed, 1, 5 * 365 days);
        _maybeTier(alice, tierSeed);
        supply(alice, 1_000 * WETH);
        supply(bob, 1_000 * WETH);
        borrow(alice, a);
        borrow(bob, b);
        vm.warp(block.timestamp + elapsed);

        uint256 debtA = pool.debtOf(alice);
        uint256 debtB = pool.debtOf(bob);
        uint256 total = pool.totalDebt();
        uint256 ta = pool.totalAssets();
        uint256 res = pool.reserve();
        pool.accrueInterest();
        assertEq(pool.debtOf(alice), debtA);
        assertEq(pool.debtOf(bob), debtB);
        assertEq(pool.totalDebt(), total);
        assertEq(pool.totalAssets(), ta);
        assertEq(pool.reserve(), res);
        assertGe(debtA, a);
        assertGe(debtB, b);
        assertApproxEqAbs(debtA + debtB, total, 2);
        assertAccounting();
    }

    function testFuzz_accrual_steppedCloseToWhole(uint256 elapsed, uint256 splits) public {
        // Accruing in several steps compounds slightly more than once (Taylor per step), never less.
        elapsed = bound(elapsed, 2, 365 days);
        splits = bound(splits, 2, 10);
        supply(alice, 1_000 * WETH);
        borrow(alice, 500_000 * USDC);
        uint256 snap = vm.snapshotState();
        vm.warp(block.timestamp + elapsed);
        uint256 once = pool.debtOf(alice);
        vm.revertToState(snap);
        for (uint256 i; i < splits; ++i) {
            vm.warp(block.timestamp + elapsed / splits);
            pool.accrueInterest();
        }
        vm.warp(block.timestamp + elapsed % splits);
        uint256 stepped = pool.debtOf(alice);
        assertGe(stepped + splits, once);
        assertApproxEqRel(stepped, once, 1e15); // within 0.1%
    }

    function testFuzz_collateralValue_roundsDown(uint256 collateral, int256 price) public {
        collateral = bound(collateral, 0, 1e30);
        // forge-lint: disable-next-line(unsafe-typecast) -- bounded far below int256 max
        price = int256(bound(uint256(price), 1, 1e30));
        feed.setPrice(price);
        uint256 v = pool.collateralValue(collateral);
        // forge-lint: disable-next-line(unsafe-typecast) -- positive
        assertEq(v, MathLib.fullMulDivDown(collateral, uint256(price), 1e20));
    }
}
