// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";

import {ICreditOracle} from "./interfaces/ICreditOracle.sol";
import {IModelRegistry} from "./interfaces/IModelRegistry.sol";
import {Groth16Verifier} from "./zk/generated/Groth16Verifier.sol";
import {Tiers} from "./libraries/Tiers.sol";

/// @title CreditOracle
/// @notice Keeps the latest valid credit attestation per borrower, signed off-chain by a scorer under EIP-712 or
/// proven by the borrower in zero knowledge against a scorer-posted epoch tree root, and answers the borrower's tier
/// to lending pools.
/// @dev Replay protection: the EIP-712 domain binds a signature to this chain and this contract, the `borrower`
/// field to one account, the per-borrower nonce to one use and issuedAt/expiresAt to a time window. The stale
/// check stops a borrower from swapping a newer, worse attestation for an older, better one they still hold.
/// A tier proof is bound to its borrower, model and epoch by public signals the oracle builds itself, and to time by
/// its root's posting and expiry, which play issuedAt and expiresAt in the same stale check; replaying a proof only
/// rewrites the same record. The proof is checked by the snarkjs-generated Groth16 verifier of the build's key
/// (contracts/zk/generated, never edited), inherited so that the check is a call to this already-warm account:
/// proveTier's gas is almost all the verifier's pairings. A new key therefore means a new oracle.
contract CreditOracle is ICreditOracle, AccessControl, EIP712, Groth16Verifier {
    /// @notice Role whose signatures the oracle accepts; its holders may also revoke records.
    bytes32 public constant SCORER_ROLE = keccak256("SCORER_ROLE");

    /// @notice EIP-712 type hash of ScoreAttestation.
    bytes32 public constant ATTESTATION_TYPEHASH = keccak256(
        "ScoreAttestation(address borrower,uint16 score,uint8 tier,bytes32 modelId,bytes32 featureCommitment,uint64 issuedAt,uint64 expiresAt,uint256 nonce)"
    );

    /// @notice Lowest score an attestation may carry.
    uint16 public constant MIN_SCORE = 300;

    /// @notice Highest score an attestation may carry.
    uint16 public constant MAX_SCORE = 850;

    /// @notice Order of the BN254 scalar field: the tier circuit's public signals must be below it.
    uint256 public constant SNARK_SCALAR_FIELD =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;

    /// @dev The circuit range-checks epoch to 32 bits (Num2Bits(32)).
    uint64 private constant _EPOCH_LIMIT = 1 << 32;

    IModelRegistry private immutable _registry;


    /// @dev Solidity packs score, tier, issuedAt and expiresAt into one slot and modelId into a second, so the hot
    /// path (stale check, overwrite) and tierOf touch at most two slots.
    mapping(address borrower => CreditRecord) private _records;

    /// @dev Unordered nonces, Permit2 style: bit (nonce & 0xff) of word (nonce >> 8). Scorers may issue nonces in
    /// any order, and consuming one in an already non-zero word costs a non-zero to non-zero write.
    mapping(address borrower => mapping(uint256 word => uint256 bits)) private _nonceBitmap;

    /// @dev modelId in one slot, epoch, postedAt and expiresAt packed in a second: proveTier reads both.
    mapping(bytes32 root => TierRoot) private _tierRoots;

    /// @param registry The model registry consulted on every submission and every tier read.
    /// @param governance Receives DEFAULT_ADMIN_ROLE: grants and revokes scorers and may revoke records.
    constructor(IModelRegistry registry, address governance) EIP712("CreditLayer CreditOracle", "1") {
        if (address(registry) == address(0) || governance == address(0)) revert CreditOracleZeroAddress();
        _registry = registry;
        _grantRole(DEFAULT_ADMIN_ROLE, governance);
    }

    /* ---------------------------------------------------------------- submission */

    /// @inheritdoc ICreditOracle
    /// @dev Reverts with the custom error of the first failed check, in the order: borrower, score, tier,
    /// issuedAt, expiresAt, nonce, signer, model approval, staleness.
    function submitAttestation(ScoreAttestation calldata attestation, bytes calldata signature) external {
        (bytes4 reason, address signer) = _validate(attestation, signature);
        if (reason != bytes4(0)) _revertWith(reason, attestation, signer);
        _accept(attestation, signer);
    }

    /// @inheritdoc ICreditOracle
    /// @dev Entries are processed in order and each sees the effects of the earlier ones, so two entries for the
    /// same borrower and nonce accept the first and skip the second with CreditOracleNonceUsed. Never reverts on
    /// an invalid entry: one bad signature must not let a relayer's whole batch be griefed.
    function submitAttestations(ScoreAttestation[] calldata attestations, bytes[] calldata signatures)
        external
        returns (uint256 accepted)
    {
        uint256 length = attestations.length;
        if (length != signatures.length) revert CreditOracleLengthMismatch();
        for (uint256 i; i < length; ++i) {
            ScoreAttestation calldata attestation = attestations[i];
            (bytes4 reason, address signer) = _validate(attestation, signatures[i]);
            if (reason != bytes4(0)) {
                emit AttestationSkipped(attestation.borrower, attestation.nonce, reason);
                continue;
            }
            _accept(attestation, signer);
            unchecked {
                ++accepted;
            }
        }
    }

    /// @inheritdoc ICreditOracle
    /// @dev Reverts with CreditOracleNotRevoker unless the caller is a scorer or governance. Revoking a borrower
    /// without a record is a no-op that still emits, so the call is idempotent for off-chain retries.
    function revoke(address borrower) external {
        if (!hasRole(SCORER_ROLE, msg.sender) && !hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            revert CreditOracleNotRevoker(msg.sender);
        }
        // A tombstone, not a delete: it keeps the revocation time as issuedAt, so every attestation issued up to
        // the revocation (which the borrower may still hold) is stale from now on and cannot restore the tier.
        _records[borrower] =
            CreditRecord({score: 0, tier: Tiers.UNSCORED, issuedAt: uint64(block.timestamp), expiresAt: 0, modelId: 0});
        emit AttestationRevoked(borrower, msg.sender);
    }

    /* ---------------------------------------------------------------- zero-knowledge tier proofs */

    /// @inheritdoc ICreditOracle
    /// @dev Reverts in the order: role, root in field, epoch range, expiry, model approval, root already posted.
    function postTierRoot(bytes32 root, bytes32 modelId, uint64 epoch, uint64 expiresAt)
        external
        onlyRole(SCORER_ROLE)
    {
        // The oracle hands the root to the verifier as a public signal; one at or above the field order could never
        // verify, and rejecting it here says why.
        if (uint256(root) >= SNARK_SCALAR_FIELD) revert CreditOracleTierRootOutOfField(root);
        if (epoch >= _EPOCH_LIMIT) revert CreditOracleEpochOutOfRange(epoch);
        // forge-lint: disable-next-line(block-timestamp)
        if (expiresAt <= block.timestamp) revert CreditOracleExpired(expiresAt);
        if (!_registry.isApproved(modelId)) revert CreditOracleModelNotApproved(modelId);
        // Posting once is final: no re-posting that would extend the root's life or change its model or epoch.
        if (_tierRoots[root].postedAt != 0) revert CreditOracleTierRootExists(root);

        _tierRoots[root] =
            TierRoot({modelId: modelId, epoch: epoch, postedAt: uint64(block.timestamp), expiresAt: expiresAt});
        emit TierRootPosted(root, modelId, epoch, expiresAt, msg.sender);
    }

    /// @inheritdoc ICreditOracle
    /// @dev Revoking an unknown or already dead root reverts, so a typo cannot pass for a revocation.
    function revokeTierRoot(bytes32 root) external {
        if (!hasRole(SCORER_ROLE, msg.sender) && !hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            revert CreditOracleNotRevoker(msg.sender);
        }
        TierRoot storage tierRoot = _tierRoots[root];
        if (tierRoot.postedAt == 0) revert CreditOracleUnknownTierRoot(root);
        uint64 expiresAt = tierRoot.expiresAt;
        // forge-lint: disable-next-line(block-timestamp)
        if (expiresAt <= block.timestamp) revert CreditOracleTierRootExpired(root, expiresAt);
        tierRoot.expiresAt = uint64(block.timestamp);
        emit TierRootRevoked(root, msg.sender);
    }

    /// @inheritdoc ICreditOracle
    /// @dev Reverts in the order: tier, root known, root live, staleness, proof. Everything the proof is checked
    /// against comes from storage or msg.sender, never from the caller's word. Model approval was checked when the
    /// root was posted and is re-checked by tierOf on every read, as for attestations, so a model retired since
    /// then yields tier 0; not calling the registry here saves about 5,200 gas of proveTier's budget (docs/zk.md).
    function proveTier(uint8 tier, bytes32 root, uint256[8] calldata proof) external {
        // One comparison for both bounds: tier 0 (unscored) wraps to 255.
        unchecked {
            if (tier - 1 >= Tiers.MAX) revert CreditOracleInvalidTier(tier);
        }
        (bytes32 modelId, uint64 epoch, uint64 postedAt, uint64 expiresAt) = _loadTierRoot(root);
        // forge-lint: disable-next-line(block-timestamp)
        if (expiresAt <= block.timestamp) {
            // An unknown root reads as all zero, so it lands here too.
            if (postedAt == 0) revert CreditOracleUnknownTierRoot(root);
            revert CreditOracleTierRootExpired(root, expiresAt);
        }

        // The root's posting time plays issuedAt: a revocation after the root was posted (or in the same second)
        // makes every proof against it stale, as it does every attestation issued up to the revocation.
        CreditRecord storage current = _records[msg.sender];
        uint64 currentIssuedAt = current.issuedAt;
        if (
            postedAt < currentIssuedAt
                || (postedAt == currentIssuedAt && currentIssuedAt != 0 && current.tier == Tiers.UNSCORED)
        ) revert CreditOracleStaleAttestation(postedAt, currentIssuedAt);

        if (!_verifyTierProof(proof, root, tier, modelId, epoch)) {
            revert CreditOracleInvalidTierProof(msg.sender, root, tier);
        }

        _storeProvenRecord(current, tier, postedAt, expiresAt, modelId);
        emit TierProven(msg.sender, root, tier);
    }

    /* ---------------------------------------------------------------- views */

    /// @inheritdoc ICreditOracle
    /// @dev Approval is re-read from the registry on every call so that retiring a model demotes its borrowers at
    /// once, without touching their records.
    function tierOf(address borrower) external view returns (uint8) {
        CreditRecord storage record = _records[borrower];
        // Absent and revoked records have expiresAt == 0 and exit here without the external call.
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp >= record.expiresAt) return Tiers.UNSCORED;
        if (!_registry.isApproved(record.modelId)) return Tiers.UNSCORED;
        return record.tier;
    }

    /// @inheritdoc ICreditOracle
    function recordOf(address borrower) external view returns (CreditRecord memory) {
        return _records[borrower];
    }

    /// @inheritdoc ICreditOracle
    function isNonceUsed(address borrower, uint256 nonce) external view returns (bool) {
        return _isNonceUsed(borrower, nonce);
    }

    /// @inheritdoc ICreditOracle
    function hashAttestation(ScoreAttestation calldata attestation) external view returns (bytes32) {
        return _hashAttestation(attestation);
    }

    /// @inheritdoc ICreditOracle
    function tierRootOf(bytes32 root) external view returns (TierRoot memory) {
        return _tierRoots[root];
    }

    /// @notice The model registry this oracle consults.
    function modelRegistry() external view returns (IModelRegistry) {
        return _registry;
    }

    /// @notice The EIP-712 domain separator (name "CreditLayer CreditOracle", version "1", this chain, this contract).
    /// @dev Recomputed by OpenZeppelin's EIP712 if the chain id changes (fork), so old-chain signatures stop verifying.
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /* ---------------------------------------------------------------- internals */

    /// @dev The single source of truth for validity, shared by the single and the batch path. Returns the selector
    /// of the first failed check (zero when valid) and the recovered signer. Cheap stateless checks run first, the
    /// signature next, and the external registry call and the record read last.
    function _validate(ScoreAttestation calldata attestation, bytes calldata signature)
        private
        view
        returns (bytes4 reason, address signer)
    {
        address borrower = attestation.borrower;
        if (borrower == address(0)) return (CreditOracleInvalidBorrower.selector, address(0));
        uint16 score = attestation.score;
        if (score < MIN_SCORE || score > MAX_SCORE) return (CreditOracleInvalidScore.selector, address(0));
        uint8 tier = attestation.tier;
        if (tier == Tiers.UNSCORED || tier > Tiers.MAX) return (CreditOracleInvalidTier.selector, address(0));
        uint64 issuedAt = attestation.issuedAt;
        // Windows are days long, so the few seconds a block proposer can skew the timestamp do not matter.
        // forge-lint: disable-next-line(block-timestamp)
        if (issuedAt > block.timestamp) return (CreditOracleNotYetValid.selector, address(0));
        // issuedAt <= block.timestamp < expiresAt, so this also rejects expiresAt <= issuedAt.
        // forge-lint: disable-next-line(block-timestamp)
        if (attestation.expiresAt <= block.timestamp) return (CreditOracleExpired.selector, address(0));
        if (_isNonceUsed(borrower, attestation.nonce)) return (CreditOracleNonceUsed.selector, address(0));

        // tryRecover, not recover: a malformed signature must surface as UnknownSigner (and be skippable in a
        // batch) rather than revert with OpenZeppelin's ECDSA errors. A signature made for another borrower
        // recovers to some unrelated address and fails here too.
        ECDSA.RecoverError err;
        (signer, err,) = ECDSA.tryRecover(_hashAttestation(attestation), signature);
        if (err != ECDSA.RecoverError.NoError || !hasRole(SCORER_ROLE, signer)) {
            return (CreditOracleUnknownSigner.selector, signer);
        }

        if (!_registry.isApproved(attestation.modelId)) return (CreditOracleModelNotApproved.selector, signer);
        CreditRecord storage current = _records[borrower];
        uint64 currentIssuedAt = current.issuedAt;
        // A revocation tombstone (tier 0 with a time) also refuses attestations issued in its own second.
        if (
            issuedAt < currentIssuedAt
                || (issuedAt == currentIssuedAt && currentIssuedAt != 0 && current.tier == Tiers.UNSCORED)
        ) return (CreditOracleStaleAttestation.selector, signer);
    }

    /// @dev Turns a selector from _validate back into the full custom error, so the single path reports the same
    /// arguments a caller would expect from a direct revert.
    function _revertWith(bytes4 reason, ScoreAttestation calldata attestation, address signer) private view {
        if (reason == CreditOracleInvalidBorrower.selector) revert CreditOracleInvalidBorrower(attestation.borrower);
        if (reason == CreditOracleInvalidScore.selector) revert CreditOracleInvalidScore(attestation.score);
        if (reason == CreditOracleInvalidTier.selector) revert CreditOracleInvalidTier(attestation.tier);
        if (reason == CreditOracleNotYetValid.selector) revert CreditOracleNotYetValid(attestation.issuedAt);
        if (reason == CreditOracleExpired.selector) revert CreditOracleExpired(attestation.expiresAt);
        if (reason == CreditOracleNonceUsed.selector) {
            revert CreditOracleNonceUsed(attestation.borrower, attestation.nonce);
        }
        if (reason == CreditOracleUnknownSigner.selector) revert CreditOracleUnknownSigner(signer);
        if (reason == CreditOracleModelNotApproved.selector) revert CreditOracleModelNotApproved(attestation.modelId);
        // Only CreditOracleStaleAttestation is left.
        revert CreditOracleStaleAttestation(attestation.issuedAt, _records[attestation.borrower].issuedAt);
    }

    /// @dev Effects then event; no external calls, so no reentrancy surface.
    function _accept(ScoreAttestation calldata attestation, address signer) private {
        address borrower = attestation.borrower;
        uint256 nonce = attestation.nonce;
        (uint256 word, uint256 bit) = _nonceBit(nonce);
        _nonceBitmap[borrower][word] |= bit;
        _records[borrower] = CreditRecord({
            score: attestation.score,
            tier: attestation.tier,
            issuedAt: attestation.issuedAt,
            expiresAt: attestation.expiresAt,
            modelId: attestation.modelId
        });
        emit AttestationAccepted(
            borrower,
            attestation.modelId,
            attestation.score,
            attestation.tier,
            attestation.featureCommitment,
            attestation.expiresAt,
            nonce,
            signer
        );
    }

    /// @dev Checks the proof with this contract's own verifyProof (the generated verifier, inherited) in a static
    /// self-call: its assembly ends the call frame with `return`, so it must never run as an internal call, which
    /// would end proveTier itself. The public signals are in the circuit's order: root, borrower (msg.sender), tier,
    /// modelId (bytes32 >> 8, below 2^248 and so in the field), epoch; the root was checked against the field when
    /// posted and the rest fit by their types. verifyProof's static arrays ABI-encode as their words in order and
    /// the proof words are already a, b, c in the verifier's order, so the call data is the selector, the eight
    /// proof words and the five signals, written into free memory (not allocated: nothing else uses it before the
    /// call returns). A malformed point makes a precompile call fail and burn the gas the verifier forwarded; the
    /// verifier then answers false.
    function _verifyTierProof(uint256[8] calldata proof, bytes32 root, uint8 tier, bytes32 modelId, uint64 epoch)
        private
        view
        returns (bool valid)
    {
        bytes4 selector = this.verifyProof.selector;
        uint256 modelIdSignal = uint256(modelId) >> 8;
        uint256 epochSignal = epoch;
        assembly ("memory-safe") {
            let input := mload(0x40)
            mstore(input, selector)
            calldatacopy(add(input, 4), proof, 256)
            mstore(add(input, 260), root)
            mstore(add(input, 292), caller())
            mstore(add(input, 324), tier)
            mstore(add(input, 356), modelIdSignal)
            mstore(add(input, 388), epochSignal)
            let success := staticcall(gas(), address(), input, 420, 0, 32)
            valid := and(success, and(eq(returndatasize(), 32), eq(mload(0), 1)))
        }
    }

    /// @dev A TierRoot as stack values, one SLOAD per slot (no memory struct). Its second slot packs, from the lowest
    /// bits: epoch, postedAt, expiresAt (64 bits each); modelId fills the first.
    function _loadTierRoot(bytes32 root)
        private
        view
        returns (bytes32 modelId, uint64 epoch, uint64 postedAt, uint64 expiresAt)
    {
        TierRoot storage stored = _tierRoots[root];
        uint256 times;
        assembly ("memory-safe") {
            modelId := sload(stored.slot)
            times := sload(add(stored.slot, 1))
        }
        epoch = uint64(times);
        postedAt = uint64(times >> 64);
        expiresAt = uint64(times >> 128);
    }

    /// @dev Writes {score: 0, tier, issuedAt, expiresAt, modelId} with one SSTORE per slot; Solidity's struct copy
    /// writes the first slot field by field, which costs proveTier its gas budget. CreditRecord's first slot packs,
    /// from the lowest bits: score (16 bits), tier (8), issuedAt (64), expiresAt (64); modelId fills the second.
    /// The proveTier tests read every field back through recordOf.
    function _storeProvenRecord(
        CreditRecord storage record,
        uint8 tier,
        uint64 issuedAt,
        uint64 expiresAt,
        bytes32 modelId
    ) private {
        uint256 packed = (uint256(tier) << 16) | (uint256(issuedAt) << 24) | (uint256(expiresAt) << 88);
        assembly ("memory-safe") {
            sstore(record.slot, packed)
            sstore(add(record.slot, 1), modelId)
        }
    }

    function _isNonceUsed(address borrower, uint256 nonce) private view returns (bool) {
        (uint256 word, uint256 bit) = _nonceBit(nonce);
        return _nonceBitmap[borrower][word] & bit != 0;
    }

    /// @dev 256 nonces share a word, so a scorer issuing nonces close together keeps the word warm.
    function _nonceBit(uint256 nonce) private pure returns (uint256 word, uint256 bit) {
        word = nonce >> 8;
        // forge-lint: disable-next-line(incorrect-shift)
        bit = 1 << (nonce & 0xff);
    }

    function _hashAttestation(ScoreAttestation calldata attestation) private view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    ATTESTATION_TYPEHASH,
                    attestation.borrower,
                    attestation.score,
                    attestation.tier,
                    attestation.modelId,
                    attestation.featureCommitment,
                    attestation.issuedAt,
                    attestation.expiresAt,
                    attestation.nonce
                )
            )
        );
    }
}
