// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {CreditOracle} from "../../contracts/CreditOracle.sol";
import {LendingPool} from "../../contracts/LendingPool.sol";
import {ModelRegistry} from "../../contracts/ModelRegistry.sol";
import {AggregatorV3Interface} from "../../contracts/interfaces/AggregatorV3Interface.sol";
import {ICreditOracle} from "../../contracts/interfaces/ICreditOracle.sol";
import {IIrm} from "../../contracts/interfaces/IIrm.sol";
import {ILendingPool} from "../../contracts/interfaces/ILendingPool.sol";
import {KinkedIrm} from "../../contracts/irm/KinkedIrm.sol";

import {MockAggregator} from "../mocks/MockAggregator.sol";
import {TestERC20} from "../mocks/TestERC20.sol";
import {AttestationSigning} from "../utils/AttestationSigning.sol";

/// @notice Shared fixture for the LendingPool suites: the real ModelRegistry + CreditOracle (tiers come from
/// signed attestations), a 6-decimal loan token ("USDC"), an 18-decimal collateral token ("WETH"), an 8-decimal
/// feed at 2,000 USDC per WETH, a kinked IRM (2% base, +4% to the 80% kink, +60% above) and 1,000,000 USDC of
/// lender liquidity.
abstract contract PoolTestBase is AttestationSigning {
    uint256 internal constant START = 1_700_000_000;
    uint256 internal constant USDC = 1e6;
    uint256 internal constant WETH = 1e18;
    int256 internal constant ETH_PRICE = 2_000e8;
    uint256 internal constant INITIAL_LIQUIDITY = 1_000_000 * USDC;

    address internal constant GUARDIAN = address(uint160(uint256(keccak256("creditlayer.test.guardian"))));

    ModelRegistry internal registry;
    CreditOracle internal oracle;
    TestERC20 internal loan;
    TestERC20 internal coll;
    MockAggregator internal feed;
    KinkedIrm internal irm;
    LendingPool internal pool;

    address internal lender;
    address internal alice; // borrower
    address internal bob; // borrower
    address internal liquidator;

    uint256 internal nextNonce;

    function setUp() public virtual {
        vm.warp(START);
        (registry, oracle) = deployOracleStack();
        loan = new TestERC20("USD Coin", "USDC", 6);
        coll = new TestERC20("Wrapped Ether", "WETH", 18);
        feed = new MockAggregator(8, ETH_PRICE);
        irm = new KinkedIrm(200, 400, 6_000, 8_000);
        pool = deployPool(IERC20(address(loan)), IERC20(address(coll)), feed);
        vm.label(address(pool), "LendingPool");
        vm.label(address(loan), "USDC");
        vm.label(address(coll), "WETH");

        lender = makeAddr("lender");
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        liquidator = makeAddr("liquidator");

        deposit(lender, INITIAL_LIQUIDITY);
    }

    /* ---------------------------------------------------------------- deployment */

    function deployPool(IERC20 loanToken, IERC20 collateralToken, AggregatorV3Interface priceFeed)
        internal
        returns (LendingPool)
    {
        return new LendingPool(
            loanToken,
            collateralToken,
            priceFeed,
            ICreditOracle(address(oracle)),
            IIrm(address(irm)),
            GOVERNANCE,
            GUARDIAN,
            "CreditLayer USDC",
            "clUSDC"
        );
    }

    /* ---------------------------------------------------------------- actions */

    function deposit(address who, uint256 assets) internal returns (uint256 shares) {
        loan.mint(who, assets);
        vm.startPrank(who);
        loan.approve(address(pool), assets);
        shares = pool.deposit(assets, who);
        vm.stopPrank();
    }

    function supply(address who, uint256 amount) internal {
        coll.mint(who, amount);
        vm.startPrank(who);
        coll.approve(address(pool), amount);
        pool.supplyCollateral(amount, who);
        vm.stopPrank();
    }

    function borrow(address who, uint256 assets) internal {
        vm.prank(who);
        pool.borrow(assets, who);
    }

    /// @dev Repays from a freshly minted balance; returns the amount repaid.
    function repay(address who, uint256 assets) internal returns (uint256 repaid) {
        uint256 debt = pool.debtOf(who);
        uint256 amount = assets > debt ? debt : assets;
        loan.mint(who, amount);
        vm.startPrank(who);
        loan.approve(address(pool), amount);
        repaid = pool.repay(assets, who);
        vm.stopPrank();
    }

    function liquidate(address who, address borrower, uint256 repayAssets)
        internal
        returns (uint256 repaid, uint256 seized)
    {
        loan.mint(who, repayAssets > pool.debtOf(borrower) ? pool.debtOf(borrower) : repayAssets);
        vm.startPrank(who);
        loan.approve(address(pool), type(uint256).max);
        (repaid, seized) = pool.liquidate(borrower, repayAssets, who);
        vm.stopPrank();
    }

    /// @dev Gives `who` tier `tier` for DEFAULT_VALIDITY (30 days) via a real signed attestation.
    function setTier(address who, uint8 tier) internal {
        attest(ICreditOracle(address(oracle)), SCORER_PK, who, tier, nextNonce++);
        assertEq(oracle.tierOf(who), tier, "tier set");
    }

    /// @dev Moves time and posts a fresh price at the new time.
    function warpAndPrice(uint256 secondsAhead, int256 price) internal {
        vm.warp(block.timestamp + secondsAhead);
        feed.setPrice(price);
    }

    /* ---------------------------------------------------------------- expectations */

    function value(uint256 collateral) internal view returns (uint256) {
        // 18-decimal WETH, 8-decimal feed, 6-decimal USDC: value = c * p * 1e6 / (1e8 * 1e18)
        return collateral * uint256(feed.answer()) / 1e20;
    }

    function sharePrice() internal view returns (uint256) {
        return pool.convertToAssets(1e18);
    }

    function assertAccounting() internal view {
        // totalAssets + reserve == cash + totalDebt, with cash as the pool's own loan-token balance here
        // (no donations in these suites).
        assertEq(
            pool.totalAssets() + pool.reserve(),
            loan.balanceOf(address(pool)) + pool.totalDebt(),
            "totalAssets + reserve == cash + totalDebt"
        );
    }
}
