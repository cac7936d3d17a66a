// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {MathLib} from "./MathLib.sol";

/// @title SharesMathLib
/// @notice Conversions between debt assets and debt shares of one bucket, with virtual shares and assets
/// (Morpho Blue's scheme): 1e6 virtual shares and 1 virtual asset make the first share price 1e-6 asset and
/// keep the price from being pushed around by dust in an empty bucket.
/// @dev The pool uses `toSharesUp` when debt is added (the borrower gets at least enough shares) and `toAssetsUp`
/// when debt is read (the borrower owes at least their pro-rata part), so both round against the borrower.
library SharesMathLib {
    using MathLib for uint256;

    uint256 internal constant VIRTUAL_SHARES = 1e6;
    uint256 internal constant VIRTUAL_ASSETS = 1;

    /// @dev Shares for `assets`, rounded down.
    function toSharesDown(uint256 assets, uint256 totalAssets, uint256 totalShares) internal pure returns (uint256) {
        return assets.mulDivDown(totalShares + VIRTUAL_SHARES, totalAssets + VIRTUAL_ASSETS);
    }

    /// @dev Assets for `shares`, rounded down.
    function toAssetsDown(uint256 shares, uint256 totalAssets, uint256 totalShares) internal pure returns (uint256) {
        return shares.mulDivDown(totalAssets + VIRTUAL_ASSETS, totalShares + VIRTUAL_SHARES);
    }

    /// @dev Shares for `assets`, rounded up.
    function toSharesUp(uint256 assets, uint256 totalAssets, uint256 totalShares) internal pure returns (uint256) {
        return assets.mulDivUp(totalShares + VIRTUAL_SHARES, totalAssets + VIRTUAL_ASSETS);
    }

    /// @dev Assets for `shares`, rounded up.
    function toAssetsUp(uint256 shares, uint256 totalAssets, uint256 totalShares) internal pure returns (uint256) {
        return shares.mulDivUp(totalAssets + VIRTUAL_ASSETS, totalShares + VIRTUAL_SHARES);
    }
}
