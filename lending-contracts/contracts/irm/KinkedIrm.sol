// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IIrm} from "../interfaces/IIrm.sol";

/// @title KinkedIrm
/// @notice Piecewise-linear ("kinked") base borrow rate as a function of utilization u:
///   u <= kink: rate = base + slopeBelowKink * u / kink
///   u >  kink: rate = base + slopeBelowKink + slopeAboveKink * (u - kink) / (1 - kink)
/// so the slopes are the yearly rate added across each segment (Aave's convention): the rate is `base` at 0%,
/// `base + slopeBelowKink` at the kink and `base + slopeBelowKink + slopeAboveKink` at 100% utilization.
/// @dev Parameters are given as yearly basis points and stored as per-second WAD rates (bps * 1e14 / 365 days,
/// rounded down). Immutable: governance changes the model by deploying a new one and calling the pool's setIrm.
contract KinkedIrm is IIrm {
    uint256 private constant WAD = 1e18;
    uint256 private constant BPS_TO_WAD = 1e14; // 1 bp = 1e-4 = 1e14 / 1e18
    uint256 private constant YEAR = 365 days;

    /// @notice Highest accepted yearly rate for any single parameter: 1000%.
    uint256 public constant MAX_RATE_BPS = 100_000;

    uint256 private immutable _baseRate;
    uint256 private immutable _slopeBelowKink;
    uint256 private immutable _slopeAboveKink;
    uint256 private immutable _kink;

    /// @notice A parameter is out of range: kink must be strictly between 0 and 10000 bps, rates at most MAX_RATE_BPS.
    error KinkedIrmInvalidParams();

    /// @param baseRateBps Yearly rate at 0% utilization, basis points.
    /// @param slopeBelowKinkBps Yearly rate added between 0% utilization and the kink, basis points.
    /// @param slopeAboveKinkBps Yearly rate added between the kink and 100% utilization, basis points.
    /// @param kinkBps Utilization at the kink, basis points (exclusive bounds 0 and 10000).
    constructor(uint256 baseRateBps, uint256 slopeBelowKinkBps, uint256 slopeAboveKinkBps, uint256 kinkBps) {
        if (
            kinkBps == 0 || kinkBps >= 10_000 || baseRateBps > MAX_RATE_BPS || slopeBelowKinkBps > MAX_RATE_BPS
                || slopeAboveKinkBps > MAX_RATE_BPS
        ) revert KinkedIrmInvalidParams();
        _baseRate = baseRateBps * BPS_TO_WAD / YEAR;
        _slopeBelowKink = slopeBelowKinkBps * BPS_TO_WAD / YEAR;
        _slopeAboveKink = slopeAboveKinkBps * BPS_TO_WAD / YEAR;
        _kink = kinkBps * BPS_TO_WAD;
    }

    /// @inheritdoc IIrm
    /// @dev Utilization above 100% (not produced by the pool) is treated as 100%.
    function borrowRatePerSecond(uint256 utilizationWad) external view returns (uint256) {
        uint256 u = utilizationWad > WAD ? WAD : utilizationWad;
        uint256 kink = _kink;
        if (u <= kink) return _baseRate + _slopeBelowKink * u / kink;
        return _baseRate + _slopeBelowKink + _slopeAboveKink * (u - kink) / (WAD - kink);
    }

    /// @notice Per-second WAD rate at 0% utilization.
    function baseRatePerSecond() external view returns (uint256) {
        return _baseRate;
    }

    /// @notice Per-second WAD rate added between 0% utilization and the kink.
    function slopeBelowKinkPerSecond() external view returns (uint256) {
        return _slopeBelowKink;
    }

    /// @notice Per-second WAD rate added between the kink and 100% utilization.
    function slopeAboveKinkPerSecond() external view returns (uint256) {
        return _slopeAboveKink;
    }

    /// @notice Utilization at the kink, WAD.
    function kinkUtilization() external view returns (uint256) {
        return _kink;
    }
}
