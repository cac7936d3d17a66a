// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {LendingPool} from "../../contracts/LendingPool.sol";
import {ILendingPool} from "../../contracts/interfaces/ILendingPool.sol";

import {FeeOnTransferERC20} from "../mocks/FeeOnTransferERC20.sol";
import {MockAggregator} from "../mocks/MockAggregator.sol";
import {NoReturnERC20} from "../mocks/NoReturnERC20.sol";
import {PoolTestBase} from "./PoolTestBase.sol";

/// @notice Tokens that break naive integrations: USDT-style tokens without return values work on both sides of
/// the market (SafeERC20); fee-on-transfer tokens are refused wherever the pool receives them.
contract PoolWeirdTokensTest is PoolTestBase {
    NoReturnERC20 internal usdt;
    NoReturnERC20 internal nrColl;
    FeeOnTransferERC20 internal fot;

    function setUp() public override {
        super.setUp();
        usdt = new NoReturnERC20("Tether USD", "USDT", 6);
        nrColl = new NoReturnERC20("No-return collateral", "NRC", 18);
        fot = new FeeOnTransferERC20("Fee token", "FEE", 6, 100); // 1% fee
    }

    /* ---------------------------------------------------------------- no-return tokens */

    function test_noReturnLoanToken_fullCycle() public {
        LendingPool p = deployPool(IERC20(address(usdt)), IERC20(address(coll)), feed);

        // Lender deposits.
        usdt.mint(lender, 100_000 * USDC);
        vm.startPrank(lender);
        usdt.approve(address(p), type(uint256).max);
        p.deposit(100_000 * USDC, lender);
        vm.stopPrank();
        assertEq(usdt.balanceOf(address(p)), 100_000 * USDC);

        // Alice borrows, then repays part.
        coll.mint(alice, 10 * WETH);
        vm.startPrank(alice);
        coll.approve(address(p), type(uint256).max);
        p.supplyCollateral(10 * WETH, alice);
        p.borrow(13_000 * USDC, alice);
        assertEq(usdt.balanceOf(alice), 13_000 * USDC);
        usdt.approve(address(p), type(uint256).max);
        p.repay(3_000 * USDC, alice);
        vm.stopPrank();
        assertApproxEqAbs(p.debtOf(alice), 10_000 * USDC, 1);

        // The price halves: liquidation pays in USDT.
        feed.setPrice(ETH_PRICE / 2);
        usdt.mint(liquidator, 5_000 * USDC);
        vm.startPrank(liquidator);
        usdt.approve(address(p), type(uint256).max);
        (uint256 repaid, uint256 seized) = p.liquidate(alice, 5_000 * USDC, liquidator);
        vm.stopPrank();
        assertEq(repaid, 5_000 * USDC);
        assertEq(coll.balanceOf(liquidator), seized);

        // Lender takes out what liquidity allows.
        uint256 maxOut = p.maxWithdraw(lender);
        vm.prank(lender);
        p.withdraw(maxOut, lender, lender);
        assertEq(usdt.balanceOf(lender), maxOut);
        assertEq(p.totalAssets() + p.reserve(), usdt.balanceOf(address(p)) + p.totalDebt(), "accounting with USDT");
    }

    function test_noReturnCollateral_fullCycle() public {
        LendingPool p = deployPool(IERC20(address(loan)), IERC20(address(nrColl)), feed);
        loan.mint(lender, 100_000 * USDC);
        vm.startPrank(lender);
        loan.approve(address(p), type(uint256).max);
        p.deposit(100_000 * USDC, lender);
        vm.stopPrank();

        nrColl.mint(alice, 10 * WETH);
        vm.startPrank(alice);
        nrColl.approve(address(p), type(uint256).max);
        p.supplyCollateral(10 * WETH, alice);
        p.borrow(10_000 * USDC, alice);
        p.withdrawCollateral(2 * WETH, alice);
        vm.stopPrank();
        assertEq(nrColl.balanceOf(alice), 2 * WETH);
        assertEq(nrColl.balanceOf(address(p)), 8 * WETH);

        feed.setPrice(ETH_PRICE / 2); // 8 WETH = 8,000 < 10,000 * 1.25
        loan.mint(liquidator, 10_000 * USDC);
        vm.startPrank(liquidator);
        loan.approve(address(p), type(uint256).max);
        (, uint256 seized) = p.liquidate(alice, 2_000 * USDC, liquidator);
        vm.stopPrank();
        assertEq(nrColl.balanceOf(liquidator), seized);
        assertEq(nrColl.balanceOf(address(p)), p.collateralOf(alice));
    }

    /* ---------------------------------------------------------------- fee-on-transfer tokens */

    function test_feeOnTransfer_refusedOnDepositAndMint() public {
        LendingPool p = deployPool(IERC20(address(fot)), IERC20(address(coll)), feed);
        fot.mint(lender, 1_000 * USDC);
        vm.startPrank(lender);
        fot.approve(address(p), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolUnsupportedToken.selector, address(fot)));
        p.deposit(1_000 * USDC, lender);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolUnsupportedToken.selector, address(fot)));
        p.mint(1e12, lender);
        vm.stopPrank();
    }

    function test_feeOnTransfer_refusedOnSupplyCollateral() public {
        FeeOnTransferERC20 fotColl = new FeeOnTransferERC20("Fee collateral", "FEEC", 18, 100);
        LendingPool p = deployPool(IERC20(address(loan)), IERC20(address(fotColl)), feed);
        fotColl.mint(alice, 10 * WETH);
        vm.startPrank(alice);
        fotColl.approve(address(p), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolUnsupportedToken.selector, address(fotColl)));
        p.supplyCollateral(10 * WETH, alice);
        vm.stopPrank();
    }

    function test_feeOnTransfer_switchedOnLater_refusedOnRepayAndLiquidate() public {
        fot.setFeeBps(0);
        LendingPool p = deployPool(IERC20(address(fot)), IERC20(address(coll)), feed);
        fot.mint(lender, 100_000 * USDC);
        vm.startPrank(lender);
        fot.approve(address(p), type(uint256).max);
        p.deposit(100_000 * USDC, lender);
        vm.stopPrank();

        coll.mint(alice, 10 * WETH);
        vm.startPrank(alice);
        coll.approve(address(p), type(uint256).max);
        p.supplyCollateral(10 * WETH, alice);
        p.borrow(13_000 * USDC, alice);
        vm.stopPrank();

        fot.setFeeBps(100);
        vm.startPrank(alice);
        fot.approve(address(p), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolUnsupportedToken.selector, address(fot)));
        p.repay(1_000 * USDC, alice);
        vm.stopPrank();

        feed.setPrice(ETH_PRICE / 2);
        fot.mint(liquidator, 5_000 * USDC);
        vm.startPrank(liquidator);
        fot.approve(address(p), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolUnsupportedToken.selector, address(fot)));
        p.liquidate(alice, 1_000 * USDC, liquidator);
        vm.stopPrank();
    }

    /* ---------------------------------------------------------------- donations */

    function test_donations_doNotMoveAccounting() public {
        uint256 priceBefore = sharePrice();
        uint256 taBefore = pool.totalAssets();
        loan.mint(address(pool), 1_000_000 * USDC); // sent without a call
        coll.mint(address(pool), 100 * WETH);
        assertEq(pool.totalAssets(), taBefore);
        assertEq(sharePrice(), priceBefore);
        assertEq(pool.availableLiquidity(), INITIAL_LIQUIDITY);
    }
}
