// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

// Governance of every CreditLayer contract is OpenZeppelin's TimelockController, used as published:
// importing it here makes forge compile it, so the Java build can generate its wrapper from the artifact.
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
