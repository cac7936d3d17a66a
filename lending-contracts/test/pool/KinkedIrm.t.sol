// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";

import {KinkedIrm} from "../../contracts/irm/KinkedIrm.sol";

contract KinkedIrmTest is Test {
    uint256 internal constant YEAR = 365 days;
    KinkedIrm internal irm;

    function setUp() public {
        irm = new KinkedIrm(200, 400, 6_000, 8_000); // 2% base, +4% to the 80% kink, +60% above
    }

    function test_constructor_convertsBpsToPerSecondWad() public view {
        assertEq(irm.baseRatePerSecond(), uint256(200) * 1e14 / YEAR);
        assertEq(irm.slopeBelowKinkPerSecond(), uint256(400) * 1e14 / YEAR);
        assertEq(irm.slopeAboveKinkPerSecond(), uint256(6_000) * 1e14 / YEAR);
        assertEq(irm.kinkUtilization(), 0.8e18);
    }

    function test_rate_atCornerPoints() public view {
        uint256 base = irm.baseRatePerSecond();
        uint256 s1 = irm.slopeBelowKinkPerSecond();
        uint256 s2 = irm.slopeAboveKinkPerSecond();
        assertEq(irm.borrowRatePerSecond(0), base);
        assertEq(irm.borrowRatePerSecond(0.4e18), base + s1 / 2);
        assertEq(irm.borrowRatePerSecond(0.8e18), base + s1);
        assertEq(irm.borrowRatePerSecond(0.9e18), base + s1 + s2 / 2);
        assertEq(irm.borrowRatePerSecond(1e18), base + s1 + s2);
        assertEq(irm.borrowRatePerSecond(5e18), base + s1 + s2, "capped at 100%");
        // ~66% a year at full utilization.
        assertApproxEqRel(irm.borrowRatePerSecond(1e18) * YEAR, 0.66e18, 1e12);
    }

    function test_constructor_reverts() public {
        vm.expectRevert(KinkedIrm.KinkedIrmInvalidParams.selector);
        new KinkedIrm(200, 400, 6_000, 0);
        vm.expectRevert(KinkedIrm.KinkedIrmInvalidParams.selector);
        new KinkedIrm(200, 400, 6_000, 10_000);
        vm.expectRevert(KinkedIrm.KinkedIrmInvalidParams.selector);
        new KinkedIrm(100_001, 0, 0, 5_000);
        vm.expectRevert(KinkedIrm.KinkedIrmInvalidParams.selector);
        new KinkedIrm(0, 100_001, 0, 5_000);
        vm.expectRevert(KinkedIrm.KinkedIrmInvalidParams.selector);
        new KinkedIrm(0, 0, 100_001, 5_000);
        new KinkedIrm(100_000, 100_000, 100_000, 9_999);
    }

    function testFuzz_rate_monotoneAndContinuous(uint256 u1, uint256 u2) public view {
        u1 = bound(u1, 0, 1e18);
        u2 = bound(u2, u1, 1e18);
        uint256 r1 = irm.borrowRatePerSecond(u1);
        uint256 r2 = irm.borrowRatePerSecond(u2);
        assertLe(r1, r2, "monotone");
        assertLe(r2, irm.borrowRatePerSecond(1e18));
        // Lipschitz: the steepest segment is slopeAboveKink per 20% utilization.
        uint256 maxSlope = irm.slopeAboveKinkPerSecond() * 1e18 / 0.2e18 + 1;
        assertLe(r2 - r1, (u2 - u1) * maxSlope / 1e18 + 2);
    }
}
