// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @title DevnetMixer
/// @notice A stand-in for a known fixed-denomination ETH mixer (Tornado Cash style), for local devnets only: the
/// devnet scenario funds some wallets "from a mixer" through it, so that the funding signal a feature extractor
/// looks for on a public chain (an ETH withdrawal from a known mixer) exists on the devnet too.
/// A depositor sends exactly `denomination` wei with `commitment = keccak256(abi.encodePacked(secret))`; anyone
/// holding the 32-byte `secret` may later withdraw `denomination` to any recipient (in practice a relayer submits
/// it, so the recipient needs no gas). `Deposit` has Tornado's signature; `Withdrawal` is simplified to
/// `Withdrawal(address indexed recipient, bytes32 nullifierHash)`.
/// @dev NOT private: the secret is revealed in the withdrawal's calldata, which links it to its deposit. Real mixers
/// prove membership with a zero-knowledge proof instead; nothing here may be used to reason about real privacy.
contract DevnetMixer is ReentrancyGuardTransient {
    /// @notice The only amount a deposit may carry and a withdrawal pays, in wei.
    uint256 public immutable denomination;

    /// @notice Number of deposits so far (the next deposit's leaf index).
    uint32 public nextIndex;

    /// @notice Whether a commitment has been deposited.
    mapping(bytes32 commitment => bool) public commitments;

    /// @notice Whether the withdrawal with this nullifier hash has been paid.
    mapping(bytes32 nullifierHash => bool) public nullifierHashes;

    /// @notice Tornado's deposit event.
    event Deposit(bytes32 indexed commitment, uint32 leafIndex, uint256 timestamp);
    /// @notice Tornado's withdrawal event (same signature, so the extractor reads devnet and mainnet mixers alike):
    /// `denomination` wei paid to `to`, relayed by `relayer` for `fee` (always 0 here).
    event Withdrawal(address to, bytes32 nullifierHash, address indexed relayer, uint256 fee);

    error DevnetMixerZeroDenomination();
    error DevnetMixerWrongAmount(uint256 sent, uint256 denomination);
    error DevnetMixerCommitmentExists(bytes32 commitment);
    error DevnetMixerUnknownCommitment(bytes32 commitment);
    error DevnetMixerAlreadySpent(bytes32 nullifierHash);
    error DevnetMixerZeroAddress();
    error DevnetMixerPaymentFailed(address recipient);

    /// @param denomination_ The fixed deposit and withdrawal amount, in wei.
    constructor(uint256 denomination_) {
        if (denomination_ == 0) revert DevnetMixerZeroDenomination();
        denomination = denomination_;
    }

    /// @notice Deposits exactly `denomination` wei against `commitment` (keccak256 of a secret only the depositor knows).
    function deposit(bytes32 commitment) external payable nonReentrant {
        if (msg.value != denomination) revert DevnetMixerWrongAmount(msg.value, denomination);
        if (commitments[commitment]) revert DevnetMixerCommitmentExists(commitment);
        commitments[commitment] = true;
        uint32 leafIndex = nextIndex;
        nextIndex = leafIndex + 1;
        emit Deposit(commitment, leafIndex, block.timestamp);
    }

    /// @notice Pays `denomination` wei to `recipient` if keccak256(secret) is a deposited, unspent commitment.
    /// Anyone may call it (a relayer, or the recipient).
    function withdraw(bytes32 secret, address payable recipient) external nonReentrant {
        if (recipient == address(0)) revert DevnetMixerZeroAddress();
        bytes32 commitment = keccak256(abi.encodePacked(secret));
        if (!commitments[commitment]) revert DevnetMixerUnknownCommitment(commitment);
        bytes32 nullifierHash = nullifierHashOf(secret);
        if (nullifierHashes[nullifierHash]) revert DevnetMixerAlreadySpent(nullifierHash);
        nullifierHashes[nullifierHash] = true;
        emit Withdrawal(recipient, nullifierHash, msg.sender, 0);
        (bool ok,) = recipient.call{value: denomination}("");
        if (!ok) revert DevnetMixerPaymentFailed(recipient);
    }

    /// @notice The nullifier hash a withdrawal with `secret` records: keccak256(abi.encodePacked(commitment)).
    function nullifierHashOf(bytes32 secret) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(keccak256(abi.encodePacked(secret))));
    }
}
