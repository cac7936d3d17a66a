// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title IIrm
/// @notice Interest rate model: the pool's base borrow rate as a function of utilization.
interface IIrm {
    /// @param utilizationWad Borrowed / (borrowed + available liquidity), 1e18 = 100%.
    /// @return ratePerSecondWad Base borrow rate per second, 1e18 = 100%.
    function borrowRatePerSecond(uint256 utilizationWad) external view returns (uint256 ratePerSecondWad);
}
