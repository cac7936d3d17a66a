// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

import {IModelRegistry} from "./interfaces/IModelRegistry.sol";

/// @title ModelRegistry
/// @notice Lifecycle of the credit models whose attestations the CreditOracle accepts:
/// None -> Proposed -> Approved -> Retired, with Proposed -> Retired allowed and Retired final.
/// @dev Duties are split so that no single key can put a model into production: a proposer registers the
/// artifact, an auditor records the fairness verdict, and only governance (DEFAULT_ADMIN_ROLE, in production a
/// TimelockController) approves, and only a model whose recorded verdict passed.
contract ModelRegistry is IModelRegistry, AccessControl {
    /// @notice Role allowed to register new models.
    bytes32 public constant PROPOSER_ROLE = keccak256("PROPOSER_ROLE");

    /// @notice Role allowed to record fairness reports.
    bytes32 public constant AUDITOR_ROLE = keccak256("AUDITOR_ROLE");

    mapping(bytes32 modelId => Model) private _models;

    /// @param governance Receives DEFAULT_ADMIN_ROLE: approves and retires models and administers the other roles.
    constructor(address governance) {
        // A zero admin would leave the registry unable to ever approve a model.
        if (governance == address(0)) revert ModelRegistryZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, governance);
    }

    /// @inheritdoc IModelRegistry
    /// @dev Reverts with ModelRegistryZeroHash if any hash is zero and ModelRegistryModelExists if the id was ever
    /// used, retired ids included, so an id always names the same artifact.
    function proposeModel(bytes32 modelId, bytes32 artifactHash, bytes32 featureSchemaHash)
        external
        onlyRole(PROPOSER_ROLE)
    {
        if (modelId == bytes32(0) || artifactHash == bytes32(0) || featureSchemaHash == bytes32(0)) {
            revert ModelRegistryZeroHash();
        }
        Model storage model = _models[modelId];
        if (model.status != ModelStatus.None) revert ModelRegistryModelExists(modelId);

        model.artifactHash = artifactHash;
        model.featureSchemaHash = featureSchemaHash;
        model.status = ModelStatus.Proposed;

        emit ModelProposed(modelId, artifactHash, featureSchemaHash, msg.sender);
    }

    /// @inheritdoc IModelRegistry
    /// @dev Only while Proposed: once approved, the verdict that justified the approval must not change under it.
    /// Re-recording while Proposed is allowed so that a re-run audit can replace a failed (or wrong) report.
    function recordFairnessReport(bytes32 modelId, bytes32 reportHash, bool passed) external onlyRole(AUDITOR_ROLE) {
        if (reportHash == bytes32(0)) revert ModelRegistryZeroHash();
        Model storage model = _models[modelId];
        _requireStatus(modelId, model.status, ModelStatus.Proposed);

        model.fairnessReportHash = reportHash;
        model.fairnessPassed = passed;

        emit FairnessReportRecorded(modelId, reportHash, passed);
    }

    /// @inheritdoc IModelRegistry
    /// @dev Reverts with ModelRegistryFairnessNotPassed when no report was recorded or the recorded one failed.
    function approveModel(bytes32 modelId) external onlyRole(DEFAULT_ADMIN_ROLE) {
        Model storage model = _models[modelId];
        _requireStatus(modelId, model.status, ModelStatus.Proposed);
        if (!model.fairnessPassed) revert ModelRegistryFairnessNotPassed(modelId);

        model.status = ModelStatus.Approved;

        emit ModelApproved(modelId, model.fairnessReportHash);
    }

    /// @inheritdoc IModelRegistry
    /// @dev Allowed from Proposed (withdrawing a candidate) or Approved (pulling a live model). Retired is final:
    /// the oracle re-checks approval on every read, so stored attestations of the model stop counting at once.
    function retireModel(bytes32 modelId) external onlyRole(DEFAULT_ADMIN_ROLE) {
        Model storage model = _models[modelId];
        ModelStatus status = model.status;
        if (status == ModelStatus.None) revert ModelRegistryUnknownModel(modelId);
        if (status == ModelStatus.Retired) revert ModelRegistryInvalidStatus(modelId, status);

        model.status = ModelStatus.Retired;

        emit ModelRetired(modelId);
    }

    /// @inheritdoc IModelRegistry
    function isApproved(bytes32 modelId) external view returns (bool) {
        return _models[modelId].status == ModelStatus.Approved;
    }

    /// @inheritdoc IModelRegistry
    /// @dev An unknown id returns the zero record (status None) rather than reverting, so off-chain readers can probe.
    function getModel(bytes32 modelId) external view returns (Model memory) {
        return _models[modelId];
    }

    /// @dev Distinguishes "never proposed" from "in the wrong state" so operators see which mistake they made.
    function _requireStatus(bytes32 modelId, ModelStatus actual, ModelStatus expected) private pure {
        if (actual == ModelStatus.None) revert ModelRegistryUnknownModel(modelId);
        if (actual != expected) revert ModelRegistryInvalidStatus(modelId, actual);
    }
}
