// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title ICreditOracle
/// @notice Holds the latest valid credit attestation per borrower and answers the borrower's tier.
interface ICreditOracle {
    /// @notice The EIP-712 message a scorer signs. Bound to chain id and oracle address by the domain,
    /// to the borrower by the field, to time by issuedAt/expiresAt and to one use by the nonce.
    struct ScoreAttestation {
        address borrower;
        uint16 score; // 300..850
        uint8 tier; // 1..MAX_TIER; 0 is the unscored tier and is never attested
        bytes32 modelId;
        bytes32 featureCommitment; // keccak-256 of the canonical feature vector
        uint64 issuedAt;
        uint64 expiresAt;
        uint256 nonce;
    }

    /// @notice What the oracle keeps per borrower (the feature commitment lives in the event).
    struct CreditRecord {
        uint16 score;
        uint8 tier;
        uint64 issuedAt;
        uint64 expiresAt;
        bytes32 modelId;
    }

    event AttestationAccepted(
        address indexed borrower,
        bytes32 indexed modelId,
        uint16 score,
        uint8 tier,
        bytes32 featureCommitment,
        uint64 expiresAt,
        uint256 nonce,
        address signer
    );
    event AttestationSkipped(address indexed borrower, uint256 nonce, bytes4 reason);
    event AttestationRevoked(address indexed borrower, address indexed by);

    error CreditOracleUnknownSigner(address signer);
    error CreditOracleModelNotApproved(bytes32 modelId);
    error CreditOracleExpired(uint64 expiresAt);
    error CreditOracleNotYetValid(uint64 issuedAt);
    error CreditOracleNonceUsed(address borrower, uint256 nonce);
    error CreditOracleInvalidBorrower(address borrower);
    error CreditOracleInvalidScore(uint16 score);
    error CreditOracleInvalidTier(uint8 tier);
    error CreditOracleStaleAttestation(uint64 issuedAt, uint64 currentIssuedAt);
    error CreditOracleLengthMismatch();
    error CreditOracleNotRevoker(address caller);
    error CreditOracleZeroAddress();

    /// @notice Verifies and stores one signed attestation. Anyone may submit it.
    function submitAttestation(ScoreAttestation calldata attestation, bytes calldata signature) external;

    /// @notice Relayer batch: valid attestations are stored, invalid ones are skipped with an
    /// `AttestationSkipped` event carrying the error selector. Returns how many were accepted.
    function submitAttestations(ScoreAttestation[] calldata attestations, bytes[] calldata signatures)
        external
        returns (uint256 accepted);

    /// @notice Revokes a borrower's attestation: the record becomes a tombstone (tier 0, issuedAt = now, expiresAt 0),
    /// so the borrower is unscored and no attestation issued up to now can be submitted again. Scorer or governance.
    function revoke(address borrower) external;

    /// @notice The borrower's tier: the attested one while valid and its model approved, else the unscored tier (0).
    function tierOf(address borrower) external view returns (uint8);

    /// @notice The stored record, valid or not.
    function recordOf(address borrower) external view returns (CreditRecord memory);

    /// @notice Whether a nonce has been consumed for this borrower.
    function isNonceUsed(address borrower, uint256 nonce) external view returns (bool);

    /// @notice EIP-712 digest of an attestation under this oracle's domain.
    function hashAttestation(ScoreAttestation calldata attestation) external view returns (bytes32);
}
