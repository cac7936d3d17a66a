// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {CreditOracle} from "../../contracts/CreditOracle.sol";
import {ModelRegistry} from "../../contracts/ModelRegistry.sol";
import {ICreditOracle} from "../../contracts/interfaces/ICreditOracle.sol";
import {Tiers} from "../../contracts/libraries/Tiers.sol";

import {AttestationSigning} from "../utils/AttestationSigning.sol";

/// @notice Fuzzed replay attempts: a scorer signature must only ever be accepted once, on this chain, by this
/// oracle, for the borrower and the exact fields it covers.
contract CreditOracleReplayTest is AttestationSigning {
    ModelRegistry internal registry;
    CreditOracle internal oracle;
    address internal borrower;
    uint256 internal homeChainId;

    function setUp() public {
        vm.warp(1_700_000_000);
        homeChainId = block.chainid;
        (registry, oracle) = deployOracleStack();
        borrower = makeAddr("borrower");
    }

    function _fuzzedAttestation(address who, uint8 tier, uint256 nonce, bytes32 commitment, uint32 validity)
        internal
        view
        returns (ICreditOracle.ScoreAttestation memory a)
    {
        a = buildAttestation(who, uint8(_bound(tier, 1, Tiers.MAX)), nonce);
        a.featureCommitment = commitment;
        a.expiresAt = a.issuedAt + uint64(_bound(validity, 1, 365 days));
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

    /// @dev What the oracle would name as signer for `sig` over `a` under its current domain.
    function _unknownSigner(CreditOracle o, ICreditOracle.ScoreAttestation memory a, bytes memory sig)
        internal
        view
        returns (bytes memory)
    {
        address recovered = _recover(o.hashAttestation(a), sig);
        assertTrue(recovered != vm.addr(SCORER_PK), "replayed signature recovered to the scorer");
        return abi.encodeWithSelector(ICreditOracle.CreditOracleUnknownSigner.selector, recovered);
    }

    function testFuzz_replay_otherChainId(
        uint64 otherChain,
        uint8 tier,
        uint256 nonce,
        bytes32 commitment,
        uint32 validity
    ) public {
        // Read from storage: under via-IR the optimizer treats chainid() as constant within a call and would re-read it
        // after vm.chainId below instead of keeping the value.
        uint256 home = homeChainId;
        otherChain = uint64(_bound(otherChain, 1, type(uint64).max - 1));
        vm.assume(otherChain != home);
        ICreditOracle.ScoreAttestation memory a = _fuzzedAttestation(borrower, tier, nonce, commitment, validity);
        bytes memory sig = signAttestation(oracle, a, SCORER_PK);

        // Same contract address, other chain (a fork, or the same deployer nonce elsewhere).
        vm.chainId(otherChain);
        vm.expectRevert(_unknownSigner(oracle, a, sig));
        oracle.submitAttestation(a, sig);

        // And the other way round: signed for the other chain, submitted at home.
        bytes memory foreignSig = signAttestation(oracle, a, SCORER_PK);
        vm.chainId(home);
        vm.expectRevert(_unknownSigner(oracle, a, foreignSig));
        oracle.submitAttestation(a, foreignSig);

        assertFalse(oracle.isNonceUsed(borrower, a.nonce));
        oracle.submitAttestation(a, sig); // the genuine signature still works on its own chain
        assertEq(oracle.tierOf(borrower), a.tier);
    }

    function testFuzz_replay_otherOracle(
        uint8 tier,
        uint256 nonce,
        bytes32 commitment,
        uint32 validity,
        bool sharedRegistry
    ) public {
        CreditOracle other;
        if (sharedRegistry) {
            other = new CreditOracle(registry, GOVERNANCE);
            bytes32 role = other.SCORER_ROLE();
            vm.prank(GOVERNANCE);
            other.grantRole(role, vm.addr(SCORER_PK));
        } else {
            (, other) = deployOracleStack();
        }
        ICreditOracle.ScoreAttestation memory a = _fuzzedAttestation(borrower, tier, nonce, commitment, validity);
        bytes memory sig = signAttestation(oracle, a, SCORER_PK);

        vm.expectRevert(_unknownSigner(other, a, sig));
        other.submitAttestation(a, sig);

        oracle.submitAttestation(a, sig);
        vm.expectRevert(_unknownSigner(other, a, sig));
        other.submitAttestation(a, sig);

        assertEq(other.tierOf(borrower), Tiers.UNSCORED);
        assertFalse(other.isNonceUsed(borrower, a.nonce));
        assertEq(oracle.tierOf(borrower), a.tier);
    }

    function testFuzz_replay_otherBorrower(
        address victim,
        uint8 tier,
        uint256 nonce,
        bytes32 commitment,
        uint32 validity
    ) public {
        vm.assume(victim != borrower && victim != address(0));
        ICreditOracle.ScoreAttestation memory a = _fuzzedAttestation(borrower, tier, nonce, commitment, validity);
        bytes memory sig = signAttestation(oracle, a, SCORER_PK);

        ICreditOracle.ScoreAttestation memory retargeted = a;
        retargeted.borrower = victim;
        // `retargeted` aliases `a` in memory, so the borrower field is flipped back below to submit the original.
        vm.expectRevert(_unknownSigner(oracle, retargeted, sig));
        oracle.submitAttestation(retargeted, sig);
        assertEq(oracle.tierOf(victim), Tiers.UNSCORED);
        assertFalse(oracle.isNonceUsed(victim, nonce));

        // Also after the genuine one was accepted.
        retargeted.borrower = borrower;
        oracle.submitAttestation(retargeted, sig);
        retargeted.borrower = victim;
        vm.expectRevert(_unknownSigner(oracle, retargeted, sig));
        oracle.submitAttestation(retargeted, sig);
        assertEq(oracle.tierOf(victim), Tiers.UNSCORED);
    }

    function testFuzz_replay_sameNonceTwice(uint8 tier, uint8 laterTier, uint256 nonce, uint32 later) public {
        ICreditOracle.ScoreAttestation memory a = _fuzzedAttestation(borrower, tier, nonce, bytes32(0), 30 days);
        bytes memory sig = signAttestation(oracle, a, SCORER_PK);
        oracle.submitAttestation(a, sig);

        bytes memory err = abi.encodeWithSelector(ICreditOracle.CreditOracleNonceUsed.selector, borrower, nonce);
        vm.expectRevert(err);
        oracle.submitAttestation(a, sig);

        // Even a newer, genuinely signed attestation cannot reuse the nonce.
        vm.warp(block.timestamp + _bound(later, 0, 29 days));
        ICreditOracle.ScoreAttestation memory b =
            _fuzzedAttestation(borrower, laterTier, nonce, keccak256("new features"), 30 days);
        bytes memory sigB = signAttestation(oracle, b, SCORER_PK);
        vm.expectRevert(err);
        oracle.submitAttestation(b, sigB);

        // And neither can the batch path.
        ICreditOracle.ScoreAttestation[] memory atts = new ICreditOracle.ScoreAttestation[](2);
        bytes[] memory sigs = new bytes[](2);
        (atts[0], sigs[0]) = (a, sig);
        (atts[1], sigs[1]) = (b, sigB);
        assertEq(oracle.submitAttestations(atts, sigs), 0);
        assertEq(oracle.recordOf(borrower).tier, a.tier);
    }

    /// @dev Changing any signed field after signing breaks the signature.
    function testFuzz_replay_tamperedField(uint8 field, uint256 value, uint256 nonce) public {
        ICreditOracle.ScoreAttestation memory a = buildAttestation(borrower, 2, nonce);
        bytes memory sig = signAttestation(oracle, a, SCORER_PK);
        field = field % 7;
        if (field == 0) a.score = uint16(_bound(value, 300, 850));
        if (field == 1) a.tier = uint8(_bound(value, 1, Tiers.MAX));
        if (field == 2) a.expiresAt = uint64(_bound(value, block.timestamp + 1, type(uint64).max));
        if (field == 3) a.issuedAt = uint64(_bound(value, 0, block.timestamp));
        if (field == 4) a.nonce = value;
        if (field == 5) a.featureCommitment = bytes32(value);
        if (field == 6) a.modelId = bytes32(value);
        vm.assume(keccak256(abi.encode(a)) != keccak256(abi.encode(buildAttestation(borrower, 2, nonce))));

        vm.expectRevert(_unknownSigner(oracle, a, sig));
        oracle.submitAttestation(a, sig);
        assertEq(oracle.tierOf(borrower), Tiers.UNSCORED);
    }
}
