// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {LendingPool} from "../contracts/LendingPool.sol";
import {AggregatorV3Interface} from "../contracts/interfaces/AggregatorV3Interface.sol";
import {ICreditOracle} from "../contracts/interfaces/ICreditOracle.sol";
import {IIrm} from "../contracts/interfaces/IIrm.sol";
import {ILendingPool} from "../contracts/interfaces/ILendingPool.sol";
import {KinkedIrm} from "../contracts/irm/KinkedIrm.sol";
import {MathLib} from "../contracts/libraries/MathLib.sol";

import {MockAggregator} from "./mocks/MockAggregator.sol";
import {TestERC20} from "./mocks/TestERC20.sol";
import {PoolTestBase} from "./pool/PoolTestBase.sol";

/// @notice Unit tests of LendingPool: every entry point, every revert path with its exact error, every
/// access-controlled setter, pause, events, and the key credit behaviours (tier-5 under-collateralized
/// borrowing, attestation expiry making a position liquidatable, write-off order).
contract LendingPoolTest is PoolTestBase {
    bytes32 internal constant ADMIN = 0x00;
    bytes32 internal guardianRole;

    function setUp() public override {
        super.setUp();
        guardianRole = pool.GUARDIAN_ROLE();
    }

    /* ================================================================ constructor */

    function test_constructor_setsTokensFeedsAndRoles() public view {
        assertEq(pool.asset(), address(loan));
        assertEq(address(pool.collateralToken()), address(coll));
        assertEq(address(pool.priceFeed()), address(feed));
        assertEq(address(pool.creditOracle()), address(oracle));
        assertEq(address(pool.irm()), address(irm));
        assertEq(pool.name(), "CreditLayer USDC");
        assertEq(pool.symbol(), "clUSDC");
        assertEq(pool.decimals(), 6 + 6, "asset decimals + offset");
        assertTrue(pool.hasRole(ADMIN, GOVERNANCE));
        assertTrue(pool.hasRole(guardianRole, GUARDIAN));
        assertFalse(pool.hasRole(ADMIN, address(this)));
        assertFalse(pool.hasRole(guardianRole, GOVERNANCE));
        assertEq(guardianRole, keccak256("GUARDIAN_ROLE"));
        assertEq(pool.lastAccrual(), START);
    }

    function test_constructor_setsDefaults() public view {
        assertEq(pool.maxPriceAge(), 3600);
        assertEq(pool.reserveFactorBps(), 1000);
        assertEq(pool.liquidationBonusBps(), 500);
        _assertTier(0, 15_000, 12_500, 800, 0);
        _assertTier(1, 14_000, 12_000, 600, 0);
        _assertTier(2, 12_500, 11_000, 400, 0);
        _assertTier(3, 11_000, 10_000, 250, 0);
        _assertTier(4, 9_500, 8_500, 150, 5_000 * USDC);
        _assertTier(5, 8_000, 7_000, 100, 20_000 * USDC);
    }

    function test_constructor_emitsDefaultTierTable() public {
        vm.expectEmit(true, true, true, true);
        emit ILendingPool.TierParamsSet(0, ILendingPool.TierParams(15_000, 12_500, 800, 0));
        vm.expectEmit(true, true, true, true);
        emit ILendingPool.TierParamsSet(5, ILendingPool.TierParams(8_000, 7_000, 100, 20_000e6));
        vm.expectEmit(true, true, true, true);
        emit ILendingPool.ReserveFactorSet(1000);
        deployPool(IERC20(address(loan)), IERC20(address(coll)), feed);
    }

    function test_constructor_capsScaleWithLoanDecimals() public {
        TestERC20 dai = new TestERC20("Dai", "DAI", 18);
        LendingPool p = deployPool(IERC20(address(dai)), IERC20(address(coll)), feed);
        assertEq(p.tierParams(4).creditCap, 5_000e18);
        assertEq(p.tierParams(5).creditCap, 20_000e18);
    }

    function test_constructor_revertsOnZeroAddress() public {
        address l = address(loan);
        address c = address(coll);
        address f = address(feed);
        address o = address(oracle);
        address i = address(irm);
        for (uint256 k; k < 7; ++k) {
            address[7] memory a = [l, c, f, o, i, GOVERNANCE, GUARDIAN];
            a[k] = address(0);
            vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAddress.selector));
            new LendingPool(
                IERC20(a[0]),
                IERC20(a[1]),
                AggregatorV3Interface(a[2]),
                ICreditOracle(a[3]),
                IIrm(a[4]),
                a[5],
                a[6],
                "n",
                "s"
            );
        }
    }

    function test_constructor_revertsWhenLoanIsCollateral() public {
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidParams.selector));
        deployPool(IERC20(address(loan)), IERC20(address(loan)), feed);
    }

    function test_collateralValue_scalesAllDecimalCombinations() public {
        // 8-decimal collateral (WBTC-like), 18-decimal feed, 18-decimal loan: scale = 10^(18 - 18 - 8) -> divide.
        TestERC20 wbtc = new TestERC20("WBTC", "WBTC", 8);
        TestERC20 dai = new TestERC20("Dai", "DAI", 18);
        MockAggregator f18 = new MockAggregator(18, 60_000e18);
        LendingPool p = deployPool(IERC20(address(dai)), IERC20(address(wbtc)), f18);
        assertEq(p.collateralValue(1e8), 60_000e18);
        assertEq(p.collateralValue(1), 6e14);

        // 6-decimal collateral, 0-decimal feed, 18-decimal loan: scale = 10^(18 - 0 - 6) -> multiply.
        TestERC20 c6 = new TestERC20("C6", "C6", 6);
        MockAggregator f0 = new MockAggregator(0, 3);
        LendingPool q = deployPool(IERC20(address(dai)), IERC20(address(c6)), f0);
        assertEq(q.collateralValue(2e6), 6e18);

        // The fixture: 18-decimal WETH, 8-decimal feed, 6-decimal USDC.
        assertEq(pool.collateralValue(1e18), 2_000 * USDC);
        // 5e8 wei of WETH is worth exactly 1 micro-USDC; anything below rounds down to 0.
        assertEq(pool.collateralValue(5e8), 1);
        assertEq(pool.collateralValue(5e8 - 1), 0, "rounds down");
        assertEq(pool.collateralValue(1e9 - 1), 1, "rounds down");
    }

    function test_collateralValue_zeroOnNonPositiveAnswer() public {
        feed.setAnswer(0);
        assertEq(pool.collateralValue(1e18), 0);
        feed.setAnswer(-1);
        assertEq(pool.collateralValue(1e18), 0);
    }

    /* ================================================================ lenders */

    function test_deposit_mintsSharesAndBooksCash() public {
        address l2 = makeAddr("l2");
        uint256 expectedShares = pool.previewDeposit(500 * USDC);
        loan.mint(l2, 500 * USDC);
        vm.startPrank(l2);
        loan.approve(address(pool), 500 * USDC);
        vm.expectEmit(true, true, true, true, address(pool));
        emit IERC4626Events.Deposit(l2, l2, 500 * USDC, expectedShares);
        uint256 shares = pool.deposit(500 * USDC, l2);
        vm.stopPrank();
        assertEq(shares, expectedShares);
        assertEq(shares, 500 * USDC * 1e6, "1e6 shares per asset at start");
        assertEq(pool.totalAssets(), INITIAL_LIQUIDITY + 500 * USDC);
        assertEq(pool.availableLiquidity(), INITIAL_LIQUIDITY + 500 * USDC);
        assertAccounting();
    }

    function test_mint_pullsPreviewedAssets() public {
        address l2 = makeAddr("l2");
        loan.mint(l2, 1_000 * USDC);
        vm.startPrank(l2);
        loan.approve(address(pool), type(uint256).max);
        uint256 assets = pool.mint(1e12, l2);
        vm.stopPrank();
        assertEq(assets, 1 * USDC);
        assertEq(pool.balanceOf(l2), 1e12);
        assertEq(loan.balanceOf(l2), 999 * USDC);
    }

    function test_withdrawAndRedeem_payOut() public {
        vm.prank(lender);
        pool.withdraw(100 * USDC, lender, lender);
        assertEq(loan.balanceOf(lender), 100 * USDC);
        uint256 shares = pool.balanceOf(lender);
        vm.prank(lender);
        uint256 assets = pool.redeem(shares, lender, lender);
        assertEq(assets, INITIAL_LIQUIDITY - 100 * USDC);
        assertEq(pool.totalSupply(), 0);
        assertEq(pool.totalAssets(), 0);
    }

    function test_withdraw_emitsAndRedeemBeyondMaxReverts() public {
        uint256 shares = pool.previewWithdraw(10 * USDC);
        vm.expectEmit(true, true, true, true, address(pool));
        emit IERC4626Events.Withdraw(lender, alice, lender, 10 * USDC, shares);
        vm.prank(lender);
        pool.withdraw(10 * USDC, alice, lender);

        supply(bob, 1_000 * WETH);
        borrow(bob, pool.availableLiquidity() - 1 * USDC);
        uint256 maxShares = pool.maxRedeem(lender);
        vm.prank(lender);
        vm.expectRevert(
            abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, lender, maxShares + 1, maxShares)
        );
        pool.redeem(maxShares + 1, lender, lender);
    }

    function test_withdraw_byApprovedOperator() public {
        address op = makeAddr("operator");
        uint256 shares = pool.previewWithdraw(10 * USDC);
        vm.prank(lender);
        pool.approve(op, shares);
        vm.prank(op);
        pool.withdraw(10 * USDC, op, lender);
        assertEq(loan.balanceOf(op), 10 * USDC);
        assertEq(pool.allowance(lender, op), 0);
    }

    function test_maxWithdraw_limitedByLiquidity() public {
        supply(alice, 1_000 * WETH);
        borrow(alice, 900_000 * USDC);
        assertEq(pool.availableLiquidity(), 100_000 * USDC);
        assertEq(pool.maxWithdraw(lender), 100_000 * USDC);
        assertEq(pool.maxRedeem(lender), pool.convertToShares(100_000 * USDC));

        vm.prank(lender);
        vm.expectRevert(
            abi.encodeWithSelector(
                ERC4626.ERC4626ExceededMaxWithdraw.selector, lender, 100_000 * USDC + 1, 100_000 * USDC
            )
        );
        pool.withdraw(100_000 * USDC + 1, lender, lender);

        uint256 maxShares = pool.maxRedeem(lender);
        vm.prank(lender);
        uint256 out = pool.redeem(maxShares, lender, lender);
        assertLe(out, 100_000 * USDC);
        assertGe(out, 100_000 * USDC - 1);
    }

    function test_maxWithdraw_excludesReserve() public {
        supply(alice, 1_000 * WETH);
        borrow(alice, 500_000 * USDC);
        warpAndPrice(365 days, ETH_PRICE);
        repay(alice, type(uint256).max);
        uint256 reserve_ = pool.reserve();
        assertGt(reserve_, 0);
        assertEq(pool.availableLiquidity(), loan.balanceOf(address(pool)) - reserve_);
        // The lender owns all of totalAssets but the virtual shares' sliver, so liquidity is not the binding limit.
        assertLe(pool.maxWithdraw(lender), pool.availableLiquidity());
        assertApproxEqAbs(pool.maxWithdraw(lender), pool.availableLiquidity(), 2);
        assertEq(pool.maxWithdraw(lender), pool.convertToAssets(pool.balanceOf(lender)));
    }

    function test_deposit_accruesFirst() public {
        supply(alice, 1_000 * WETH);
        borrow(alice, 500_000 * USDC);
        vm.warp(block.timestamp + 30 days);
        uint256 taBefore = pool.totalAssets(); // virtual accrual
        deposit(makeAddr("l2"), 1 * USDC);
        assertEq(pool.lastAccrual(), block.timestamp);
        assertEq(pool.totalAssets(), taBefore + 1 * USDC);
    }

    function test_deposit_revertsWhilePaused() public {
        vm.prank(GUARDIAN);
        pool.pause();
        assertEq(pool.maxDeposit(lender), 0);
        assertEq(pool.maxMint(lender), 0);
        loan.mint(lender, 1 * USDC);
        vm.startPrank(lender);
        loan.approve(address(pool), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        pool.deposit(1 * USDC, lender);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        pool.mint(1e12, lender);
        vm.stopPrank();
    }

    function test_withdrawAndRedeem_openWhilePaused() public {
        vm.prank(GUARDIAN);
        pool.pause();
        vm.startPrank(lender);
        pool.withdraw(1 * USDC, lender, lender);
        pool.redeem(1e12, lender, lender);
        vm.stopPrank();
        assertEq(loan.balanceOf(lender), 2 * USDC);
    }

    /* ================================================================ collateral */

    function test_supplyCollateral_onBehalf() public {
        coll.mint(bob, 5 * WETH);
        vm.startPrank(bob);
        coll.approve(address(pool), 5 * WETH);
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.SupplyCollateral(bob, alice, 5 * WETH);
        pool.supplyCollateral(5 * WETH, alice);
        vm.stopPrank();
        assertEq(pool.collateralOf(alice), 5 * WETH);
        assertEq(pool.collateralOf(bob), 0);
        assertEq(coll.balanceOf(address(pool)), 5 * WETH);
    }

    function test_supplyCollateral_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAmount.selector));
        pool.supplyCollateral(0, alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAddress.selector));
        pool.supplyCollateral(1, address(0));
    }

    function test_supplyCollateral_openWhilePaused() public {
        vm.prank(GUARDIAN);
        pool.pause();
        supply(alice, 1 * WETH);
        assertEq(pool.collateralOf(alice), 1 * WETH);
    }

    function test_withdrawCollateral_withoutDebt_ignoresPrice() public {
        supply(alice, 2 * WETH);
        feed.setUpdatedAt(0); // stale, irrelevant without debt
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.WithdrawCollateral(alice, bob, 2 * WETH);
        vm.prank(alice);
        pool.withdrawCollateral(2 * WETH, bob);
        assertEq(coll.balanceOf(bob), 2 * WETH);
        assertEq(pool.collateralOf(alice), 0);
    }

    function test_withdrawCollateral_withinLimit() public {
        supply(alice, 10 * WETH); // 20,000 USDC, unscored limit 13,333.33
        borrow(alice, 10_000 * USDC); // needs 15,000 of value = 7.5 WETH
        vm.prank(alice);
        pool.withdrawCollateral(2.5 ether, alice);
        assertEq(pool.collateralOf(alice), 7.5 ether);
        // One more wei of WETH leaves 14,999.999999 of value: limit 9,999.999999 < debt.
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILendingPool.LendingPoolInsufficientCollateral.selector, alice, 10_000 * USDC, 9_999_999_999
            )
        );
        pool.withdrawCollateral(1, alice);
    }

    function test_withdrawCollateral_reverts() public {
        supply(alice, 1 * WETH);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAmount.selector));
        pool.withdrawCollateral(0, alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAddress.selector));
        pool.withdrawCollateral(1, address(0));
        vm.expectRevert(
            abi.encodeWithSelector(
                ILendingPool.LendingPoolInsufficientCollateralBalance.selector, alice, 1 * WETH + 1, 1 * WETH
            )
        );
        pool.withdrawCollateral(1 * WETH + 1, alice);
        vm.stopPrank();
    }

    function test_withdrawCollateral_revertsOnStalePriceWithDebt() public {
        supply(alice, 10 * WETH);
        borrow(alice, 1_000 * USDC);
        vm.warp(block.timestamp + 3601);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolStalePrice.selector, START));
        pool.withdrawCollateral(1, alice);
    }

    function test_withdrawCollateral_revertsOnInvalidPriceWithDebt() public {
        supply(alice, 10 * WETH);
        borrow(alice, 1_000 * USDC);
        feed.setPrice(0);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidPrice.selector, int256(0)));
        pool.withdrawCollateral(1, alice);
    }

    function test_withdrawCollateral_revertsWhenUnsecuredPartExceedsCap() public {
        setTier(alice, 5);
        supply(alice, 100 * WETH); // 200,000 USDC
        borrow(alice, 200_000 * USDC); // fully secured
        // Taking 10 WETH out leaves 180,000 of value: within the 225,000 limit, and the unsecured part is
        // 200,000 - 180,000 = 20,000 == cap: allowed.
        vm.prank(alice);
        pool.withdrawCollateral(10 * WETH, alice);
        // 5e8 wei more is 1 micro-USDC of value: the unsecured part would exceed the cap by 1.
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILendingPool.LendingPoolCreditCapExceeded.selector, alice, 20_000 * USDC + 1, 20_000 * USDC
            )
        );
        pool.withdrawCollateral(5e8, alice);
    }

    function test_withdrawCollateral_revertsWhilePaused() public {
        supply(alice, 1 * WETH);
        vm.prank(GUARDIAN);
        pool.pause();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        pool.withdrawCollateral(1, alice);
    }

    /* ================================================================ borrow */

    function test_borrow_unscoredLimitedToTwoThirdsOfValue() public {
        supply(alice, 10 * WETH); // 20,000 USDC
        assertEq(pool.collateralRatioBpsOf(alice), 15_000);
        uint256 limit = uint256(20_000 * USDC) * 10_000 / 15_000; // 13,333.333333
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(ILendingPool.LendingPoolInsufficientCollateral.selector, alice, limit + 1, limit)
        );
        pool.borrow(limit + 1, alice);

        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.Borrow(alice, bob, limit, 0, 15_000);
        vm.prank(alice);
        pool.borrow(limit, bob);
        assertEq(loan.balanceOf(bob), limit);
        assertEq(pool.debtOf(alice), limit);
        assertEq(pool.totalDebt(), limit);
        assertEq(pool.availableLiquidity(), INITIAL_LIQUIDITY - limit);
        assertAccounting();
    }

    function test_borrow_tier5BorrowsMoreThanCollateralValueWithinCap() public {
        setTier(alice, 5);
        supply(alice, 10 * WETH); // 20,000 USDC
        assertEq(pool.collateralRatioBpsOf(alice), 8_000);
        // 80% collateral ratio: limit = 20,000 / 0.8 = 25,000, unsecured 5,000 <= cap 20,000.
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.Borrow(alice, alice, 25_000 * USDC, 5, 8_000);
        borrow(alice, 25_000 * USDC);
        assertEq(pool.debtOf(alice), 25_000 * USDC);
        assertGt(pool.debtOf(alice), value(pool.collateralOf(alice)), "debt above collateral value");

        ILendingPool.PositionView memory v = pool.positionOf(alice);
        assertEq(v.collateral, 10 * WETH);
        assertEq(v.debt, 25_000 * USDC);
        assertEq(v.collateralValue, 20_000 * USDC);
        assertEq(v.borrowLimit, 25_000 * USDC);
        assertEq(v.tier, 5);
        assertEq(v.debtTier, 5);
        assertFalse(v.liquidatable); // LR 7000: threshold 28,571

        // The same collateral unscored supports only 13,333.33.
        supply(bob, 10 * WETH);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILendingPool.LendingPoolInsufficientCollateral.selector, bob, 25_000 * USDC, 13_333_333_333
            )
        );
        pool.borrow(25_000 * USDC, bob);
    }

    function test_borrow_revertsWhenUnsecuredPartExceedsCap() public {
        setTier(alice, 5);
        supply(alice, 100 * WETH); // 200,000 USDC: limit 250,000, but unsecured would be 50,000 > 20,000
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILendingPool.LendingPoolCreditCapExceeded.selector, alice, 50_000 * USDC, 20_000 * USDC
            )
        );
        pool.borrow(250_000 * USDC, alice);

        borrow(alice, 220_000 * USDC); // exactly the cap
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILendingPool.LendingPoolCreditCapExceeded.selector, alice, 20_000 * USDC + 1, 20_000 * USDC
            )
        );
        pool.borrow(1, alice);
    }

    function test_borrow_tier4CapIsFiveThousand() public {
        setTier(alice, 4);
        supply(alice, 100 * WETH); // 200,000; limit 210,526.31; cap 5,000
        borrow(alice, 205_000 * USDC);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILendingPool.LendingPoolCreditCapExceeded.selector, alice, 5_000 * USDC + 1, 5_000 * USDC
            )
        );
        pool.borrow(1, alice);
    }

    function test_borrow_revertsOnInsufficientLiquidity() public {
        supply(alice, 1_000 * WETH); // limit 1,333,333
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILendingPool.LendingPoolInsufficientLiquidity.selector, INITIAL_LIQUIDITY + 1, INITIAL_LIQUIDITY
            )
        );
        pool.borrow(INITIAL_LIQUIDITY + 1, alice);
        borrow(alice, INITIAL_LIQUIDITY);
        assertEq(pool.availableLiquidity(), 0);
    }

    function test_borrow_liquidityExcludesReserve() public {
        supply(alice, 1_000 * WETH);
        borrow(alice, 800_000 * USDC);
        warpAndPrice(365 days, ETH_PRICE);
        repay(alice, type(uint256).max);
        uint256 reserve_ = pool.reserve();
        uint256 cash = loan.balanceOf(address(pool));
        supply(bob, 2_000 * WETH);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILendingPool.LendingPoolInsufficientLiquidity.selector, cash - reserve_ + 1, cash - reserve_
            )
        );
        pool.borrow(cash - reserve_ + 1, bob);
    }

    function test_borrow_revertsOnArgs() public {
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAmount.selector));
        pool.borrow(0, alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAddress.selector));
        pool.borrow(1, address(0));
        vm.stopPrank();
    }

    function test_borrow_revertsWithoutCollateral() public {
        setTier(alice, 5); // a good tier is not enough: the limit is a multiple of collateral
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInsufficientCollateral.selector, alice, 1, 0));
        pool.borrow(1, alice);
    }

    function test_borrow_revertsOnStalePrice() public {
        supply(alice, 10 * WETH);
        vm.warp(START + 3600);
        borrow(alice, 1 * USDC); // exactly maxPriceAge old: still fresh
        vm.warp(START + 3601);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolStalePrice.selector, START));
        pool.borrow(1 * USDC, alice);
    }

    function test_borrow_revertsOnInvalidPrice() public {
        supply(alice, 10 * WETH);
        feed.setPrice(0);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidPrice.selector, int256(0)));
        pool.borrow(1, alice);
        feed.setPrice(-5);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidPrice.selector, int256(-5)));
        pool.borrow(1, alice);
    }

    function test_borrow_revertsWhilePaused() public {
        supply(alice, 10 * WETH);
        vm.prank(GUARDIAN);
        pool.pause();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        pool.borrow(1, alice);
    }

    function test_borrow_revertsOnOracleTierOutOfRange() public {
        BadTierOracle bad = new BadTierOracle();
        vm.prank(GOVERNANCE);
        pool.setCreditOracle(ICreditOracle(address(bad)));
        supply(alice, 10 * WETH);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidTier.selector, uint8(6)));
        pool.borrow(1, alice);
    }

    function test_borrow_movesExistingDebtToCurrentTierBucket() public {
        supply(alice, 100 * WETH);
        borrow(alice, 10_000 * USDC);
        assertEq(pool.positionOf(alice).debtTier, 0);
        (uint256 a0,) = pool.debtBucket(0);
        assertEq(a0, 10_000 * USDC);

        setTier(alice, 3);
        vm.warp(block.timestamp + 1 days);
        feed.setPrice(ETH_PRICE);
        uint256 debtBefore = pool.debtOf(alice);
        borrow(alice, 1_000 * USDC);
        assertEq(pool.positionOf(alice).debtTier, 3);
        (uint256 a0After, uint256 s0After) = pool.debtBucket(0);
        (uint256 a3, uint256 s3) = pool.debtBucket(3);
        assertEq(s0After, 0, "old bucket empty");
        assertLe(a0After, 1, "at most dust left");
        assertEq(a3, debtBefore + 1_000 * USDC);
        assertGt(s3, 0);
        assertApproxEqAbs(pool.debtOf(alice), debtBefore + 1_000 * USDC, 1);
        assertAccounting();
    }

    /* ================================================================ repay */

    function test_repay_partialAndFull() public {
        supply(alice, 10 * WETH);
        borrow(alice, 10_000 * USDC);

        loan.mint(bob, 4_000 * USDC);
        vm.startPrank(bob);
        loan.approve(address(pool), type(uint256).max);
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.Repay(bob, alice, 4_000 * USDC);
        uint256 repaid = pool.repay(4_000 * USDC, alice);
        vm.stopPrank();
        assertEq(repaid, 4_000 * USDC);
        assertApproxEqAbs(pool.debtOf(alice), 6_000 * USDC, 1);

        uint256 debt = pool.debtOf(alice);
        repaid = repay(alice, type(uint256).max);
        assertEq(repaid, debt);
        assertEq(pool.debtOf(alice), 0);
        assertEq(pool.totalDebt(), 0);
        (uint256 a, uint256 s) = pool.debtBucket(0);
        assertEq(s, 0);
        assertLe(a, 1);
        assertGe(loan.balanceOf(address(pool)), INITIAL_LIQUIDITY, "pool never loses on round trip");
        assertAccounting();
    }

    function test_repay_capsAtDebt() public {
        supply(alice, 10 * WETH);
        borrow(alice, 1_000 * USDC);
        loan.mint(alice, 5_000 * USDC);
        vm.startPrank(alice);
        loan.approve(address(pool), type(uint256).max);
        uint256 repaid = pool.repay(5_000 * USDC, alice);
        vm.stopPrank();
        assertEq(repaid, 1_000 * USDC);
        assertEq(loan.balanceOf(alice), 5_000 * USDC);
    }

    function test_repay_partialMovesDebtToCurrentTier() public {
        setTier(alice, 5);
        supply(alice, 10 * WETH);
        borrow(alice, 20_000 * USDC);
        vm.warp(block.timestamp + 31 days); // attestation expired: tier 0
        repay(alice, 1_000 * USDC);
        assertEq(pool.positionOf(alice).debtTier, 0);
        (, uint256 s5) = pool.debtBucket(5);
        assertEq(s5, 0);
    }

    function test_repay_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAmount.selector));
        pool.repay(0, alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAddress.selector));
        pool.repay(1, address(0));
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolNoDebt.selector, alice));
        pool.repay(1, alice);
    }

    function test_repay_openWhilePausedAndWithStalePrice() public {
        supply(alice, 10 * WETH);
        borrow(alice, 1_000 * USDC);
        vm.prank(GUARDIAN);
        pool.pause();
        vm.warp(block.timestamp + 1 days); // stale price does not matter for repay
        repay(alice, type(uint256).max);
        assertEq(pool.debtOf(alice), 0);
    }

    /* ================================================================ liquidate */

    function test_liquidate_afterPriceDrop_partial() public {
        supply(alice, 10 * WETH); // 20,000
        borrow(alice, 13_000 * USDC);
        feed.setPrice(1_600e8); // value 16,000; LR 12,500 -> threshold 12,800 < 13,000
        assertTrue(pool.positionOf(alice).liquidatable);

        uint256 repayAmount = 5_000 * USDC;
        // seized = 5,000 * 1.05 / 1,600 WETH, rounded up
        uint256 expectedSeized = MathLib.fullMulDivUp(repayAmount * 10_500, 1e20, 1_600e8 * 10_000);
        _fundLiquidator(repayAmount);
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.Liquidate(liquidator, alice, repayAmount, expectedSeized, 0);
        vm.prank(liquidator);
        (uint256 repaid, uint256 seized) = pool.liquidate(alice, repayAmount, liquidator);
        assertEq(repaid, repayAmount);
        assertEq(seized, expectedSeized);
        assertEq(coll.balanceOf(liquidator), expectedSeized);
        assertEq(pool.collateralOf(alice), 10 * WETH - expectedSeized);
        assertApproxEqAbs(pool.debtOf(alice), 8_000 * USDC, 1);
        assertEq(pool.totalSocializedLoss(), 0);
        assertAccounting();
    }

    function test_liquidate_revertsWhenHealthy() public {
        supply(alice, 10 * WETH);
        borrow(alice, 13_000 * USDC);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolPositionHealthy.selector, alice));
        vm.prank(liquidator);
        pool.liquidate(alice, 1, liquidator);
        // Exactly at the threshold is still healthy: price 1,625 -> value 16,250 -> threshold 16,250 / 1.25 = 13,000.
        feed.setPrice(1_625e8);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolPositionHealthy.selector, alice));
        vm.prank(liquidator);
        pool.liquidate(alice, 1, liquidator);
    }

    function test_liquidate_revertsOnArgs() public {
        vm.startPrank(liquidator);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAmount.selector));
        pool.liquidate(alice, 0, liquidator);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAddress.selector));
        pool.liquidate(alice, 1, address(0));
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolNoDebt.selector, alice));
        pool.liquidate(alice, 1, liquidator);
        vm.stopPrank();
    }

    function test_liquidate_refusesSelfLiquidation() public {
        supply(alice, 10 * WETH);
        borrow(alice, 13_000 * USDC);
        feed.setPrice(1_000e8);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolSelfLiquidation.selector));
        pool.liquidate(alice, 1, alice);
    }

    function test_liquidate_revertsOnStaleOrInvalidPrice() public {
        supply(alice, 10 * WETH);
        borrow(alice, 13_000 * USDC);
        feed.setPrice(1_000e8);
        // The feed's own updatedAt: under via-IR a local copy of block.timestamp may be re-read after vm.warp.
        (,,, uint256 postedAt,) = feed.latestRoundData();
        vm.warp(postedAt + 3601);
        vm.prank(liquidator);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolStalePrice.selector, postedAt));
        pool.liquidate(alice, 1, liquidator);
        feed.setPrice(-1);
        vm.prank(liquidator);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidPrice.selector, int256(-1)));
        pool.liquidate(alice, 1, liquidator);
    }

    function test_liquidate_openWhilePaused() public {
        supply(alice, 10 * WETH);
        borrow(alice, 13_000 * USDC);
        feed.setPrice(1_600e8);
        vm.prank(GUARDIAN);
        pool.pause();
        (uint256 repaid,) = liquidate(liquidator, alice, 1_000 * USDC);
        assertEq(repaid, 1_000 * USDC);
    }

    function test_liquidate_attestationExpiryMakesTier5PositionLiquidatable() public {
        setTier(alice, 5);
        supply(alice, 10 * WETH);
        borrow(alice, 25_000 * USDC); // 125% of collateral value, fine at tier 5

        // Healthy at tier 5 (LR 7000 -> threshold 28,571).
        vm.prank(liquidator);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolPositionHealthy.selector, alice));
        pool.liquidate(alice, 1, liquidator);

        // The attestation expires after 30 days: tier 0, LR 12,500 -> threshold 16,000 < debt.
        warpAndPrice(DEFAULT_VALIDITY, ETH_PRICE);
        assertEq(oracle.tierOf(alice), 0);
        ILendingPool.PositionView memory v = pool.positionOf(alice);
        assertEq(v.tier, 0);
        assertEq(v.debtTier, 5, "debt still accrues in the tier-5 bucket");
        assertTrue(v.liquidatable);

        (uint256 repaid, uint256 seized) = liquidate(liquidator, alice, 1_000 * USDC);
        assertEq(repaid, 1_000 * USDC);
        assertEq(seized, MathLib.fullMulDivUp(1_000 * USDC * 10_500, 1e20, 2_000e8 * 10_000));
        assertEq(pool.positionOf(alice).debtTier, 0, "remaining debt moved to the current tier");

        // A fresh attestation restores tier 5 and the position is healthy again.
        setTier(alice, 5);
        vm.prank(liquidator);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolPositionHealthy.selector, alice));
        pool.liquidate(alice, 1, liquidator);
    }

    function test_liquidate_retiredModelDropsTier() public {
        setTier(alice, 5);
        supply(alice, 10 * WETH);
        borrow(alice, 25_000 * USDC);
        vm.prank(GOVERNANCE);
        registry.retireModel(DEFAULT_MODEL_ID);
        assertTrue(pool.positionOf(alice).liquidatable);
    }

    function test_liquidate_shortfallCoveredByReserveFirst() public {
        _buildReserve();
        uint256 reserveBefore = pool.reserve();

        // Alice: unscored, 10 WETH, 13,000 debt; the price falls to 1,250 -> value 12,500 < debt.
        supply(alice, 10 * WETH);
        borrow(alice, 13_000 * USDC);
        feed.setPrice(1_250e8);

        uint256 debt = pool.debtOf(alice);
        uint256 repaidExpected = MathLib.mulDivUp(12_500 * USDC, 10_000, 10_500);
        uint256 bad = debt - repaidExpected;
        assertLt(bad, reserveBefore, "scenario: reserve covers the shortfall");
        uint256 taBefore = pool.totalAssets();
        uint256 priceBefore = sharePrice();
        _fundLiquidator(repaidExpected);

        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.Liquidate(liquidator, alice, repaidExpected, 10 * WETH, bad);
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.BadDebtWrittenOff(alice, bad, bad, 0);
        vm.prank(liquidator);
        (uint256 repaid, uint256 seized) = pool.liquidate(alice, type(uint256).max, liquidator);

        assertEq(repaid, repaidExpected);
        assertEq(seized, 10 * WETH);
        assertEq(pool.collateralOf(alice), 0);
        assertEq(pool.debtOf(alice), 0);
        assertEq(pool.reserve(), reserveBefore - bad);
        assertEq(pool.totalSocializedLoss(), 0);
        assertGe(pool.totalAssets(), taBefore, "lenders untouched");
        assertGe(sharePrice(), priceBefore);
        assertAccounting();
    }

    function test_liquidate_shortfallBeyondReserveSocialized() public {
        setTier(alice, 5);
        supply(alice, 10 * WETH);
        borrow(alice, 25_000 * USDC);
        warpAndPrice(DEFAULT_VALIDITY, ETH_PRICE); // expired -> liquidatable at tier 0
        pool.accrueInterest();

        uint256 reserveBefore = pool.reserve();
        assertGt(reserveBefore, 0);
        uint256 debt = pool.debtOf(alice);
        uint256 repaidExpected = MathLib.mulDivUp(20_000 * USDC, 10_000, 10_500); // all 10 WETH, bonus included
        uint256 bad = debt - repaidExpected;
        uint256 socialized = bad - reserveBefore;
        uint256 taBefore = pool.totalAssets();
        uint256 priceBefore = sharePrice();
        _fundLiquidator(repaidExpected);

        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.Liquidate(liquidator, alice, repaidExpected, 10 * WETH, bad);
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.BadDebtWrittenOff(alice, bad, reserveBefore, socialized);
        vm.prank(liquidator);
        pool.liquidate(alice, type(uint256).max, liquidator);

        assertEq(pool.reserve(), 0, "reserve used first");
        assertEq(pool.totalSocializedLoss(), socialized);
        assertApproxEqAbs(pool.totalAssets(), taBefore - socialized, 1, "lenders absorb the rest");
        assertLt(sharePrice(), priceBefore);
        assertEq(pool.totalDebt(), 0);
        assertEq(pool.debtOf(alice), 0);
        assertAccounting();
    }

    function test_liquidate_partialRequestThatExhaustsCollateralWritesOffRest() public {
        supply(alice, 1 * WETH); // 2,000
        borrow(alice, 1_300 * USDC);
        feed.setPrice(1_000e8); // value 1,000
        // Asking to repay 990 needs 1,039.5 of collateral value > 1,000: all collateral, repaid reduced.
        (uint256 repaid, uint256 seized) = liquidate(liquidator, alice, 990 * USDC);
        assertEq(seized, 1 * WETH);
        assertEq(repaid, MathLib.mulDivUp(1_000 * USDC, 10_000, 10_500));
        assertEq(pool.debtOf(alice), 0);
        assertEq(pool.totalSocializedLoss(), 1_300 * USDC - repaid);
    }

    /* ================================================================ interest */

    function test_interest_accruesPerTierAndFeedsReserve() public {
        setTier(alice, 5);
        supply(alice, 100 * WETH);
        supply(bob, 100 * WETH);
        borrow(alice, 100_000 * USDC); // tier 5: +1%
        borrow(bob, 100_000 * USDC); // tier 0: +8%

        uint256 utilization = uint256(200_000 * USDC) * 1e18 / INITIAL_LIQUIDITY;
        uint256 base = irm.borrowRatePerSecond(utilization);
        vm.warp(block.timestamp + 365 days);

        uint256 i5 = _interest(100_000 * USDC, base + uint256(100) * 1e14 / 365 days, 365 days);
        uint256 i0 = _interest(100_000 * USDC, base + uint256(800) * 1e14 / 365 days, 365 days);
        assertEq(pool.debtOf(alice), 100_000 * USDC + i5, "tier-5 debt");
        assertEq(pool.debtOf(bob), 100_000 * USDC + i0, "tier-0 debt");
        assertGt(i0, i5 + 6_900 * USDC, "7% premium difference");
        assertEq(pool.totalDebt(), 200_000 * USDC + i0 + i5);
        assertEq(pool.reserve(), (i0 + i5) * 1_000 / 10_000);

        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.InterestAccrued(i0 + i5, (i0 + i5) * 1_000 / 10_000);
        pool.accrueInterest();
        assertEq(pool.debtOf(alice), 100_000 * USDC + i5, "view equals accrued");
        assertEq(pool.totalAssets(), INITIAL_LIQUIDITY + (i0 + i5) - (i0 + i5) / 10);
        assertAccounting();
    }

    function test_interest_noAccrualWithoutDebt() public {
        vm.warp(block.timestamp + 365 days);
        vm.recordLogs();
        pool.accrueInterest();
        assertEq(vm.getRecordedLogs().length, 0);
        assertEq(pool.totalAssets(), INITIAL_LIQUIDITY);
        assertEq(pool.lastAccrual(), block.timestamp);
    }

    function test_interest_lenderEarns() public {
        supply(alice, 1_000 * WETH);
        borrow(alice, 800_000 * USDC);
        uint256 before = sharePrice();
        warpAndPrice(180 days, ETH_PRICE);
        repay(alice, type(uint256).max);
        assertGt(sharePrice(), before);
        uint256 shares = pool.balanceOf(lender);
        vm.prank(lender);
        uint256 out = pool.redeem(shares, lender, lender);
        assertGt(out, INITIAL_LIQUIDITY);
        // Everything but the reserve (and dust from virtual shares) is paid out.
        assertApproxEqAbs(loan.balanceOf(address(pool)), pool.reserve(), 2);
    }

    /* ================================================================ governance */

    function test_setTierParams() public {
        ILendingPool.TierParams memory p = ILendingPool.TierParams(9_000, 8_000, 200, 1_000e6);
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.TierParamsSet(4, p);
        vm.prank(GOVERNANCE);
        pool.setTierParams(4, p);
        _assertTier(4, 9_000, 8_000, 200, 1_000 * USDC);
    }

    function test_setTierParams_accruesAtOldPremiumFirst() public {
        supply(alice, 100 * WETH);
        borrow(alice, 10_000 * USDC);
        vm.warp(block.timestamp + 30 days);
        uint256 debtBefore = pool.debtOf(alice);
        vm.prank(GOVERNANCE);
        pool.setTierParams(0, ILendingPool.TierParams(15_000, 12_500, 5_000, 0));
        assertEq(pool.lastAccrual(), block.timestamp);
        assertEq(pool.debtOf(alice), debtBefore);
    }

    function test_setTierParams_reverts() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, ADMIN));
        pool.setTierParams(1, ILendingPool.TierParams(14_000, 12_000, 600, 0));

        vm.startPrank(GOVERNANCE);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidTier.selector, uint8(6)));
        pool.setTierParams(6, ILendingPool.TierParams(14_000, 12_000, 600, 0));

        ILendingPool.TierParams[6] memory bad = [
            ILendingPool.TierParams(14_000, 4_999, 600, 0), // LR below floor
            ILendingPool.TierParams(12_000, 12_000, 600, 0), // LR == CR
            ILendingPool.TierParams(12_000, 13_000, 600, 0), // LR > CR
            ILendingPool.TierParams(14_000, 12_000, 5_001, 0), // premium too high
            ILendingPool.TierParams(10_000, 9_000, 100, 1), // cap on a fully secured tier
            ILendingPool.TierParams(0, 0, 0, 0)
        ];
        for (uint256 k; k < bad.length; ++k) {
            vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidParams.selector));
            pool.setTierParams(3, bad[k]);
        }
        // The unscored tier may not be under-collateralized.
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidParams.selector));
        pool.setTierParams(0, ILendingPool.TierParams(9_999, 9_000, 100, 0));
        // Boundaries that pass.
        pool.setTierParams(3, ILendingPool.TierParams(5_001, 5_000, 5_000, type(uint128).max));
        pool.setTierParams(0, ILendingPool.TierParams(10_000, 9_999, 0, 0));
        vm.stopPrank();
    }

    function test_setReserveFactor() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, ADMIN));
        pool.setReserveFactor(100);
        vm.startPrank(GOVERNANCE);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidParams.selector));
        pool.setReserveFactor(5_001);
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.ReserveFactorSet(5_000);
        pool.setReserveFactor(5_000);
        vm.stopPrank();
        assertEq(pool.reserveFactorBps(), 5_000);
    }

    function test_setReserveFactor_appliesFromNow() public {
        supply(alice, 100 * WETH);
        borrow(alice, 100_000 * USDC);
        vm.warp(block.timestamp + 365 days);
        uint256 reserveAtOldFactor = pool.reserve();
        vm.prank(GOVERNANCE);
        pool.setReserveFactor(0);
        assertEq(pool.reserve(), reserveAtOldFactor);
        vm.warp(block.timestamp + 365 days);
        assertEq(pool.reserve(), reserveAtOldFactor);
    }

    function test_setLiquidationBonus() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, ADMIN));
        pool.setLiquidationBonus(100);
        vm.startPrank(GOVERNANCE);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidParams.selector));
        pool.setLiquidationBonus(2_001);
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.LiquidationBonusSet(2_000);
        pool.setLiquidationBonus(2_000);
        vm.stopPrank();
        assertEq(pool.liquidationBonusBps(), 2_000);
    }

    function test_setMaxPriceAge() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, ADMIN));
        pool.setMaxPriceAge(100);
        vm.startPrank(GOVERNANCE);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidParams.selector));
        pool.setMaxPriceAge(0);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidParams.selector));
        pool.setMaxPriceAge(2 days + 1);
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.MaxPriceAgeSet(1 days);
        pool.setMaxPriceAge(1 days);
        vm.stopPrank();
        assertEq(pool.maxPriceAge(), 1 days);

        supply(alice, 10 * WETH);
        vm.warp(block.timestamp + 1 days);
        borrow(alice, 1 * USDC); // a day-old price is fresh now
    }

    function test_setIrm_accruesAtOldModelFirst() public {
        KinkedIrm steep = new KinkedIrm(5_000, 0, 0, 5_000);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, ADMIN));
        pool.setIrm(steep);
        vm.prank(GOVERNANCE);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAddress.selector));
        pool.setIrm(IIrm(address(0)));

        supply(alice, 100 * WETH);
        borrow(alice, 10_000 * USDC);
        vm.warp(block.timestamp + 30 days);
        uint256 debtBefore = pool.debtOf(alice);
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.IrmSet(address(steep));
        vm.prank(GOVERNANCE);
        pool.setIrm(steep);
        assertEq(address(pool.irm()), address(steep));
        assertEq(pool.debtOf(alice), debtBefore);
        vm.warp(block.timestamp + 365 days);
        assertGt(pool.debtOf(alice), debtBefore * 158 / 100, "50% base + 8% premium now");
    }

    function test_setCreditOracle() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, ADMIN));
        pool.setCreditOracle(ICreditOracle(address(1)));
        vm.startPrank(GOVERNANCE);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAddress.selector));
        pool.setCreditOracle(ICreditOracle(address(0)));
        BadTierOracle other = new BadTierOracle();
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.CreditOracleSet(address(other));
        pool.setCreditOracle(ICreditOracle(address(other)));
        vm.stopPrank();
        assertEq(address(pool.creditOracle()), address(other));
    }

    function test_withdrawReserve_onlySurplusAboveFloor() public {
        _buildReserve();
        supply(bob, 1_000 * WETH);
        borrow(bob, 100_000 * USDC); // floor: 5% of 100,000 = 5,000
        uint256 reserve_ = pool.reserve();
        uint256 floor_ = MathLib.mulDivUp(pool.totalDebt(), 500, 10_000);
        uint256 withdrawable = reserve_ - floor_;
        assertEq(pool.withdrawableReserve(), withdrawable);

        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, ADMIN));
        pool.withdrawReserve(alice, 1);

        vm.startPrank(GOVERNANCE);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAmount.selector));
        pool.withdrawReserve(GOVERNANCE, 0);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolZeroAddress.selector));
        pool.withdrawReserve(address(0), 1);
        vm.expectRevert(
            abi.encodeWithSelector(ILendingPool.LendingPoolReserveLocked.selector, withdrawable + 1, withdrawable)
        );
        pool.withdrawReserve(GOVERNANCE, withdrawable + 1);

        uint256 taBefore = pool.totalAssets();
        vm.expectEmit(true, true, true, true, address(pool));
        emit ILendingPool.ReserveWithdrawn(GOVERNANCE, withdrawable);
        pool.withdrawReserve(GOVERNANCE, withdrawable);
        vm.stopPrank();

        assertEq(loan.balanceOf(GOVERNANCE), withdrawable);
        assertEq(pool.reserve(), floor_);
        assertEq(pool.totalAssets(), taBefore, "lenders unaffected");
        assertEq(pool.withdrawableReserve(), 0);
        assertAccounting();
    }

    function test_withdrawableReserve_limitedByCash() public {
        _buildReserve();
        vm.prank(GOVERNANCE);
        pool.setReserveFactor(5_000);
        // Borrow out all available liquidity, then let a year of 100%-utilization interest grow the reserve far
        // beyond the cash behind it.
        supply(bob, 10_000 * WETH);
        borrow(bob, pool.availableLiquidity());
        uint256 cash = loan.balanceOf(address(pool));
        assertEq(cash, pool.reserve());
        vm.warp(block.timestamp + 365 days);
        assertGt(pool.reserve() - MathLib.mulDivUp(pool.totalDebt(), 500, 10_000), cash);
        assertEq(pool.withdrawableReserve(), cash);
        assertEq(pool.availableLiquidity(), 0);
    }

    function test_pauseUnpause() public {
        vm.prank(GOVERNANCE);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, GOVERNANCE, guardianRole)
        );
        pool.pause();

        vm.expectEmit(true, true, true, true, address(pool));
        emit Pausable.Paused(GUARDIAN);
        vm.prank(GUARDIAN);
        pool.pause();
        assertTrue(pool.paused());

        vm.prank(GUARDIAN);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        pool.pause();

        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, guardianRole)
        );
        pool.unpause();

        vm.expectEmit(true, true, true, true, address(pool));
        emit Pausable.Unpaused(GUARDIAN);
        vm.prank(GUARDIAN);
        pool.unpause();
        assertFalse(pool.paused());

        vm.prank(GUARDIAN);
        vm.expectRevert(abi.encodeWithSelector(Pausable.ExpectedPause.selector));
        pool.unpause();

        deposit(alice, 1 * USDC); // works again
    }

    /* ================================================================ views */

    function test_views_invalidTierReverts() public {
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidTier.selector, uint8(6)));
        pool.tierParams(6);
        vm.expectRevert(abi.encodeWithSelector(ILendingPool.LendingPoolInvalidTier.selector, uint8(7)));
        pool.debtBucket(7);
    }

    function test_positionOf_readsStalePriceWithoutReverting() public {
        supply(alice, 10 * WETH);
        borrow(alice, 13_000 * USDC);
        feed.setPrice(1_000e8);
        vm.warp(block.timestamp + 10 days);
        ILendingPool.PositionView memory v = pool.positionOf(alice);
        assertEq(v.collateralValue, 10_000 * USDC);
        assertEq(v.borrowLimit, uint256(10_000 * USDC) * 10_000 / 15_000);
        assertTrue(v.liquidatable);
    }

    function test_supportsInterface() public view {
        assertTrue(pool.supportsInterface(type(IAccessControl).interfaceId));
    }

    /* ================================================================ reentrancy */

    function test_reentrancy_blockedThroughLoanToken() public {
        ReentrantToken evil = new ReentrantToken();
        LendingPool p = deployPool(IERC20(address(evil)), IERC20(address(coll)), feed);
        evil.mint(address(this), 100e6);
        evil.approve(address(p), type(uint256).max);
        evil.arm(p);
        vm.expectRevert(abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector));
        p.deposit(100e6, address(this));
    }

    /* ================================================================ helpers */

    function _assertTier(uint8 tier, uint256 cr, uint256 lr, uint256 premium, uint256 cap) internal view {
        ILendingPool.TierParams memory p = pool.tierParams(tier);
        assertEq(p.collateralRatioBps, cr, "CR");
        assertEq(p.liquidationRatioBps, lr, "LR");
        assertEq(p.ratePremiumBps, premium, "premium");
        assertEq(p.creditCap, cap, "cap");
    }

    function _fundLiquidator(uint256 amount) internal {
        loan.mint(liquidator, amount);
        vm.prank(liquidator);
        loan.approve(address(pool), type(uint256).max);
    }

    function _interest(uint256 principal, uint256 ratePerSecond, uint256 elapsed) internal pure returns (uint256) {
        return MathLib.mulDivUp(principal, MathLib.wTaylorCompounded(ratePerSecond, elapsed), 1e18);
    }

    /// @dev A borrower at 70% utilization for a year, then repaid in full: leaves a reserve of about 10k USDC and
    /// no debt.
    function _buildReserve() internal {
        address whale = makeAddr("whale");
        supply(whale, 1_000 * WETH);
        borrow(whale, 700_000 * USDC);
        warpAndPrice(365 days, ETH_PRICE);
        repay(whale, type(uint256).max);
    }
}

/// @dev ERC-4626 events, redeclared for expectEmit.
interface IERC4626Events {
    event Deposit(address indexed sender, address indexed owner, uint256 assets, uint256 shares);
    event Withdraw(
        address indexed sender, address indexed receiver, address indexed owner, uint256 assets, uint256 shares
    );
}

/// @dev An oracle answering a tier beyond Tiers.MAX.
contract BadTierOracle {
    function tierOf(address) external pure returns (uint8) {
        return 6;
    }
}

/// @dev A loan token that calls back into the pool from transferFrom.
contract ReentrantToken is TestERC20 {
    LendingPool internal target;

    constructor() TestERC20("Evil", "EVIL", 6) {}

    function arm(LendingPool p) external {
        target = p;
    }

    function transferFrom(address from, address to, uint256 amount) public override returns (bool) {
        if (address(target) != address(0)) target.accrueInterest();
        return super.transferFrom(from, to, amount);
    }
}
