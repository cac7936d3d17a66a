// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title Tiers
/// @notice The tier scale shared by the oracle and the pool: 0 is "unscored" (no valid attestation),
/// 1 is the weakest attested tier and MAX the strongest.
library Tiers {
    uint8 internal constant UNSCORED = 0;
    uint8 internal constant MAX = 5;
    uint8 internal constant COUNT = MAX + 1;
}
