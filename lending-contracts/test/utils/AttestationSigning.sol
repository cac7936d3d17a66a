// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";

import {CreditOracle} from "../../contracts/CreditOracle.sol";
import {ModelRegistry} from "../../contracts/ModelRegistry.sol";
import {ICreditOracle} from "../../contracts/interfaces/ICreditOracle.sol";
import {IModelRegistry} from "../../contracts/interfaces/IModelRegistry.sol";
import {Tiers} from "../../contracts/libraries/Tiers.sol";

/// @title AttestationSigning
/// @notice Shared test helper: deploys a registry + oracle with an approved model and a scorer, and builds and
/// signs ScoreAttestations with vm.sign. Reused by the oracle suites and the LendingPool suites.
/// @dev Typical use:
/// ```
/// contract MyTest is AttestationSigning {
///     function setUp() public {
///         (registry, oracle) = deployOracleStack(); // governance = GOVERNANCE, scorer = vm.addr(SCORER_PK)
///     }
///     function test_x() public {
///         attest(oracle, SCORER_PK, borrower, 3, 1); // borrower now has tier 3 for DEFAULT_VALIDITY
///     }
/// }
/// ```
abstract contract AttestationSigning is Test {
    /// @dev Known keys so that signatures are reproducible. Only SCORER_PK is granted SCORER_ROLE by default.
    uint256 internal constant SCORER_PK = 0x5C0BE5;
    uint256 internal constant SECOND_SCORER_PK = 0x5C0BE6;
    uint256 internal constant NON_SCORER_PK = 0xBAD5161;

    bytes32 internal constant DEFAULT_MODEL_ID = keccak256("creditlayer.model.xgb-v1");
    bytes32 internal constant DEFAULT_ARTIFACT_HASH = keccak256("artifact:xgb-v1");
    bytes32 internal constant DEFAULT_FEATURE_SCHEMA_HASH = keccak256("schema:features-v1");
    bytes32 internal constant DEFAULT_FAIRNESS_REPORT_HASH = keccak256("fairness-report:xgb-v1");
    bytes32 internal constant DEFAULT_FEATURE_COMMITMENT = keccak256("features:canonical-vector");

    uint64 internal constant DEFAULT_VALIDITY = 30 days;

    address internal constant GOVERNANCE = address(uint160(uint256(keccak256("creditlayer.test.governance"))));
    address internal constant PROPOSER = address(uint160(uint256(keccak256("creditlayer.test.proposer"))));
    address internal constant AUDITOR = address(uint160(uint256(keccak256("creditlayer.test.auditor"))));

    bytes32 internal constant EIP712_DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    /* ---------------------------------------------------------------- deployment */

    /// @notice Deploys registry + oracle with GOVERNANCE as admin, DEFAULT_MODEL_ID proposed, fairness-passed and
    /// approved, and vm.addr(SCORER_PK) granted SCORER_ROLE.
    function deployOracleStack() internal returns (ModelRegistry registry, CreditOracle oracle) {
        return deployOracleStack(GOVERNANCE, SCORER_PK, DEFAULT_MODEL_ID);
    }

    /// @notice Same as {deployOracleStack} with a chosen governance, scorer key and model id.
    function deployOracleStack(address governance, uint256 scorerPk, bytes32 modelId)
        internal
        returns (ModelRegistry registry, CreditOracle oracle)
    {
        registry = new ModelRegistry(governance);
        vm.label(address(registry), "ModelRegistry");
        oracle = new CreditOracle(registry, governance);
        vm.label(address(oracle), "CreditOracle");

        vm.startPrank(governance);
        registry.grantRole(registry.PROPOSER_ROLE(), PROPOSER);
        registry.grantRole(registry.AUDITOR_ROLE(), AUDITOR);
        oracle.grantRole(oracle.SCORER_ROLE(), vm.addr(scorerPk));
        vm.stopPrank();

        approveModel(registry, governance, modelId);
    }

    /// @notice Proposes (as PROPOSER), records a passing fairness report (as AUDITOR) and approves (as
    /// `governance`) `modelId` on `registry`. PROPOSER and AUDITOR must hold their roles.
    function approveModel(ModelRegistry registry, address governance, bytes32 modelId) internal {
        vm.prank(PROPOSER);
        registry.proposeModel(modelId, keccak256(abi.encode("artifact", modelId)), DEFAULT_FEATURE_SCHEMA_HASH);
        vm.prank(AUDITOR);
        registry.recordFairnessReport(modelId, keccak256(abi.encode("fairness", modelId)), true);
        vm.prank(governance);
        registry.approveModel(modelId);
    }

    /* ---------------------------------------------------------------- building and signing */

    /// @notice A valid-by-construction attestation: score matching the tier, DEFAULT_MODEL_ID, issued now and
    /// expiring after DEFAULT_VALIDITY.
    function buildAttestation(address borrower, uint8 tier, uint256 nonce)
        internal
        view
        returns (ICreditOracle.ScoreAttestation memory)
    {
        return buildAttestation(borrower, tier, DEFAULT_MODEL_ID, nonce);
    }

    /// @notice Same as {buildAttestation} with a chosen model id.
    function buildAttestation(address borrower, uint8 tier, bytes32 modelId, uint256 nonce)
        internal
        view
        returns (ICreditOracle.ScoreAttestation memory)
    {
        return ICreditOracle.ScoreAttestation({
            borrower: borrower,
            score: scoreForTier(tier),
            tier: tier,
            modelId: modelId,
            featureCommitment: DEFAULT_FEATURE_COMMITMENT,
            issuedAt: uint64(block.timestamp),
            expiresAt: uint64(block.timestamp) + DEFAULT_VALIDITY,
            nonce: nonce
        });
    }

    /// @notice A score in 300..850 consistent with `tier` (tier 1 -> 400 ... tier 5 -> 800); tiers outside
    /// 1..MAX map to 300 so that invalid-tier attestations still carry a valid score.
    function scoreForTier(uint8 tier) internal pure returns (uint16) {
        if (tier == Tiers.UNSCORED || tier > Tiers.MAX) return 300;
        return 300 + uint16(tier) * 100;
    }

    /// @notice Signs `attestation` with `privateKey` against `oracle`'s EIP-712 domain (digest from
    /// oracle.hashAttestation). Returns the 65-byte r || s || v signature the oracle expects.
    function signAttestation(
        ICreditOracle oracle,
        ICreditOracle.ScoreAttestation memory attestation,
        uint256 privateKey
    ) internal view returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(privateKey, oracle.hashAttestation(attestation));
        return abi.encodePacked(r, s, v);
    }

    /// @notice Builds (with {buildAttestation}) and signs an attestation in one call.
    function signedAttestation(ICreditOracle oracle, uint256 privateKey, address borrower, uint8 tier, uint256 nonce)
        internal
        view
        returns (ICreditOracle.ScoreAttestation memory attestation, bytes memory signature)
    {
        attestation = buildAttestation(borrower, tier, nonce);
        signature = signAttestation(oracle, attestation, privateKey);
    }

    /// @notice Builds, signs and submits an attestation so that `borrower` gets `tier` on `oracle`.
    function attest(ICreditOracle oracle, uint256 privateKey, address borrower, uint8 tier, uint256 nonce)
        internal
        returns (ICreditOracle.ScoreAttestation memory attestation)
    {
        bytes memory signature;
        (attestation, signature) = signedAttestation(oracle, privateKey, borrower, tier, nonce);
        oracle.submitAttestation(attestation, signature);
    }

    /* ---------------------------------------------------------------- independent EIP-712 */

    /// @notice The domain separator computed in the test, independently of OpenZeppelin's EIP712.
    function expectedDomainSeparator(address oracle) internal view returns (bytes32) {
        return keccak256(
            abi.encode(
                EIP712_DOMAIN_TYPEHASH,
                keccak256(bytes("CreditLayer CreditOracle")),
                keccak256(bytes("1")),
                block.chainid,
                oracle
            )
        );
    }

    /// @notice The struct hash computed in the test from the type string, independently of the oracle.
    function expectedStructHash(ICreditOracle.ScoreAttestation memory a) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256(
                    "ScoreAttestation(address borrower,uint16 score,uint8 tier,bytes32 modelId,bytes32 featureCommitment,uint64 issuedAt,uint64 expiresAt,uint256 nonce)"
                ),
                a.borrower,
                a.score,
                a.tier,
                a.modelId,
                a.featureCommitment,
                a.issuedAt,
                a.expiresAt,
                a.nonce
            )
        );
    }

    /// @notice keccak256("\x19\x01" || domainSeparator || structHash), computed in the test.
    function expectedDigest(address oracle, ICreditOracle.ScoreAttestation memory a) internal view returns (bytes32) {
        return keccak256(abi.encodePacked(hex"1901", expectedDomainSeparator(oracle), expectedStructHash(a)));
    }
}
