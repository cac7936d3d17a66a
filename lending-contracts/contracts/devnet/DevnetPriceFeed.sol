// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";

/// @title DevnetPriceFeed
/// @notice A Chainlink-shaped feed whose owner posts prices, for local devnets: it lets scenarios move prices
/// (and cause real liquidations) the way a live feed would. Each post opens a new round stamped with the block time.
contract DevnetPriceFeed is AggregatorV3Interface, Ownable {
    uint8 private immutable _decimals;
    string private _description;
    uint80 private _roundId;
    int256 private _answer;
    uint256 private _updatedAt;

    event PricePosted(uint80 indexed roundId, int256 answer, uint256 updatedAt);

    constructor(uint8 decimals_, string memory description_, int256 initialAnswer, address owner_) Ownable(owner_) {
        _decimals = decimals_;
        _description = description_;
        _post(initialAnswer);
    }

    /// @notice Posts a new answer stamped with the current block time. Owner only.
    function postPrice(int256 answer) external onlyOwner {
        _post(answer);
    }

    /// @inheritdoc AggregatorV3Interface
    function decimals() external view returns (uint8) {
        return _decimals;
    }

    /// @inheritdoc AggregatorV3Interface
    function description() external view returns (string memory) {
        return _description;
    }

    /// @inheritdoc AggregatorV3Interface
    function version() external pure returns (uint256) {
        return 1;
    }

    /// @inheritdoc AggregatorV3Interface
    function getRoundData(uint80 roundId)
        external
        view
        returns (uint80, int256, uint256, uint256, uint80)
    {
        // Only the latest round is kept: older rounds are not needed by the pool, which reads latestRoundData.
        require(roundId == _roundId, "DevnetPriceFeed: round not kept");
        return (_roundId, _answer, _updatedAt, _updatedAt, _roundId);
    }

    /// @inheritdoc AggregatorV3Interface
    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return (_roundId, _answer, _updatedAt, _updatedAt, _roundId);
    }

    function _post(int256 answer) private {
        _roundId += 1;
        _answer = answer;
        _updatedAt = block.timestamp;
        emit PricePosted(_roundId, answer, block.timestamp);
    }
}
