// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {LendingPool} from "../../contracts/LendingPool.sol";

import {PoolTestBase} from "./PoolTestBase.sol";

/// @notice ERC-4626 first-depositor ("inflation") attack: the attacker deposits dust into an empty pool, then
/// donates a large amount to inflate the share price so that the victim's deposit rounds to few or zero shares.
/// The pool books cash instead of reading balanceOf, so a donation does not move the share price at all; the
/// 1e6 virtual shares (decimals offset 6) additionally make any share-price manipulation cost ~1e6 times what it
/// could capture.
contract PoolInflationTest is PoolTestBase {
    LendingPool internal fresh;
    address internal attacker;
    address internal victim;

    function setUp() public override {
        super.setUp();
        fresh = deployPool(IERC20(address(loan)), IERC20(address(coll)), feed);
        attacker = makeAddr("attacker");
        victim = makeAddr("victim");
    }

    function _depositInto(address who, uint256 assets) internal returns (uint256 shares) {
        loan.mint(who, assets);
        vm.startPrank(who);
        loan.approve(address(fresh), assets);
        shares = fresh.deposit(assets, who);
        vm.stopPrank();
    }

    function _redeemAll(address who) internal returns (uint256 assets) {
        uint256 shares = fresh.balanceOf(who);
        vm.prank(who);
        assets = fresh.redeem(shares, who, who);
    }

    function test_inflationAttack_donationDoesNotStealFromSecondDepositor() public {
        // 1. The attacker front-runs with 1 wei and donates 1,000,000 USDC straight to the pool.
        _depositInto(attacker, 1);
        loan.mint(attacker, 1_000_000 * USDC);
        vm.prank(attacker);
        assertTrue(loan.transfer(address(fresh), 1_000_000 * USDC));

        // 2. The victim deposits 100,000 USDC.
        uint256 victimShares = _depositInto(victim, 100_000 * USDC);
        assertEq(victimShares, 100_000 * USDC * 1e6, "victim gets the undiluted share count");

        // 3. Both exit. The victim gets everything back; the attacker gets its 1 wei and loses the donation.
        assertEq(_redeemAll(victim), 100_000 * USDC);
        assertLe(_redeemAll(attacker), 1);
        assertLe(loan.balanceOf(attacker), 1, "donation lost");
    }

    function testFuzz_inflationAttack_victimLosesAtMostOneWei(uint256 seed, uint256 donation, uint256 deposit_) public {
        seed = bound(seed, 1, 1_000 * USDC);
        donation = bound(donation, 0, 1e9 * USDC);
        deposit_ = bound(deposit_, 1, 1e9 * USDC);

        _depositInto(attacker, seed);
        loan.mint(address(fresh), donation);
        uint256 victimShares = _depositInto(victim, deposit_);
        assertGt(victimShares, 0, "never zero shares");

        uint256 victimOut = _redeemAll(victim);
        assertLe(victimOut, deposit_);
        assertGe(victimOut + 1, deposit_, "victim loses at most 1 wei of rounding");
        assertLe(_redeemAll(attacker), seed, "attacker captures nothing");
    }

    function test_virtualShares_dustDepositsAlwaysMintShares() public {
        _depositInto(attacker, 1);
        assertEq(fresh.balanceOf(attacker), 1e6);
        assertEq(_depositInto(victim, 1), 1e6);
    }
}
