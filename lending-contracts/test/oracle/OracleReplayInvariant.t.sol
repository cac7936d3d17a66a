// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {StdInvariant} from "forge-std/StdInvariant.sol";
import {Vm} from "forge-std/Vm.sol";

import {CreditOracle} from "../../contracts/CreditOracle.sol";
import {ModelRegistry} from "../../contracts/ModelRegistry.sol";
import {ICreditOracle} from "../../contracts/interfaces/ICreditOracle.sol";
import {Tiers} from "../../contracts/libraries/Tiers.sol";

import {AttestationSigning} from "../utils/AttestationSigning.sol";

/// @notice Drives the oracle with genuine, replayed, re-targeted, tampered, cross-chain and cross-oracle
/// submissions. Ghost state records what the handler actually signed, independently of the oracle, so the
/// invariants can check every stored record against it.
contract OracleReplayHandler is AttestationSigning {
    struct Issued {
        ICreditOracle.ScoreAttestation att; // exactly what was signed
        bytes sig;
        uint256 pk;
        uint256 chainId; // chain of the signing domain
        address domain; // oracle of the signing domain
    }

    /// @dev Provenance of the submission that produced a borrower's current record.
    struct Accepted {
        bool exists;
        ICreditOracle.ScoreAttestation signed; // what the key signed
        ICreditOracle.ScoreAttestation submitted; // what was submitted
        uint256 pk;
        uint256 signChainId;
        address signDomain;
        uint256 submitChainId;
        bool nonceFreshBefore; // per the ghost bitmap, before this acceptance
    }

    uint256 internal constant FOREIGN_CHAIN = 8453;
    bytes32 internal constant UNAPPROVED_MODEL = keccak256("candidate-model");

    CreditOracle public immutable oracle;
    CreditOracle public immutable otherOracle;
    uint256 public immutable homeChainId;

    address[] internal _actors;
    uint256[3] internal _keys = [SCORER_PK, SECOND_SCORER_PK, NON_SCORER_PK];
    Issued[] internal _issued;

    mapping(address borrower => Accepted) internal _accepted;
    mapping(address borrower => mapping(uint256 nonce => bool)) public ghostNonceUsed;
    address[] internal _touchedBorrowers;
    uint256[] internal _touchedNonces;

    /// @dev Acceptances that break provenance: must stay zero.
    uint256 public ghostForeignAccepted;
    /// @dev Acceptances that lowered the stored issuedAt: must stay zero.
    uint256 public ghostStaleAccepted;
    /// @dev Acceptances of an attestation issued at or before the borrower's last revocation: must stay zero.
    uint256 public ghostRevokedResurrected;
    mapping(address borrower => uint256) internal _revokedAt;

    mapping(bytes32 action => uint256) public calls;
    uint256 public ghostAcceptedCount;
    uint256 public ghostRejectedCount;

    constructor(CreditOracle oracle_, CreditOracle otherOracle_, address[] memory actors_) {
        oracle = oracle_;
        otherOracle = otherOracle_;
        homeChainId = block.chainid;
        _actors = actors_;
    }

    /* ---------------------------------------------------------------- actions */

    /// @notice Adversarial issuance: may be signed by a non-scorer, for another oracle or chain, for an unapproved
    /// model, or back-dated up to two days (stale against a newer record); optionally submitted at once.
    function issue(
        uint256 actorSeed,
        uint256 tierSeed,
        uint256 nonceSeed,
        uint256 keySeed,
        uint256 domainSeed,
        uint256 timeSeed,
        bool submitNow
    ) external {
        calls["issue"]++;
        ICreditOracle.ScoreAttestation memory a = _build(actorSeed, tierSeed, nonceSeed, timeSeed, 2 days);
        if (domainSeed % 4 == 0) a.modelId = UNAPPROVED_MODEL;
        // 0..2: home domain, 3: the other oracle, 4: this oracle on a foreign chain.
        uint256 d = (domainSeed >> 8) % 5;
        _sign(
            a,
            _keys[keySeed % _keys.length],
            d == 3 ? address(otherOracle) : address(oracle),
            d == 4 ? FOREIGN_CHAIN : homeChainId,
            submitNow
        );
    }

    /// @notice Genuine traffic: a scorer signs a fresh attestation for this oracle on this chain, submitted at once.
    function issueGenuine(uint256 actorSeed, uint256 tierSeed, uint256 nonceSeed, uint256 timeSeed, bool secondKey)
        external
    {
        calls["issueGenuine"]++;
        ICreditOracle.ScoreAttestation memory a = _build(actorSeed, tierSeed, nonceSeed, timeSeed, 5 minutes);
        _sign(a, secondKey ? SECOND_SCORER_PK : SCORER_PK, address(oracle), homeChainId, true);
    }

    function _build(uint256 actorSeed, uint256 tierSeed, uint256 nonceSeed, uint256 timeSeed, uint256 maxBackdate)
        internal
        view
        returns (ICreditOracle.ScoreAttestation memory a)
    {
        // Nonces in 0..511: collisions happen, and two bitmap words are in play.
        a = buildAttestation(_actor(actorSeed), uint8(_bound(tierSeed, 1, Tiers.MAX)), _bound(nonceSeed, 0, 511));
        a.issuedAt = uint64(block.timestamp - _bound(timeSeed, 0, maxBackdate));
        a.expiresAt = a.issuedAt + uint64(_bound(timeSeed >> 64, 1 hours, 10 days));
    }

    function _sign(ICreditOracle.ScoreAttestation memory a, uint256 pk, address domain, uint256 chainId, bool submitNow)
        internal
    {
        vm.chainId(chainId);
        bytes memory sig = signAttestation(CreditOracle(domain), a, pk);
        vm.chainId(homeChainId);
        _issued.push(Issued({att: a, sig: sig, pk: pk, chainId: chainId, domain: domain}));
        if (submitNow) _submit(_issued.length - 1, a, homeChainId);
    }

    /// @notice Submits a previously issued attestation as signed: a replay if it was submitted before.
    function replay(uint256 indexSeed) external {
        if (_issued.length == 0) return;
        calls["replay"]++;
        uint256 i = indexSeed % _issued.length;
        _submit(i, _issued[i].att, homeChainId);
    }

    /// @notice Submits an issued signature for another borrower.
    function retarget(uint256 indexSeed, uint256 actorSeed) external {
        if (_issued.length == 0) return;
        calls["retarget"]++;
        uint256 i = indexSeed % _issued.length;
        ICreditOracle.ScoreAttestation memory a = _issued[i].att;
        a.borrower = _actor(actorSeed);
        _submit(i, a, homeChainId);
    }

    /// @notice Submits an issued signature with one field changed to another valid-looking value.
    function tamper(uint256 indexSeed, uint256 fieldSeed, uint256 value) external {
        if (_issued.length == 0) return;
        calls["tamper"]++;
        uint256 i = indexSeed % _issued.length;
        ICreditOracle.ScoreAttestation memory a = _issued[i].att;
        uint256 field = fieldSeed % 7;
        if (field == 0) a.score = uint16(_bound(value, 300, 850));
        if (field == 1) a.tier = uint8(_bound(value, 1, Tiers.MAX));
        if (field == 2) a.expiresAt = uint64(_bound(value, block.timestamp + 1, block.timestamp + 30 days));
        if (field == 3) a.issuedAt = uint64(_bound(value, block.timestamp - 3 days, block.timestamp));
        if (field == 4) a.nonce = _bound(value, 0, 511);
        if (field == 5) a.featureCommitment = bytes32(value);
        if (field == 6) a.modelId = value % 2 == 0 ? DEFAULT_MODEL_ID : UNAPPROVED_MODEL;
        _submit(i, a, homeChainId);
    }

    /// @notice Submits an issued signature while the chain id is switched (a fork).
    function submitOnOtherChain(uint256 indexSeed, bool foreign) external {
        if (_issued.length == 0) return;
        calls["submitOnOtherChain"]++;
        uint256 i = indexSeed % _issued.length;
        uint256 chainId = foreign ? FOREIGN_CHAIN : homeChainId + 1;
        vm.chainId(chainId);
        _submit(i, _issued[i].att, chainId);
        vm.chainId(homeChainId);
    }

    /// @notice Relayer batch of three issued signatures, each possibly re-targeted.
    function submitBatch(uint256 seedA, uint256 seedB, uint256 seedC, uint256 retargetMask) external {
        if (_issued.length == 0) return;
        calls["submitBatch"]++;
        uint256[3] memory idx = [seedA % _issued.length, seedB % _issued.length, seedC % _issued.length];
        ICreditOracle.ScoreAttestation[] memory atts = new ICreditOracle.ScoreAttestation[](3);
        bytes[] memory sigs = new bytes[](3);
        for (uint256 k; k < 3; ++k) {
            atts[k] = _issued[idx[k]].att;
            if ((retargetMask >> k) & 1 == 1) atts[k].borrower = _actor(retargetMask >> (8 + k * 8));
            sigs[k] = _issued[idx[k]].sig;
        }

        vm.recordLogs();
        uint256 acceptedCount = oracle.submitAttestations(atts, sigs);
        Vm.Log[] memory logs = vm.getRecordedLogs();

        // Every entry emits exactly one Accepted or Skipped event, in entry order.
        uint256 k;
        uint256 seen;
        for (uint256 j; j < logs.length; ++j) {
            if (logs[j].emitter != address(oracle)) continue;
            bytes32 topic = logs[j].topics[0];
            if (topic == ICreditOracle.AttestationAccepted.selector) {
                _onAccepted(idx[k], atts[k], homeChainId);
                ++seen;
                ++k;
            } else if (topic == ICreditOracle.AttestationSkipped.selector) {
                ghostRejectedCount++;
                ++k;
            }
        }
        assertEq(k, 3, "one event per batch entry");
        assertEq(seen, acceptedCount, "accepted count");
    }

    function warp(uint256 secondsSeed) external {
        calls["warp"]++;
        vm.warp(block.timestamp + _bound(secondsSeed, 0, 3 days));
    }

    function revoke(uint256 actorSeed, bool byGovernance) external {
        calls["revoke"]++;
        address who = _actor(actorSeed);
        vm.prank(byGovernance ? GOVERNANCE : vm.addr(SCORER_PK));
        oracle.revoke(who);
        delete _accepted[who];
        _revokedAt[who] = block.timestamp;
    }

    /* ---------------------------------------------------------------- ghost bookkeeping */

    function _submit(uint256 i, ICreditOracle.ScoreAttestation memory a, uint256 submitChainId) internal {
        _touch(a.borrower, a.nonce);
        try oracle.submitAttestation(a, _issued[i].sig) {
            _onAccepted(i, a, submitChainId);
        } catch {
            ghostRejectedCount++;
        }
    }

    function _onAccepted(uint256 i, ICreditOracle.ScoreAttestation memory submitted, uint256 submitChainId) internal {
        Issued storage iss = _issued[i];
        address who = submitted.borrower;
        bool fresh = !ghostNonceUsed[who][submitted.nonce];
        Accepted storage prev = _accepted[who];

        bool foreign = keccak256(abi.encode(submitted)) != keccak256(abi.encode(iss.att))
            || iss.domain != address(oracle) || iss.chainId != submitChainId || !fresh
            || !oracle.hasRole(oracle.SCORER_ROLE(), vm.addr(iss.pk)) || iss.att.modelId != DEFAULT_MODEL_ID;
        if (foreign) ghostForeignAccepted++;
        if (prev.exists && submitted.issuedAt < prev.submitted.issuedAt) ghostStaleAccepted++;
        if (_revokedAt[who] != 0 && submitted.issuedAt <= _revokedAt[who]) ghostRevokedResurrected++;

        _accepted[who] = Accepted({
            exists: true,
            signed: iss.att,
            submitted: submitted,
            pk: iss.pk,
            signChainId: iss.chainId,
            signDomain: iss.domain,
            submitChainId: submitChainId,
            nonceFreshBefore: fresh
        });
        ghostNonceUsed[who][submitted.nonce] = true;
        _touch(who, submitted.nonce);
        ghostAcceptedCount++;
    }

    function _touch(address who, uint256 nonce) internal {
        _touchedBorrowers.push(who);
        _touchedNonces.push(nonce);
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % _actors.length];
    }

    /* ---------------------------------------------------------------- views for the invariants */

    function accepted(address who) external view returns (Accepted memory) {
        return _accepted[who];
    }

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function touched() external view returns (address[] memory, uint256[] memory) {
        return (_touchedBorrowers, _touchedNonces);
    }
}

contract OracleReplayInvariantTest is AttestationSigning {
    ModelRegistry internal registry;
    CreditOracle internal oracle;
    CreditOracle internal otherOracle;
    OracleReplayHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        (registry, oracle) = deployOracleStack();
        otherOracle = new CreditOracle(registry, GOVERNANCE);
        vm.startPrank(GOVERNANCE);
        oracle.grantRole(oracle.SCORER_ROLE(), vm.addr(SECOND_SCORER_PK));
        otherOracle.grantRole(otherOracle.SCORER_ROLE(), vm.addr(SCORER_PK));
        otherOracle.grantRole(otherOracle.SCORER_ROLE(), vm.addr(SECOND_SCORER_PK));
        vm.stopPrank();
        vm.prank(PROPOSER);
        registry.proposeModel(keccak256("candidate-model"), keccak256("a"), keccak256("s"));

        address[] memory actors = new address[](4);
        actors[0] = makeAddr("alice");
        actors[1] = makeAddr("bob");
        actors[2] = makeAddr("carol");
        actors[3] = makeAddr("dave");
        handler = new OracleReplayHandler(oracle, otherOracle, actors);

        bytes4[] memory selectors = new bytes4[](9);
        selectors[0] = OracleReplayHandler.issue.selector;
        selectors[8] = OracleReplayHandler.issueGenuine.selector;
        selectors[1] = OracleReplayHandler.replay.selector;
        selectors[2] = OracleReplayHandler.retarget.selector;
        selectors[3] = OracleReplayHandler.tamper.selector;
        selectors[4] = OracleReplayHandler.submitOnOtherChain.selector;
        selectors[5] = OracleReplayHandler.submitBatch.selector;
        selectors[6] = OracleReplayHandler.warp.selector;
        selectors[7] = OracleReplayHandler.revoke.selector;
        targetSelector(StdInvariant.FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// @notice Every stored record was signed by a scorer, under this oracle's domain on the chain it was submitted
    /// on, over exactly that borrower and exactly the stored fields, with a nonce unused before.
    function invariant_everyRecordIsScorerSignedForThatBorrowerWithFreshNonce() public view {
        address[] memory actors = handler.actors();
        for (uint256 i; i < actors.length; ++i) {
            address who = actors[i];
            ICreditOracle.CreditRecord memory r = oracle.recordOf(who);
            OracleReplayHandler.Accepted memory g = handler.accepted(who);
            if (r.expiresAt == 0) {
                assertFalse(g.exists, "ghost acceptance without a record");
                continue;
            }
            assertTrue(g.exists, "record without a ghost acceptance");
            assertEq(g.signed.borrower, who, "signed for another borrower");
            assertTrue(oracle.hasRole(oracle.SCORER_ROLE(), vm.addr(g.pk)), "signer is not a scorer");
            assertEq(g.signDomain, address(oracle), "signed for another oracle");
            assertEq(g.signChainId, g.submitChainId, "signed for another chain");
            assertTrue(g.nonceFreshBefore, "nonce was already used");
            assertTrue(oracle.isNonceUsed(who, g.signed.nonce), "nonce not consumed");
            assertEq(r.score, g.signed.score);
            assertEq(r.tier, g.signed.tier);
            assertEq(r.issuedAt, g.signed.issuedAt);
            assertEq(r.expiresAt, g.signed.expiresAt);
            assertEq(r.modelId, g.signed.modelId);
        }
    }

    /// @notice No submission that differs from what was signed, or was signed for another domain, by a non-scorer,
    /// for an unapproved model or with a used nonce, was ever accepted; nor one older than the stored record.
    function invariant_noForeignOrStaleAcceptance() public view {
        assertEq(handler.ghostForeignAccepted(), 0, "foreign acceptance");
        assertEq(handler.ghostStaleAccepted(), 0, "stale acceptance");
        assertEq(handler.ghostRevokedResurrected(), 0, "revocation undone by an older attestation");
    }

    /// @notice The oracle's nonce bitmap matches the ghost exactly on every (borrower, nonce) the handler touched.
    function invariant_nonceBitmapMatchesGhost() public view {
        (address[] memory who, uint256[] memory nonces) = handler.touched();
        for (uint256 i; i < who.length; ++i) {
            assertEq(oracle.isNonceUsed(who[i], nonces[i]), handler.ghostNonceUsed(who[i], nonces[i]), "nonce bitmap");
        }
    }

    /// @notice tierOf answers the stored tier exactly while the record is live, else UNSCORED; the second oracle
    /// never holds anything.
    function invariant_tierOfMatchesRecord() public view {
        address[] memory actors = handler.actors();
        for (uint256 i; i < actors.length; ++i) {
            ICreditOracle.CreditRecord memory r = oracle.recordOf(actors[i]);
            // forge-lint: disable-next-line(block-timestamp)
            uint8 expected = block.timestamp < r.expiresAt ? r.tier : Tiers.UNSCORED;
            assertEq(oracle.tierOf(actors[i]), expected, "tierOf");
            assertEq(otherOracle.tierOf(actors[i]), Tiers.UNSCORED, "other oracle");
            assertEq(otherOracle.recordOf(actors[i]).expiresAt, 0, "other oracle record");
        }
    }

    function afterInvariant() external view {
        // The campaign is meaningful only if both outcomes occurred.
        assertGt(handler.ghostRejectedCount() + handler.ghostAcceptedCount(), 0, "nothing submitted");
    }
}
