// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title IModelRegistry
/// @notice Registry of credit models. A model's attestations count only while it is approved, and governance
/// approves only a model whose fairness report is recorded as passing.
interface IModelRegistry {
    enum ModelStatus {
        None,
        Proposed,
        Approved,
        Retired
    }

    struct Model {
        bytes32 artifactHash; // SHA-256 of the model artifact
        bytes32 featureSchemaHash; // hash of the feature schema the model reads
        bytes32 fairnessReportHash; // SHA-256 of the JSON fairness report, zero until recorded
        bool fairnessPassed; // verdict of that report
        ModelStatus status;
    }

    event ModelProposed(bytes32 indexed modelId, bytes32 artifactHash, bytes32 featureSchemaHash, address proposer);
    event FairnessReportRecorded(bytes32 indexed modelId, bytes32 reportHash, bool passed);
    event ModelApproved(bytes32 indexed modelId, bytes32 fairnessReportHash);
    event ModelRetired(bytes32 indexed modelId);

    error ModelRegistryModelExists(bytes32 modelId);
    error ModelRegistryUnknownModel(bytes32 modelId);
    error ModelRegistryInvalidStatus(bytes32 modelId, ModelStatus status);
    error ModelRegistryFairnessNotPassed(bytes32 modelId);
    error ModelRegistryZeroHash();
    error ModelRegistryZeroAddress();

    /// @notice Registers a new model in the Proposed state. Caller needs the proposer role.
    function proposeModel(bytes32 modelId, bytes32 artifactHash, bytes32 featureSchemaHash) external;

    /// @notice Records the hash and verdict of the model's fairness report. Caller needs the auditor role.
    function recordFairnessReport(bytes32 modelId, bytes32 reportHash, bool passed) external;

    /// @notice Approves a proposed model whose fairness report passed. Governance only.
    function approveModel(bytes32 modelId) external;

    /// @notice Retires a model for good; its attestations stop counting at once. Governance only.
    function retireModel(bytes32 modelId) external;

    /// @notice Whether attestations from this model currently count.
    function isApproved(bytes32 modelId) external view returns (bool);

    /// @notice The full record of a model.
    function getModel(bytes32 modelId) external view returns (Model memory);
}
