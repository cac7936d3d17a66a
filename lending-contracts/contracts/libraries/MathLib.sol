// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title MathLib
/// @notice Fixed-point helpers whose names say which way they round. The pool rounds every quantity a borrower
/// owes up and every quantity a borrower or liquidator receives down, so rounding dust always stays with the pool.
/// @dev `mulDivDown`/`mulDivUp` use plain 256-bit arithmetic (cheap; they revert on overflow) and are meant for
/// operands bounded by uint128, such as debt assets and shares. The `full*` variants use OpenZeppelin's 512-bit
/// `Math.mulDiv` for products that may exceed 256 bits, such as amount x price x decimal scale.
library MathLib {
    /// @dev 1e18, the fixed-point unit of rates.
    uint256 internal constant WAD = 1e18;

    /// @dev (x * y) / d rounded down. Reverts on overflow and on d == 0.
    function mulDivDown(uint256 x, uint256 y, uint256 d) internal pure returns (uint256) {
        return (x * y) / d;
    }

    /// @dev (x * y) / d rounded up. Reverts on overflow and on d == 0.
    function mulDivUp(uint256 x, uint256 y, uint256 d) internal pure returns (uint256) {
        return (x * y + (d - 1)) / d;
    }

    /// @dev (x * y) / d rounded down, with a 512-bit intermediate product.
    function fullMulDivDown(uint256 x, uint256 y, uint256 d) internal pure returns (uint256) {
        return Math.mulDiv(x, y, d);
    }

    /// @dev (x * y) / d rounded up, with a 512-bit intermediate product.
    function fullMulDivUp(uint256 x, uint256 y, uint256 d) internal pure returns (uint256) {
        return Math.mulDiv(x, y, d, Math.Rounding.Ceil);
    }

    /// @dev max(x - y, 0).
    function zeroFloorSub(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked {
            z = x > y ? x - y : 0;
        }
    }

    /// @dev min(x, y).
    function min(uint256 x, uint256 y) internal pure returns (uint256) {
        return x < y ? x : y;
    }

    /// @dev e^(x * n) - 1 by its third-order Taylor expansion, x a per-second WAD rate and n seconds.
    /// The expansion is below the exact exponential, by less than (x*n)^4/24: for 10%/year over one year it
    /// compounds to 10.5167% instead of 10.5171%. Each term rounds down; the caller rounds the interest up.
    function wTaylorCompounded(uint256 x, uint256 n) internal pure returns (uint256) {
        uint256 firstTerm = x * n;
        uint256 secondTerm = mulDivDown(firstTerm, firstTerm, 2 * WAD);
        uint256 thirdTerm = mulDivDown(secondTerm, firstTerm, 3 * WAD);
        return firstTerm + secondTerm + thirdTerm;
    }
}
