// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

import {ModelRegistry} from "../contracts/ModelRegistry.sol";
import {IModelRegistry} from "../contracts/interfaces/IModelRegistry.sol";

contract ModelRegistryTest is Test {
    ModelRegistry internal registry;

    address internal governance = makeAddr("governance");
    address internal proposer = makeAddr("proposer");
    address internal auditor = makeAddr("auditor");
    address internal stranger = makeAddr("stranger");

    bytes32 internal constant ID = keccak256("model-1");
    bytes32 internal constant ARTIFACT = keccak256("artifact-1");
    bytes32 internal constant SCHEMA = keccak256("schema-1");
    bytes32 internal constant REPORT = keccak256("report-1");

    bytes32 internal PROPOSER_ROLE;
    bytes32 internal AUDITOR_ROLE;
    bytes32 internal constant ADMIN = 0x00;

    function setUp() public {
        registry = new ModelRegistry(governance);
        PROPOSER_ROLE = registry.PROPOSER_ROLE();
        AUDITOR_ROLE = registry.AUDITOR_ROLE();
        vm.startPrank(governance);
        registry.grantRole(PROPOSER_ROLE, proposer);
        registry.grantRole(AUDITOR_ROLE, auditor);
        vm.stopPrank();
    }

    /* ================================================================ helpers */

    function _propose(bytes32 id) internal {
        vm.prank(proposer);
        registry.proposeModel(id, ARTIFACT, SCHEMA);
    }

    function _report(bytes32 id, bool passed) internal {
        vm.prank(auditor);
        registry.recordFairnessReport(id, REPORT, passed);
    }

    function _approve(bytes32 id) internal {
        vm.prank(governance);
        registry.approveModel(id);
    }

    function _retire(bytes32 id) internal {
        vm.prank(governance);
        registry.retireModel(id);
    }

    function _approved(bytes32 id) internal {
        _propose(id);
        _report(id, true);
        _approve(id);
    }

    function _unauthorized(address account, bytes32 role) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, account, role);
    }

    function _invalidStatus(bytes32 id, IModelRegistry.ModelStatus status) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IModelRegistry.ModelRegistryInvalidStatus.selector, id, status);
    }

    function _unknown(bytes32 id) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IModelRegistry.ModelRegistryUnknownModel.selector, id);
    }

    function _status(bytes32 id) internal view returns (IModelRegistry.ModelStatus) {
        return registry.getModel(id).status;
    }

    /* ================================================================ constructor and roles */

    function test_constructor() public view {
        assertTrue(registry.hasRole(ADMIN, governance));
        assertFalse(registry.hasRole(ADMIN, address(this)));
        assertEq(PROPOSER_ROLE, keccak256("PROPOSER_ROLE"));
        assertEq(AUDITOR_ROLE, keccak256("AUDITOR_ROLE"));
        assertEq(registry.getRoleAdmin(PROPOSER_ROLE), ADMIN);
        assertEq(registry.getRoleAdmin(AUDITOR_ROLE), ADMIN);
    }

    function test_constructor_revert_zeroGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryZeroAddress.selector));
        new ModelRegistry(address(0));
    }

    function test_grantRole_revert_notAdmin() public {
        vm.expectRevert(_unauthorized(proposer, ADMIN));
        vm.prank(proposer);
        registry.grantRole(PROPOSER_ROLE, stranger);

        vm.expectRevert(_unauthorized(auditor, ADMIN));
        vm.prank(auditor);
        registry.grantRole(AUDITOR_ROLE, auditor);
    }

    function test_getModel_unknownIsZero() public view {
        IModelRegistry.Model memory m = registry.getModel(ID);
        assertEq(m.artifactHash, bytes32(0));
        assertEq(m.featureSchemaHash, bytes32(0));
        assertEq(m.fairnessReportHash, bytes32(0));
        assertFalse(m.fairnessPassed);
        assertEq(uint8(m.status), uint8(IModelRegistry.ModelStatus.None));
        assertFalse(registry.isApproved(ID));
    }

    /* ================================================================ proposeModel */

    function test_propose() public {
        vm.expectEmit(true, true, true, true, address(registry));
        emit IModelRegistry.ModelProposed(ID, ARTIFACT, SCHEMA, proposer);
        _propose(ID);

        IModelRegistry.Model memory m = registry.getModel(ID);
        assertEq(m.artifactHash, ARTIFACT);
        assertEq(m.featureSchemaHash, SCHEMA);
        assertEq(m.fairnessReportHash, bytes32(0));
        assertFalse(m.fairnessPassed);
        assertEq(uint8(m.status), uint8(IModelRegistry.ModelStatus.Proposed));
        assertFalse(registry.isApproved(ID));
    }

    function test_propose_revert_notProposer() public {
        address[3] memory callers = [stranger, auditor, governance];
        for (uint256 i; i < callers.length; ++i) {
            vm.expectRevert(_unauthorized(callers[i], PROPOSER_ROLE));
            vm.prank(callers[i]);
            registry.proposeModel(ID, ARTIFACT, SCHEMA);
        }
    }

    function test_propose_revert_zeroHashes() public {
        bytes memory err = abi.encodeWithSelector(IModelRegistry.ModelRegistryZeroHash.selector);
        vm.startPrank(proposer);
        vm.expectRevert(err);
        registry.proposeModel(bytes32(0), ARTIFACT, SCHEMA);
        vm.expectRevert(err);
        registry.proposeModel(ID, bytes32(0), SCHEMA);
        vm.expectRevert(err);
        registry.proposeModel(ID, ARTIFACT, bytes32(0));
        vm.stopPrank();
    }

    function test_propose_revert_exists() public {
        _propose(ID);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryModelExists.selector, ID));
        vm.prank(proposer);
        registry.proposeModel(ID, keccak256("other"), SCHEMA);
    }

    /// @dev A retired id stays taken, so an id can never be re-pointed at another artifact.
    function test_propose_revert_existsAfterRetire() public {
        _approved(ID);
        _retire(ID);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryModelExists.selector, ID));
        vm.prank(proposer);
        registry.proposeModel(ID, ARTIFACT, SCHEMA);
    }

    /* ================================================================ recordFairnessReport */

    function test_recordFairnessReport() public {
        _propose(ID);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IModelRegistry.FairnessReportRecorded(ID, REPORT, true);
        _report(ID, true);
        IModelRegistry.Model memory m = registry.getModel(ID);
        assertEq(m.fairnessReportHash, REPORT);
        assertTrue(m.fairnessPassed);
        assertEq(uint8(m.status), uint8(IModelRegistry.ModelStatus.Proposed));
        assertFalse(registry.isApproved(ID));
    }

    function test_recordFairnessReport_reRecordWhileProposed() public {
        _propose(ID);
        _report(ID, true);
        bytes32 rerun = keccak256("report-rerun");
        vm.expectEmit(true, true, true, true, address(registry));
        emit IModelRegistry.FairnessReportRecorded(ID, rerun, false);
        vm.prank(auditor);
        registry.recordFairnessReport(ID, rerun, false);
        IModelRegistry.Model memory m = registry.getModel(ID);
        assertEq(m.fairnessReportHash, rerun);
        assertFalse(m.fairnessPassed);

        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryFairnessNotPassed.selector, ID));
        _approve(ID);
    }

    function test_recordFairnessReport_revert_notAuditor() public {
        _propose(ID);
        address[3] memory callers = [stranger, proposer, governance];
        for (uint256 i; i < callers.length; ++i) {
            vm.expectRevert(_unauthorized(callers[i], AUDITOR_ROLE));
            vm.prank(callers[i]);
            registry.recordFairnessReport(ID, REPORT, true);
        }
    }

    function test_recordFairnessReport_revert_zeroHash() public {
        _propose(ID);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryZeroHash.selector));
        vm.prank(auditor);
        registry.recordFairnessReport(ID, bytes32(0), true);
    }

    function test_recordFairnessReport_revert_unknown() public {
        vm.expectRevert(_unknown(ID));
        vm.prank(auditor);
        registry.recordFairnessReport(ID, REPORT, true);
    }

    function test_recordFairnessReport_revert_approved() public {
        _approved(ID);
        vm.expectRevert(_invalidStatus(ID, IModelRegistry.ModelStatus.Approved));
        vm.prank(auditor);
        registry.recordFairnessReport(ID, keccak256("late"), false);
        assertTrue(registry.getModel(ID).fairnessPassed);
    }

    function test_recordFairnessReport_revert_retired() public {
        _propose(ID);
        _retire(ID);
        vm.expectRevert(_invalidStatus(ID, IModelRegistry.ModelStatus.Retired));
        vm.prank(auditor);
        registry.recordFairnessReport(ID, REPORT, true);
    }

    /* ================================================================ approveModel */

    function test_approve() public {
        _propose(ID);
        _report(ID, true);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IModelRegistry.ModelApproved(ID, REPORT);
        _approve(ID);
        assertTrue(registry.isApproved(ID));
        assertEq(uint8(_status(ID)), uint8(IModelRegistry.ModelStatus.Approved));
    }

    function test_approve_revert_notAdmin() public {
        _propose(ID);
        _report(ID, true);
        address[3] memory callers = [stranger, proposer, auditor];
        for (uint256 i; i < callers.length; ++i) {
            vm.expectRevert(_unauthorized(callers[i], ADMIN));
            vm.prank(callers[i]);
            registry.approveModel(ID);
        }
    }

    function test_approve_revert_unknown() public {
        vm.expectRevert(_unknown(ID));
        _approve(ID);
    }

    function test_approve_revert_noReport() public {
        _propose(ID);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryFairnessNotPassed.selector, ID));
        _approve(ID);
    }

    function test_approve_revert_reportFailed() public {
        _propose(ID);
        _report(ID, false);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryFairnessNotPassed.selector, ID));
        _approve(ID);
        assertFalse(registry.isApproved(ID));
    }

    function test_approve_revert_alreadyApproved() public {
        _approved(ID);
        vm.expectRevert(_invalidStatus(ID, IModelRegistry.ModelStatus.Approved));
        _approve(ID);
    }

    function test_approve_revert_retired() public {
        _propose(ID);
        _report(ID, true);
        _retire(ID);
        vm.expectRevert(_invalidStatus(ID, IModelRegistry.ModelStatus.Retired));
        _approve(ID);
    }

    /* ================================================================ retireModel */

    function test_retire_fromApproved() public {
        _approved(ID);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IModelRegistry.ModelRetired(ID);
        _retire(ID);
        assertFalse(registry.isApproved(ID));
        IModelRegistry.Model memory m = registry.getModel(ID);
        assertEq(uint8(m.status), uint8(IModelRegistry.ModelStatus.Retired));
        // History is kept.
        assertEq(m.artifactHash, ARTIFACT);
        assertEq(m.fairnessReportHash, REPORT);
        assertTrue(m.fairnessPassed);
    }

    function test_retire_fromProposed() public {
        _propose(ID);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IModelRegistry.ModelRetired(ID);
        _retire(ID);
        assertEq(uint8(_status(ID)), uint8(IModelRegistry.ModelStatus.Retired));
    }

    function test_retire_revert_notAdmin() public {
        _approved(ID);
        address[3] memory callers = [stranger, proposer, auditor];
        for (uint256 i; i < callers.length; ++i) {
            vm.expectRevert(_unauthorized(callers[i], ADMIN));
            vm.prank(callers[i]);
            registry.retireModel(ID);
        }
        assertTrue(registry.isApproved(ID));
    }

    function test_retire_revert_unknown() public {
        vm.expectRevert(_unknown(ID));
        _retire(ID);
    }

    function test_retire_revert_alreadyRetired() public {
        _approved(ID);
        _retire(ID);
        vm.expectRevert(_invalidStatus(ID, IModelRegistry.ModelStatus.Retired));
        _retire(ID);
    }

    /* ================================================================ fuzz */

    function testFuzz_lifecycle(bytes32 id, bytes32 artifact, bytes32 schema, bytes32 report, bool passed) public {
        vm.assume(id != 0 && artifact != 0 && schema != 0 && report != 0);
        vm.prank(proposer);
        registry.proposeModel(id, artifact, schema);
        vm.prank(auditor);
        registry.recordFairnessReport(id, report, passed);
        if (!passed) {
            vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelRegistryFairnessNotPassed.selector, id));
        }
        _approve(id);
        assertEq(registry.isApproved(id), passed);
        _retire(id);
        assertFalse(registry.isApproved(id));
        IModelRegistry.Model memory m = registry.getModel(id);
        assertEq(m.artifactHash, artifact);
        assertEq(m.featureSchemaHash, schema);
        assertEq(m.fairnessReportHash, report);
        assertEq(m.fairnessPassed, passed);
    }

    function testFuzz_privileged_revert_forStrangers(address caller) public {
        vm.assume(caller != governance && caller != proposer && caller != auditor);
        _propose(ID);
        vm.startPrank(caller);
        vm.expectRevert(_unauthorized(caller, PROPOSER_ROLE));
        registry.proposeModel(keccak256("x"), ARTIFACT, SCHEMA);
        vm.expectRevert(_unauthorized(caller, AUDITOR_ROLE));
        registry.recordFairnessReport(ID, REPORT, true);
        vm.expectRevert(_unauthorized(caller, ADMIN));
        registry.approveModel(ID);
        vm.expectRevert(_unauthorized(caller, ADMIN));
        registry.retireModel(ID);
        vm.stopPrank();
    }
}
