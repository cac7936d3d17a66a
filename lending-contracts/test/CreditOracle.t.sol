// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";

import {CreditOracle} from "../contracts/CreditOracle.sol";
import {ModelRegistry} from "../contracts/ModelRegistry.sol";
import {ICreditOracle} from "../contracts/interfaces/ICreditOracle.sol";
import {IModelRegistry} from "../contracts/interfaces/IModelRegistry.sol";
import {Tiers} from "../contracts/libraries/Tiers.sol";

import {AttestationSigning} from "./utils/AttestationSigning.sol";

contract CreditOracleTest is AttestationSigning {
    uint256 internal constant START = 1_700_000_000;
    /// @dev secp256k1 group order, to build the high-s twin of a signature.
    uint256 internal constant SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    ModelRegistry internal registry;
    CreditOracle internal oracle;
    address internal scorer;
    address internal borrower;
    address internal stranger;

    function setUp() public {
        vm.warp(START);
        (registry, oracle) = deployOracleStack();
        scorer = vm.addr(SCORER_PK);
        borrower = makeAddr("borrower");
        stranger = makeAddr("stranger");
    }

    /* ================================================================ helpers */

    function _att(uint256 nonce) internal view returns (ICreditOracle.ScoreAttestation memory) {
        return buildAttestation(borrower, 3, nonce);
    }

    function _sign(ICreditOracle.ScoreAttestation memory a) internal view returns (bytes memory) {
        return signAttestation(oracle, a, SCORER_PK);
    }

    function _expectRevertSubmit(ICreditOracle.ScoreAttestation memory a, bytes memory sig, bytes memory err) internal {
        vm.expectRevert(err);
        oracle.submitAttestation(a, sig);
    }

    function _assertRecord(address who, ICreditOracle.ScoreAttestation memory a) internal view {
        ICreditOracle.CreditRecord memory r = oracle.recordOf(who);
        assertEq(r.score, a.score, "score");
        assertEq(r.tier, a.tier, "tier");
        assertEq(r.issuedAt, a.issuedAt, "issuedAt");
        assertEq(r.expiresAt, a.expiresAt, "expiresAt");
        assertEq(r.modelId, a.modelId, "modelId");
    }

    function _assertNoRecord(address who) internal view {
        ICreditOracle.CreditRecord memory r = oracle.recordOf(who);
        assertEq(r.score, 0);
        assertEq(r.tier, 0);
        assertEq(r.issuedAt, 0);
        assertEq(r.expiresAt, 0);
        assertEq(r.modelId, bytes32(0));
    }

    /// @dev A revocation leaves a tombstone: unscored, stamped with the revocation time.
    function _assertRevoked(address who) internal view {
        ICreditOracle.CreditRecord memory r = oracle.recordOf(who);
        assertEq(r.score, 0);
        assertEq(r.tier, 0);
        assertEq(r.issuedAt, uint64(block.timestamp), "revocation time");
        assertEq(r.expiresAt, 0);
        assertEq(r.modelId, bytes32(0));
    }

    function _proposeOnly(bytes32 modelId) internal {
        vm.prank(PROPOSER);
        registry.proposeModel(modelId, keccak256("a"), keccak256("s"));
    }

    /* ================================================================ deployment and metadata */

    function test_constructor_setsRolesAndRegistry() public view {
        assertTrue(oracle.hasRole(oracle.DEFAULT_ADMIN_ROLE(), GOVERNANCE));
        assertTrue(oracle.hasRole(oracle.SCORER_ROLE(), scorer));
        assertFalse(oracle.hasRole(oracle.DEFAULT_ADMIN_ROLE(), address(this)));
        assertEq(address(oracle.modelRegistry()), address(registry));
        assertEq(oracle.SCORER_ROLE(), keccak256("SCORER_ROLE"));
        assertEq(oracle.MIN_SCORE(), 300);
        assertEq(oracle.MAX_SCORE(), 850);
        assertEq(
            oracle.ATTESTATION_TYPEHASH(),
            keccak256(
                "ScoreAttestation(address borrower,uint16 score,uint8 tier,bytes32 modelId,bytes32 featureCommitment,uint64 issuedAt,uint64 expiresAt,uint256 nonce)"
            )
        );
    }

    function test_constructor_revertsOnZeroRegistry() public {
        vm.expectRevert(abi.encodeWithSelector(ICreditOracle.CreditOracleZeroAddress.selector));
        new CreditOracle(IModelRegistry(address(0)), GOVERNANCE);
    }

    function test_constructor_revertsOnZeroGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(ICreditOracle.CreditOracleZeroAddress.selector));
        new CreditOracle(registry, address(0));
    }

    function test_supportsInterface() public view {
        assertTrue(oracle.supportsInterface(type(IAccessControl).interfaceId));
        assertTrue(oracle.supportsInterface(type(IERC165).interfaceId));
        assertFalse(oracle.supportsInterface(0xffffffff));
    }

    function test_eip712Domain() public view {
        (
            bytes1 fields,
            string memory name,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        ) = oracle.eip712Domain();
        assertEq(fields, hex"0f");
        assertEq(name, "CreditLayer CreditOracle");
        assertEq(version, "1");
        assertEq(chainId, block.chainid);
        assertEq(verifyingContract, address(oracle));
        assertEq(salt, bytes32(0));
        assertEq(extensions.length, 0);
    }

    function test_domainSeparator_matchesIndependentComputation() public view {
        assertEq(oracle.DOMAIN_SEPARATOR(), expectedDomainSeparator(address(oracle)));
    }

    function test_domainSeparator_followsChainId() public {
        bytes32 before = oracle.DOMAIN_SEPARATOR();
        vm.chainId(777);
        assertEq(oracle.DOMAIN_SEPARATOR(), expectedDomainSeparator(address(oracle)));
        assertTrue(oracle.DOMAIN_SEPARATOR() != before);
    }

    /// @dev The digest is recomputed here from the raw type string and "\x19\x01" || domain || struct,
    /// independently of OpenZeppelin's EIP712 and of the oracle.
    function test_hashAttestation_matchesIndependentDigest() public view {
        ICreditOracle.ScoreAttestation memory a = _att(42);
        bytes32 structHash = keccak256(
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
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("CreditLayer CreditOracle"),
                keccak256("1"),
                block.chainid,
                address(oracle)
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", domain, structHash));
        assertEq(oracle.hashAttestation(a), digest);
        assertEq(expectedDigest(address(oracle), a), digest);

        (uint8 v, bytes32 r, bytes32 s) = vm.sign(SCORER_PK, digest);
        assertEq(ecrecover(digest, v, r, s), scorer);
    }

    function testFuzz_hashAttestation_matchesIndependentDigest(ICreditOracle.ScoreAttestation memory a) public view {
        assertEq(oracle.hashAttestation(a), expectedDigest(address(oracle), a));
    }

    /* ================================================================ submitAttestation: success */

    function test_submit_storesRecordAndEmits() public {
        ICreditOracle.ScoreAttestation memory a = _att(7);
        bytes memory sig = _sign(a);

        vm.expectEmit(true, true, true, true, address(oracle));
        emit ICreditOracle.AttestationAccepted(
            borrower, a.modelId, a.score, a.tier, a.featureCommitment, a.expiresAt, a.nonce, scorer
        );
        vm.prank(stranger); // anyone may submit
        oracle.submitAttestation(a, sig);

        _assertRecord(borrower, a);
        assertTrue(oracle.isNonceUsed(borrower, 7));
        assertFalse(oracle.isNonceUsed(borrower, 6));
        assertEq(oracle.tierOf(borrower), 3);
    }

    function test_submit_acceptsBoundaryValues() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        a.score = 300;
        a.tier = 1;
        a.expiresAt = uint64(block.timestamp) + 1;
        oracle.submitAttestation(a, _sign(a));
        _assertRecord(borrower, a);

        a = _att(2);
        a.score = 850;
        a.tier = Tiers.MAX;
        a.expiresAt = type(uint64).max;
        oracle.submitAttestation(a, _sign(a));
        _assertRecord(borrower, a);
        assertEq(oracle.tierOf(borrower), Tiers.MAX);
    }

    function test_submit_newerReplacesOlder_sameIssuedAtAllowed() public {
        ICreditOracle.ScoreAttestation memory first = _att(1);
        oracle.submitAttestation(first, _sign(first));

        // Same second: a re-score is not stale.
        ICreditOracle.ScoreAttestation memory same = buildAttestation(borrower, 2, 2);
        oracle.submitAttestation(same, _sign(same));
        _assertRecord(borrower, same);

        vm.warp(block.timestamp + 1 days);
        ICreditOracle.ScoreAttestation memory later = buildAttestation(borrower, 5, 3);
        oracle.submitAttestation(later, _sign(later));
        _assertRecord(borrower, later);
        assertEq(oracle.tierOf(borrower), 5);
    }

    function test_submit_unorderedNonces() public {
        uint256[5] memory nonces = [uint256(1000), 3, type(uint256).max, 256, 255];
        for (uint256 i; i < nonces.length; ++i) {
            ICreditOracle.ScoreAttestation memory a = _att(nonces[i]);
            oracle.submitAttestation(a, _sign(a));
            assertTrue(oracle.isNonceUsed(borrower, nonces[i]));
        }
        assertFalse(oracle.isNonceUsed(borrower, 0));
        assertFalse(oracle.isNonceUsed(borrower, 254));
        assertFalse(oracle.isNonceUsed(borrower, 257));
        assertFalse(oracle.isNonceUsed(borrower, type(uint256).max - 1));
    }

    function test_submit_noncesArePerBorrower() public {
        ICreditOracle.ScoreAttestation memory a = _att(9);
        oracle.submitAttestation(a, _sign(a));
        address other = makeAddr("other");
        ICreditOracle.ScoreAttestation memory b = buildAttestation(other, 2, 9);
        oracle.submitAttestation(b, _sign(b));
        assertTrue(oracle.isNonceUsed(other, 9));
        assertEq(oracle.tierOf(other), 2);
    }

    function test_submit_acceptsAnyScorer() public {
        address second = vm.addr(SECOND_SCORER_PK);
        bytes32 role = oracle.SCORER_ROLE();
        vm.prank(GOVERNANCE);
        oracle.grantRole(role, second);
        ICreditOracle.ScoreAttestation memory a = _att(1);

        vm.expectEmit(true, true, true, true, address(oracle));
        emit ICreditOracle.AttestationAccepted(
            borrower, a.modelId, a.score, a.tier, a.featureCommitment, a.expiresAt, a.nonce, second
        );
        oracle.submitAttestation(a, signAttestation(oracle, a, SECOND_SCORER_PK));
    }

    /* ================================================================ submitAttestation: every revert */

    function test_submit_revert_invalidBorrower() public {
        ICreditOracle.ScoreAttestation memory a = buildAttestation(address(0), 3, 1);
        _expectRevertSubmit(
            a, _sign(a), abi.encodeWithSelector(ICreditOracle.CreditOracleInvalidBorrower.selector, address(0))
        );
    }

    function test_submit_revert_scoreTooLow() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        a.score = 299;
        _expectRevertSubmit(a, _sign(a), abi.encodeWithSelector(ICreditOracle.CreditOracleInvalidScore.selector, 299));
    }

    function test_submit_revert_scoreTooHigh() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        a.score = 851;
        _expectRevertSubmit(a, _sign(a), abi.encodeWithSelector(ICreditOracle.CreditOracleInvalidScore.selector, 851));
    }

    function testFuzz_submit_revert_scoreOutOfRange(uint16 score) public {
        vm.assume(score < 300 || score > 850);
        ICreditOracle.ScoreAttestation memory a = _att(1);
        a.score = score;
        _expectRevertSubmit(a, _sign(a), abi.encodeWithSelector(ICreditOracle.CreditOracleInvalidScore.selector, score));
    }

    function test_submit_revert_tierZero() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        a.tier = Tiers.UNSCORED;
        _expectRevertSubmit(a, _sign(a), abi.encodeWithSelector(ICreditOracle.CreditOracleInvalidTier.selector, 0));
    }

    function testFuzz_submit_revert_tierAboveMax(uint8 tier) public {
        tier = uint8(_bound(tier, Tiers.MAX + 1, type(uint8).max));
        ICreditOracle.ScoreAttestation memory a = _att(1);
        a.tier = tier;
        _expectRevertSubmit(a, _sign(a), abi.encodeWithSelector(ICreditOracle.CreditOracleInvalidTier.selector, tier));
    }

    function test_submit_revert_notYetValid() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        a.issuedAt = uint64(block.timestamp) + 1;
        _expectRevertSubmit(
            a, _sign(a), abi.encodeWithSelector(ICreditOracle.CreditOracleNotYetValid.selector, a.issuedAt)
        );
    }

    function test_submit_revert_expiredAtNow() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        a.issuedAt = uint64(block.timestamp) - 10;
        a.expiresAt = uint64(block.timestamp);
        _expectRevertSubmit(
            a, _sign(a), abi.encodeWithSelector(ICreditOracle.CreditOracleExpired.selector, a.expiresAt)
        );
    }

    function test_submit_revert_expiredAfterWarp() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        bytes memory sig = _sign(a);
        vm.warp(a.expiresAt + 1);
        _expectRevertSubmit(a, sig, abi.encodeWithSelector(ICreditOracle.CreditOracleExpired.selector, a.expiresAt));
    }

    /// @dev expiresAt <= issuedAt: with issuedAt now, such an attestation is already past its expiry.
    function test_submit_revert_expiresNotAfterIssued() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        a.expiresAt = a.issuedAt;
        _expectRevertSubmit(
            a, _sign(a), abi.encodeWithSelector(ICreditOracle.CreditOracleExpired.selector, a.expiresAt)
        );

        a.expiresAt = a.issuedAt - 1;
        _expectRevertSubmit(
            a, _sign(a), abi.encodeWithSelector(ICreditOracle.CreditOracleExpired.selector, a.expiresAt)
        );
    }

    function test_submit_revert_nonceUsed() public {
        ICreditOracle.ScoreAttestation memory a = _att(5);
        bytes memory sig = _sign(a);
        oracle.submitAttestation(a, sig);
        _expectRevertSubmit(
            a, sig, abi.encodeWithSelector(ICreditOracle.CreditOracleNonceUsed.selector, borrower, uint256(5))
        );

        // A fresh, differently-scored attestation re-using the nonce is refused too.
        ICreditOracle.ScoreAttestation memory b = buildAttestation(borrower, 5, 5);
        _expectRevertSubmit(
            b, _sign(b), abi.encodeWithSelector(ICreditOracle.CreditOracleNonceUsed.selector, borrower, uint256(5))
        );
    }

    function test_submit_revert_unknownSigner_nonScorer() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        _expectRevertSubmit(
            a,
            signAttestation(oracle, a, NON_SCORER_PK),
            abi.encodeWithSelector(ICreditOracle.CreditOracleUnknownSigner.selector, vm.addr(NON_SCORER_PK))
        );
    }

    function test_submit_revert_unknownSigner_scorerRoleRevoked() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        bytes memory sig = _sign(a);
        bytes32 role = oracle.SCORER_ROLE();
        vm.prank(GOVERNANCE);
        oracle.revokeRole(role, scorer);
        _expectRevertSubmit(a, sig, abi.encodeWithSelector(ICreditOracle.CreditOracleUnknownSigner.selector, scorer));
    }

    /// @dev The "wrong borrower" case: the signature covers `borrower`, the submission names `victim`.
    function test_submit_revert_unknownSigner_wrongBorrower() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        bytes memory sig = _sign(a);
        address victim = makeAddr("victim");
        a.borrower = victim;
        address recovered = _recover(oracle.hashAttestation(a), sig);
        assertTrue(recovered != scorer);
        _expectRevertSubmit(a, sig, abi.encodeWithSelector(ICreditOracle.CreditOracleUnknownSigner.selector, recovered));
        _assertNoRecord(victim);
        assertFalse(oracle.isNonceUsed(victim, 1));
    }

    function test_submit_revert_unknownSigner_tamperedScore() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        bytes memory sig = _sign(a);
        a.score = 850;
        a.tier = 5;
        _expectRevertSubmit(
            a,
            sig,
            abi.encodeWithSelector(
                ICreditOracle.CreditOracleUnknownSigner.selector, _recover(oracle.hashAttestation(a), sig)
            )
        );
    }

    function test_submit_revert_unknownSigner_emptySignature() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        _expectRevertSubmit(a, "", abi.encodeWithSelector(ICreditOracle.CreditOracleUnknownSigner.selector, address(0)));
    }

    function test_submit_revert_unknownSigner_wrongLength() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(SCORER_PK, oracle.hashAttestation(a));
        bytes memory err = abi.encodeWithSelector(ICreditOracle.CreditOracleUnknownSigner.selector, address(0));
        // ERC-2098 compact form is not accepted.
        bytes32 vs = bytes32(uint256(s) | (uint256(v - 27) << 255));
        _expectRevertSubmit(a, abi.encodePacked(r, vs), err);
        _expectRevertSubmit(a, abi.encodePacked(r, s, v, uint8(0)), err);
    }

    function test_submit_revert_unknownSigner_badV() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        (, bytes32 r, bytes32 s) = vm.sign(SCORER_PK, oracle.hashAttestation(a));
        _expectRevertSubmit(
            a,
            abi.encodePacked(r, s, uint8(29)),
            abi.encodeWithSelector(ICreditOracle.CreditOracleUnknownSigner.selector, address(0))
        );
    }

    /// @dev The high-s twin recovers to the scorer through raw ecrecover but OpenZeppelin rejects it, so
    /// signatures are not malleable.
    function test_submit_revert_unknownSigner_highS() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        bytes32 digest = oracle.hashAttestation(a);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(SCORER_PK, digest);
        bytes32 highS = bytes32(SECP256K1_N - uint256(s));
        uint8 flippedV = v == 27 ? 28 : 27;
        assertEq(ecrecover(digest, flippedV, r, highS), scorer);
        _expectRevertSubmit(
            a,
            abi.encodePacked(r, highS, flippedV),
            abi.encodeWithSelector(ICreditOracle.CreditOracleUnknownSigner.selector, address(0))
        );
    }

    function test_submit_revert_modelNotApproved_unknown() public {
        bytes32 unknown = keccak256("unknown-model");
        ICreditOracle.ScoreAttestation memory a = buildAttestation(borrower, 3, unknown, 1);
        _expectRevertSubmit(
            a, _sign(a), abi.encodeWithSelector(ICreditOracle.CreditOracleModelNotApproved.selector, unknown)
        );
    }

    function test_submit_revert_modelNotApproved_proposedOnly() public {
        bytes32 id = keccak256("candidate");
        _proposeOnly(id);
        ICreditOracle.ScoreAttestation memory a = buildAttestation(borrower, 3, id, 1);
        _expectRevertSubmit(
            a, _sign(a), abi.encodeWithSelector(ICreditOracle.CreditOracleModelNotApproved.selector, id)
        );
    }

    function test_submit_revert_modelNotApproved_retired() public {
        vm.prank(GOVERNANCE);
        registry.retireModel(DEFAULT_MODEL_ID);
        ICreditOracle.ScoreAttestation memory a = _att(1);
        _expectRevertSubmit(
            a, _sign(a), abi.encodeWithSelector(ICreditOracle.CreditOracleModelNotApproved.selector, DEFAULT_MODEL_ID)
        );
    }

    function test_submit_revert_staleAttestation() public {
        // The borrower holds an older, better attestation and a newer, worse one.
        ICreditOracle.ScoreAttestation memory older = buildAttestation(borrower, 5, 1);
        bytes memory olderSig = _sign(older);
        vm.warp(block.timestamp + 1 days);
        ICreditOracle.ScoreAttestation memory newer = buildAttestation(borrower, 1, 2);
        oracle.submitAttestation(newer, _sign(newer));

        _expectRevertSubmit(
            older,
            olderSig,
            abi.encodeWithSelector(ICreditOracle.CreditOracleStaleAttestation.selector, older.issuedAt, newer.issuedAt)
        );
        assertEq(oracle.tierOf(borrower), 1);
        assertFalse(oracle.isNonceUsed(borrower, 1));
    }

    /// @dev Checks run cheapest first; the first failing one names the error.
    function test_submit_checkOrder() public {
        ICreditOracle.ScoreAttestation memory a = _att(1);
        a.score = 1;
        a.tier = 0;
        a.borrower = address(0);
        bytes memory bad = signAttestation(oracle, a, NON_SCORER_PK);
        _expectRevertSubmit(
            a, bad, abi.encodeWithSelector(ICreditOracle.CreditOracleInvalidBorrower.selector, address(0))
        );
        a.borrower = borrower;
        _expectRevertSubmit(a, bad, abi.encodeWithSelector(ICreditOracle.CreditOracleInvalidScore.selector, 1));
        a.score = 500;
        _expectRevertSubmit(a, bad, abi.encodeWithSelector(ICreditOracle.CreditOracleInvalidTier.selector, 0));
        a.tier = 2;
        a.expiresAt = uint64(block.timestamp);
        _expectRevertSubmit(a, bad, abi.encodeWithSelector(ICreditOracle.CreditOracleExpired.selector, a.expiresAt));
        a.issuedAt = uint64(block.timestamp) + 5;
        _expectRevertSubmit(a, bad, abi.encodeWithSelector(ICreditOracle.CreditOracleNotYetValid.selector, a.issuedAt));
    }

    function _recover(bytes32 digest, bytes memory sig) internal pure returns (address) {
        bytes32 r;
        bytes32 s;
        uint8 v;
        assembly ("memory-safe") {
            r := mload(add(sig, 0x20))
            s := mload(add(sig, 0x40))
            v := byte(0, mload(add(sig, 0x60)))
        }
        return ecrecover(digest, v, r, s);
    }

    /* ================================================================ batch */

    function test_batch_revert_lengthMismatch() public {
        ICreditOracle.ScoreAttestation[] memory atts = new ICreditOracle.ScoreAttestation[](2);
        bytes[] memory sigs = new bytes[](1);
        vm.expectRevert(abi.encodeWithSelector(ICreditOracle.CreditOracleLengthMismatch.selector));
        oracle.submitAttestations(atts, sigs);
    }

    function test_batch_empty() public {
        assertEq(oracle.submitAttestations(new ICreditOracle.ScoreAttestation[](0), new bytes[](0)), 0);
    }

    function test_batch_mixedValidAndInvalid() public {
        address b1 = makeAddr("b1");
        address b2 = makeAddr("b2");
        address b3 = makeAddr("b3");
        address b4 = makeAddr("b4");
        ICreditOracle.ScoreAttestation[] memory atts = new ICreditOracle.ScoreAttestation[](5);
        bytes[] memory sigs = new bytes[](5);

        atts[0] = buildAttestation(b1, 2, 11);
        sigs[0] = _sign(atts[0]);
        atts[1] = buildAttestation(b2, 2, 12);
        atts[1].score = 900;
        sigs[1] = _sign(atts[1]);
        atts[2] = buildAttestation(b3, 2, 13);
        sigs[2] = signAttestation(oracle, atts[2], NON_SCORER_PK);
        atts[3] = buildAttestation(b4, 4, 14);
        sigs[3] = _sign(atts[3]);
        atts[4] = atts[0]; // duplicate in the same batch: second one sees the nonce consumed by the first
        sigs[4] = sigs[0];

        vm.expectEmit(true, true, true, true, address(oracle));
        emit ICreditOracle.AttestationAccepted(
            b1, DEFAULT_MODEL_ID, atts[0].score, 2, DEFAULT_FEATURE_COMMITMENT, atts[0].expiresAt, 11, scorer
        );
        vm.expectEmit(true, true, true, true, address(oracle));
        emit ICreditOracle.AttestationSkipped(b2, 12, ICreditOracle.CreditOracleInvalidScore.selector);
        vm.expectEmit(true, true, true, true, address(oracle));
        emit ICreditOracle.AttestationSkipped(b3, 13, ICreditOracle.CreditOracleUnknownSigner.selector);
        vm.expectEmit(true, true, true, true, address(oracle));
        emit ICreditOracle.AttestationAccepted(
            b4, DEFAULT_MODEL_ID, atts[3].score, 4, DEFAULT_FEATURE_COMMITMENT, atts[3].expiresAt, 14, scorer
        );
        vm.expectEmit(true, true, true, true, address(oracle));
        emit ICreditOracle.AttestationSkipped(b1, 11, ICreditOracle.CreditOracleNonceUsed.selector);

        vm.prank(stranger);
        uint256 accepted = oracle.submitAttestations(atts, sigs);

        assertEq(accepted, 2);
        assertEq(oracle.tierOf(b1), 2);
        assertEq(oracle.tierOf(b2), 0);
        assertEq(oracle.tierOf(b3), 0);
        assertEq(oracle.tierOf(b4), 4);
        assertFalse(oracle.isNonceUsed(b2, 12));
        assertFalse(oracle.isNonceUsed(b3, 13));
    }

    /// @dev One entry per rejection reason; every one is skipped with its own selector and nothing is stored.
    function test_batch_skipsEveryReasonWithItsSelector() public {
        // Prior state for NonceUsed and StaleAttestation.
        address used = makeAddr("used");
        attest(oracle, SCORER_PK, used, 3, 1);
        address staleB = makeAddr("stale");
        ICreditOracle.ScoreAttestation memory staleAtt = buildAttestation(staleB, 5, 1);
        bytes memory staleSig = _sign(staleAtt);
        vm.warp(block.timestamp + 1 hours);
        attest(oracle, SCORER_PK, staleB, 1, 2);

        ICreditOracle.ScoreAttestation[] memory atts = new ICreditOracle.ScoreAttestation[](9);
        bytes[] memory sigs = new bytes[](9);
        bytes4[] memory reasons = new bytes4[](9);

        atts[0] = buildAttestation(address(0), 3, 1);
        reasons[0] = ICreditOracle.CreditOracleInvalidBorrower.selector;
        atts[1] = buildAttestation(makeAddr("x1"), 3, 1);
        atts[1].score = 100;
        reasons[1] = ICreditOracle.CreditOracleInvalidScore.selector;
        atts[2] = buildAttestation(makeAddr("x2"), 9, 1);
        reasons[2] = ICreditOracle.CreditOracleInvalidTier.selector;
        atts[3] = buildAttestation(makeAddr("x3"), 3, 1);
        atts[3].issuedAt = uint64(block.timestamp + 1);
        reasons[3] = ICreditOracle.CreditOracleNotYetValid.selector;
        atts[4] = buildAttestation(makeAddr("x4"), 3, 1);
        atts[4].expiresAt = uint64(block.timestamp);
        reasons[4] = ICreditOracle.CreditOracleExpired.selector;
        atts[5] = buildAttestation(used, 3, 1);
        reasons[5] = ICreditOracle.CreditOracleNonceUsed.selector;
        atts[6] = buildAttestation(makeAddr("x6"), 3, 1);
        reasons[6] = ICreditOracle.CreditOracleUnknownSigner.selector;
        atts[7] = buildAttestation(makeAddr("x7"), 3, keccak256("nope"), 1);
        reasons[7] = ICreditOracle.CreditOracleModelNotApproved.selector;
        atts[8] = staleAtt;
        reasons[8] = ICreditOracle.CreditOracleStaleAttestation.selector;

        for (uint256 i; i < 9; ++i) {
            sigs[i] = i == 6 ? signAttestation(oracle, atts[i], NON_SCORER_PK) : _sign(atts[i]);
        }
        sigs[8] = staleSig;

        for (uint256 i; i < 9; ++i) {
            vm.expectEmit(true, true, true, true, address(oracle));
            emit ICreditOracle.AttestationSkipped(atts[i].borrower, atts[i].nonce, reasons[i]);
        }
        assertEq(oracle.submitAttestations(atts, sigs), 0);
        assertEq(oracle.tierOf(staleB), 1);
    }

    /// @dev The batch and the single path share one validator: whatever the single path rejects with error E,
    /// the batch skips with E's selector, and whatever it accepts, the batch accepts.
    function testFuzz_batch_agreesWithSinglePath(
        uint8 tier,
        uint16 score,
        uint32 issuedAgo,
        uint32 validFor,
        bool goodKey
    ) public {
        ICreditOracle.ScoreAttestation memory a = _att(77);
        a.tier = tier % 8;
        a.score = uint16(_bound(score, 250, 900));
        a.issuedAt = uint64(block.timestamp) - uint64(_bound(issuedAgo, 0, 2 days)) + 1 hours;
        a.expiresAt = a.issuedAt + uint64(validFor % 3 days);
        bytes memory sig = signAttestation(oracle, a, goodKey ? SCORER_PK : NON_SCORER_PK);

        uint256 snap = vm.snapshotState();
        bytes4 singleSelector;
        try oracle.submitAttestation(a, sig) {}
        catch (bytes memory err) {
            // forge-lint: disable-next-line(unsafe-typecast)
            singleSelector = bytes4(err);
        }
        vm.revertToState(snap);

        ICreditOracle.ScoreAttestation[] memory atts = new ICreditOracle.ScoreAttestation[](1);
        bytes[] memory sigs = new bytes[](1);
        atts[0] = a;
        sigs[0] = sig;
        if (singleSelector != bytes4(0)) {
            vm.expectEmit(true, true, true, true, address(oracle));
            emit ICreditOracle.AttestationSkipped(borrower, 77, singleSelector);
        }
        uint256 accepted = oracle.submitAttestations(atts, sigs);
        assertEq(accepted, singleSelector == bytes4(0) ? 1 : 0);
        assertEq(oracle.isNonceUsed(borrower, 77), accepted == 1);
    }

    function test_batch_staleWithinBatch() public {
        ICreditOracle.ScoreAttestation memory older = buildAttestation(borrower, 5, 1);
        vm.warp(block.timestamp + 1);
        ICreditOracle.ScoreAttestation memory newer = buildAttestation(borrower, 2, 2);
        ICreditOracle.ScoreAttestation[] memory atts = new ICreditOracle.ScoreAttestation[](2);
        bytes[] memory sigs = new bytes[](2);
        atts[0] = newer;
        sigs[0] = _sign(newer);
        atts[1] = older;
        sigs[1] = _sign(older);
        vm.expectEmit(true, true, true, true, address(oracle));
        emit ICreditOracle.AttestationSkipped(borrower, 1, ICreditOracle.CreditOracleStaleAttestation.selector);
        assertEq(oracle.submitAttestations(atts, sigs), 1);
        assertEq(oracle.tierOf(borrower), 2);
    }

    /* ================================================================ revoke */

    function test_revoke_byScorer() public {
        attest(oracle, SCORER_PK, borrower, 4, 1);
        vm.expectEmit(true, true, true, true, address(oracle));
        emit ICreditOracle.AttestationRevoked(borrower, scorer);
        vm.prank(scorer);
        oracle.revoke(borrower);
        _assertRevoked(borrower);
        assertEq(oracle.tierOf(borrower), Tiers.UNSCORED);
        assertTrue(oracle.isNonceUsed(borrower, 1), "revocation does not free the nonce");
    }

    function test_revoke_byGovernance() public {
        attest(oracle, SCORER_PK, borrower, 4, 1);
        vm.expectEmit(true, true, true, true, address(oracle));
        emit ICreditOracle.AttestationRevoked(borrower, GOVERNANCE);
        vm.prank(GOVERNANCE);
        oracle.revoke(borrower);
        _assertRevoked(borrower);
        assertEq(oracle.tierOf(borrower), Tiers.UNSCORED);
    }

    function test_revoke_withoutRecordLeavesTombstone() public {
        vm.expectEmit(true, true, true, true, address(oracle));
        emit ICreditOracle.AttestationRevoked(borrower, scorer);
        vm.prank(scorer);
        oracle.revoke(borrower);
        _assertRevoked(borrower);
    }

    function test_revoke_revert_notRevoker() public {
        attest(oracle, SCORER_PK, borrower, 4, 1);
        address[3] memory callers = [stranger, borrower, PROPOSER];
        for (uint256 i; i < callers.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(ICreditOracle.CreditOracleNotRevoker.selector, callers[i]));
            vm.prank(callers[i]);
            oracle.revoke(borrower);
        }
        assertEq(oracle.tierOf(borrower), 4);
    }

    function testFuzz_revoke_revert_notRevoker(address caller) public {
        vm.assume(caller != GOVERNANCE && caller != scorer);
        vm.expectRevert(abi.encodeWithSelector(ICreditOracle.CreditOracleNotRevoker.selector, caller));
        vm.prank(caller);
        oracle.revoke(borrower);
    }

    /// @dev Documents current behaviour (per spec, revoke deletes the record): the stale floor goes with the record,
    /// so an older attestation the borrower still holds, unexpired and with an unused nonce, is accepted again
    /// after a revocation. Scorers must therefore treat revocation as "until the next submission"; see the report.
    function test_revoke_invalidatesOutstandingAttestations() public {
        ICreditOracle.ScoreAttestation memory held = buildAttestation(borrower, 5, 1);
        bytes memory heldSig = _sign(held);
        vm.warp(block.timestamp + 1 hours);
        attest(oracle, SCORER_PK, borrower, 4, 2);
        vm.prank(scorer);
        oracle.revoke(borrower);
        uint64 revokedAt = uint64(block.timestamp);

        // An attestation the borrower still holds cannot undo the revocation...
        vm.expectRevert(abi.encodeWithSelector(ICreditOracle.CreditOracleStaleAttestation.selector, held.issuedAt, revokedAt));
        oracle.submitAttestation(held, heldSig);
        // ...nor can one issued in the revocation's own second...
        ICreditOracle.ScoreAttestation memory sameSecond = buildAttestation(borrower, 5, 3);
        bytes memory sameSecondSig = _sign(sameSecond);
        vm.expectRevert(abi.encodeWithSelector(ICreditOracle.CreditOracleStaleAttestation.selector, revokedAt, revokedAt));
        oracle.submitAttestation(sameSecond, sameSecondSig);
        assertEq(oracle.tierOf(borrower), Tiers.UNSCORED);

        // ...but a fresh one issued after it restores a tier.
        vm.warp(block.timestamp + 1);
        attest(oracle, SCORER_PK, borrower, 3, 4);
        assertEq(oracle.tierOf(borrower), 3);
    }

    /* ================================================================ tierOf fallbacks */

    function test_tierOf_absent() public view {
        assertEq(oracle.tierOf(borrower), Tiers.UNSCORED);
        _assertNoRecord(borrower);
    }

    function test_tierOf_expired() public {
        ICreditOracle.ScoreAttestation memory a = attest(oracle, SCORER_PK, borrower, 4, 1);
        vm.warp(a.expiresAt - 1);
        assertEq(oracle.tierOf(borrower), 4);
        vm.warp(a.expiresAt);
        assertEq(oracle.tierOf(borrower), Tiers.UNSCORED);
        vm.warp(a.expiresAt + 365 days);
        assertEq(oracle.tierOf(borrower), Tiers.UNSCORED);
        _assertRecord(borrower, a); // recordOf still answers, valid or not
    }

    function test_tierOf_modelRetiredAfterAcceptance() public {
        attest(oracle, SCORER_PK, borrower, 4, 1);
        assertEq(oracle.tierOf(borrower), 4);
        vm.prank(GOVERNANCE);
        registry.retireModel(DEFAULT_MODEL_ID);
        assertEq(oracle.tierOf(borrower), Tiers.UNSCORED);
        assertEq(oracle.recordOf(borrower).tier, 4);
    }

    function test_tierOf_revoked() public {
        attest(oracle, SCORER_PK, borrower, 4, 1);
        vm.prank(GOVERNANCE);
        oracle.revoke(borrower);
        assertEq(oracle.tierOf(borrower), Tiers.UNSCORED);
    }

    function test_tierOf_recoversWithNewAttestationFromNewModel() public {
        attest(oracle, SCORER_PK, borrower, 4, 1);
        bytes32 v2 = keccak256("creditlayer.model.xgb-v2");
        approveModel(registry, GOVERNANCE, v2);
        vm.prank(GOVERNANCE);
        registry.retireModel(DEFAULT_MODEL_ID);
        assertEq(oracle.tierOf(borrower), 0);

        ICreditOracle.ScoreAttestation memory a = buildAttestation(borrower, 2, v2, 2);
        oracle.submitAttestation(a, _sign(a));
        assertEq(oracle.tierOf(borrower), 2);
    }

    function testFuzz_tierOf_withinWindow(uint8 tier, uint32 elapsed) public {
        tier = uint8(_bound(tier, 1, Tiers.MAX));
        ICreditOracle.ScoreAttestation memory a = attest(oracle, SCORER_PK, borrower, tier, 1);
        vm.warp(block.timestamp + elapsed);
        // forge-lint: disable-next-line(block-timestamp)
        assertEq(oracle.tierOf(borrower), block.timestamp < a.expiresAt ? tier : Tiers.UNSCORED);
    }

    /* ================================================================ access control */

    function test_grantScorer_revert_notAdmin() public {
        bytes32 role = oracle.SCORER_ROLE();
        bytes32 admin = oracle.DEFAULT_ADMIN_ROLE();
        assertEq(oracle.getRoleAdmin(role), admin);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, scorer, admin));
        vm.prank(scorer);
        oracle.grantRole(role, stranger);

        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, admin)
        );
        vm.prank(stranger);
        oracle.grantRole(role, stranger);
    }

    function test_revokeScorer_revert_notAdmin() public {
        bytes32 role = oracle.SCORER_ROLE();
        bytes32 admin = oracle.DEFAULT_ADMIN_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, admin)
        );
        vm.prank(stranger);
        oracle.revokeRole(role, scorer);
    }

    function test_grantScorer_byGovernance() public {
        bytes32 role = oracle.SCORER_ROLE();
        vm.expectEmit(true, true, true, true, address(oracle));
        emit IAccessControl.RoleGranted(role, stranger, GOVERNANCE);
        vm.prank(GOVERNANCE);
        oracle.grantRole(role, stranger);
        assertTrue(oracle.hasRole(role, stranger));
    }

    /* ================================================================ gas */

    /// @dev Warm case: the borrower already has a record and the nonce word is non-zero. The oracle's and the
    /// registry's storage and accounts are cooled first (without vm.cool the setup's accesses would leave every slot
    /// warm and the figure would be ~14k), so each SLOAD is priced as in a fresh transaction. Measured: the oracle
    /// call frame (vm.lastCallGas), i.e. without the 21k intrinsic and calldata cost; the gasleft delta around the
    /// call, which also includes the caller's CALL overhead, must fit too.
    function test_gas_submitAttestation_warm() public {
        attest(oracle, SCORER_PK, borrower, 3, 1);
        vm.warp(block.timestamp + 1 days);
        ICreditOracle.ScoreAttestation memory a = buildAttestation(borrower, 4, 2);
        bytes memory sig = _sign(a);
        vm.cool(address(oracle));
        vm.cool(address(registry));

        // gasleft delta rather than vm.startSnapshotGas, which would write a snapshots/ file on every run.
        uint256 before = gasleft();
        oracle.submitAttestation(a, sig);
        uint256 delta = before - gasleft();
        uint256 frame = vm.lastCallGas().gasTotalUsed;

        emit log_named_uint("submitAttestation warm: call frame gas", frame);
        emit log_named_uint("submitAttestation warm: gasleft delta around the call", delta);
        assertLe(frame, 60_000);
        assertLe(delta, 60_000);
        assertEq(oracle.tierOf(borrower), 4);
    }

    /// @dev First attestation for a borrower (zero-to-non-zero writes), for reference only.
    function test_gas_submitAttestation_cold() public {
        ICreditOracle.ScoreAttestation memory a = buildAttestation(borrower, 4, 1);
        bytes memory sig = _sign(a);
        vm.cool(address(oracle));
        vm.cool(address(registry));
        oracle.submitAttestation(a, sig);
        emit log_named_uint("submitAttestation cold: call frame gas", vm.lastCallGas().gasTotalUsed);
    }

    /// @dev tierOf is on every pool borrow path; for reference.
    function test_gas_tierOf() public {
        attest(oracle, SCORER_PK, borrower, 4, 1);
        vm.cool(address(oracle));
        vm.cool(address(registry));
        assertEq(oracle.tierOf(borrower), 4);
        emit log_named_uint("tierOf: call frame gas", vm.lastCallGas().gasTotalUsed);
    }
}
