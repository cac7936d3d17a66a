// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {console} from "forge-std/console.sol";

import {PoolTestBase} from "./PoolTestBase.sol";

/// @notice Gas budget of the hot path. The target is `borrow` <= 150,000 gas in the warm case (the borrower already
/// has collateral and debt, the oracle already holds its record), measured as the call itself (no 21,000
/// intrinsic, no calldata cost). For reference, an Aave V3 borrow costs about 249k.
/// @dev Every contract the call touches is cooled with vm.cool first, so the measurement pays cold account and
/// cold slot prices exactly as the first call of a fresh transaction would; the "hot" numbers are logged only.
contract PoolGasTest is PoolTestBase {
    uint256 internal constant BORROW_GAS_BUDGET = 150_000;

    function setUp() public override {
        super.setUp();
        // Two active buckets (tier 5 and tier 0) so that accrual walks more than one.
        setTier(alice, 5);
        supply(alice, 100 * WETH);
        borrow(alice, 50_000 * USDC);
        supply(bob, 100 * WETH);
        borrow(bob, 50_000 * USDC);
        // An hour later: interest to accrue, a fresh price.
        warpAndPrice(1 hours, ETH_PRICE);
    }

    function _coolAll() internal {
        vm.cool(address(pool));
        vm.cool(address(oracle));
        vm.cool(address(registry));
        vm.cool(address(feed));
        vm.cool(address(loan));
        vm.cool(address(coll));
        vm.cool(address(irm));
        vm.cool(alice);
    }

    function test_gas_borrow_warmPosition() public {
        _coolAll();
        vm.prank(alice);
        uint256 before = gasleft();
        pool.borrow(1_000 * USDC, alice);
        uint256 used = before - gasleft();
        console.log("borrow (existing position, cold accounts/slots, accrual of 2 buckets):", used);
        assertLe(used, BORROW_GAS_BUDGET, "borrow over budget");

        // Same call again in the same transaction context (everything warm, no accrual): informational.
        vm.prank(alice);
        before = gasleft();
        pool.borrow(1_000 * USDC, alice);
        console.log("borrow (existing position, all warm, no accrual):", before - gasleft());
    }

    function test_gas_borrow_sameTierNoAccrual() public {
        pool.accrueInterest();
        _coolAll();
        vm.prank(alice);
        uint256 before = gasleft();
        pool.borrow(1_000 * USDC, alice);
        uint256 used = before - gasleft();
        console.log("borrow (existing position, cold, already accrued this block):", used);
        assertLe(used, BORROW_GAS_BUDGET, "borrow over budget");
    }

    function test_gas_otherEntryPoints() public {
        _coolAll();
        loan.mint(alice, 10_000 * USDC);
        vm.prank(alice);
        loan.approve(address(pool), type(uint256).max);
        _coolAll();
        vm.prank(alice);
        uint256 before = gasleft();
        pool.repay(1_000 * USDC, alice);
        console.log("repay (partial, cold):", before - gasleft());

        address carol = makeAddr("carol");
        coll.mint(carol, 10 * WETH);
        vm.prank(carol);
        coll.approve(address(pool), type(uint256).max);
        _coolAll();
        vm.prank(carol);
        before = gasleft();
        pool.supplyCollateral(10 * WETH, carol);
        console.log("supplyCollateral (first, cold):", before - gasleft());

        _coolAll();
        vm.prank(carol);
        before = gasleft();
        pool.borrow(1_000 * USDC, carol);
        console.log("borrow (first borrow of a position, cold):", before - gasleft());

        loan.mint(carol, 10_000 * USDC);
        vm.prank(carol);
        loan.approve(address(pool), type(uint256).max);
        _coolAll();
        vm.prank(carol);
        before = gasleft();
        pool.deposit(10_000 * USDC, carol);
        console.log("deposit (cold):", before - gasleft());
    }
}
