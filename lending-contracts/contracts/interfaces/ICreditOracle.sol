// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title ICreditOracle
/// @notice Holds the latest valid credit attestation per borrower and answers the borrower's tier. A tier reaches
/// the oracle either as a scorer-signed attestation or as a borrower's zero-knowledge proof against an epoch tree
/// root posted by a scorer (docs/zk.md); both land in the same record under the same staleness rules.
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
        uint16 score; // 0 for a tier proven in zero knowledge: the proof discloses no score
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
    /// @notice The root of one model's epoch tree of committed scores (docs/zk.md) and when it stops counting.
    struct TierRoot {
        bytes32 modelId;
        uint64 epoch; // < 2^32, the circuit's range
        uint64 postedAt; // a proven tier's issuedAt
        uint64 expiresAt; // a proven tier's expiresAt
    }

    event AttestationSkipped(address indexed borrower, uint256 nonce, bytes4 reason);
    event AttestationRevoked(address indexed borrower, address indexed by);
    event TierRootPosted(bytes32 indexed root, bytes32 indexed modelId, uint64 epoch, uint64 expiresAt, address scorer);
    event TierRootRevoked(bytes32 indexed root, address indexed by);
    /// @notice The root's TierRootPosted event carries its model, epoch and expiry.
    event TierProven(address indexed borrower, bytes32 root, uint8 tier);

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
    error CreditOracleTierRootOutOfField(bytes32 root);
    error CreditOracleEpochOutOfRange(uint64 epoch);
    error CreditOracleTierRootExists(bytes32 root);
    error CreditOracleUnknownTierRoot(bytes32 root);
    error CreditOracleTierRootExpired(bytes32 root, uint64 expiresAt);
    error CreditOracleInvalidTierProof(address borrower, bytes32 root, uint8 tier);

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

    /// @notice Posts the root of `modelId`'s tree for `epoch`; proofs against it count until `expiresAt`. Scorer only;
    /// the model must be approved, the root a BN254 scalar field element, the epoch below 2^32, the root new and
    /// expiresAt in the future.
    function postTierRoot(bytes32 root, bytes32 modelId, uint64 epoch, uint64 expiresAt) external;

    /// @notice Ends a posted root now (a faulty or leaked tree): no further proof against it is accepted. Tiers
    /// already proven with it stay until they expire or their borrower is revoked. Scorer or governance.
    function revokeTierRoot(bytes32 root) external;

    /// @notice The caller proves in zero knowledge that their score committed under `root` clears `tier`'s floor.
    /// The oracle builds the public signals [root, msg.sender, tier, modelId >> 8, epoch] from the stored root, so a
    /// proof works only for its own borrower, tier, model and epoch. On success the record becomes
    /// {score 0, tier, issuedAt = the root's postedAt, expiresAt = the root's expiresAt, modelId}, under the same
    /// staleness rules as a signed attestation. `proof` is (a, b, c) flattened: a.x, a.y, b.x1, b.x0, b.y1, b.y0, c.x, c.y.
    function proveTier(uint8 tier, bytes32 root, uint256[8] calldata proof) external;

    /// @notice A posted root (all zero when unknown).
    function tierRootOf(bytes32 root) external view returns (TierRoot memory);

    /// @notice The borrower's tier: the attested one while valid and its model approved, else the unscored tier (0).
    function tierOf(address borrower) external view returns (uint8);

    /// @notice The stored record, valid or not.
    function recordOf(address borrower) external view returns (CreditRecord memory);

    /// @notice Whether a nonce has been consumed for this borrower.
    function isNonceUsed(address borrower, uint256 nonce) external view returns (bool);

    /// @notice EIP-712 digest of an attestation under this oracle's domain.
    function hashAttestation(ScoreAttestation calldata attestation) external view returns (bytes32);
}
