// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {AggregatorV3Interface} from "../../contracts/interfaces/AggregatorV3Interface.sol";

/// @title MockAggregator
/// @notice Test stand-in for a Chainlink feed: answer, updatedAt and decimals are set directly, so tests can
/// produce stale, zero and negative prices that a real feed cannot be made to return on demand.
contract MockAggregator is AggregatorV3Interface {
    uint8 public decimals;
    int256 public answer;
    uint256 public updatedAt;
    uint80 public roundId;

    constructor(uint8 decimals_, int256 answer_) {
        decimals = decimals_;
        setPrice(answer_);
    }

    /// @notice Sets the answer and stamps it with the current block time (a fresh round).
    function setPrice(int256 answer_) public {
        answer = answer_;
        updatedAt = block.timestamp;
        roundId += 1;
    }

    function setAnswer(int256 answer_) external {
        answer = answer_;
    }

    function setUpdatedAt(uint256 updatedAt_) external {
        updatedAt = updatedAt_;
    }

    function setDecimals(uint8 decimals_) external {
        decimals = decimals_;
    }

    function description() external pure returns (string memory) {
        return "MockAggregator";
    }

    function version() external pure returns (uint256) {
        return 4;
    }

    function getRoundData(uint80 id) external view returns (uint80, int256, uint256, uint256, uint80) {
        return (id, answer, updatedAt, updatedAt, id);
    }

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return (roundId, answer, updatedAt, updatedAt, roundId);
    }
}
