// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Test, Vm} from "forge-std/Test.sol";

import {DevnetMixer} from "../../contracts/devnet/DevnetMixer.sol";

contract RefusingRecipient {
    receive() external payable {
        revert("no");
    }
}

contract DevnetMixerTest is Test {
    uint256 internal constant DENOMINATION = 1 ether;
    DevnetMixer internal mixer;
    address internal depositor = makeAddr("depositor");
    address internal relayer = makeAddr("relayer");
    address payable internal recipient = payable(makeAddr("recipient"));
    bytes32 internal secret = keccak256("secret");
    bytes32 internal commitment;

    function setUp() public {
        mixer = new DevnetMixer(DENOMINATION);
        commitment = keccak256(abi.encodePacked(secret));
        vm.deal(depositor, 10 ether);
    }

    function test_depositThenRelayedWithdrawalPaysTheRecipient() public {
        vm.recordLogs();
        vm.prank(depositor);
        mixer.deposit{value: DENOMINATION}(commitment);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs[0].topics[0], keccak256("Deposit(bytes32,uint32,uint256)"), "Tornado's Deposit signature");
        assertEq(logs[0].topics[1], commitment);
        (uint32 leafIndex, uint256 timestamp) = abi.decode(logs[0].data, (uint32, uint256));
        assertEq(leafIndex, 0);
        assertEq(timestamp, block.timestamp);
        assertEq(mixer.nextIndex(), 1);

        vm.expectEmit(address(mixer));
        emit DevnetMixer.Withdrawal(recipient, mixer.nullifierHashOf(secret), relayer, 0);
        vm.prank(relayer);
        mixer.withdraw(secret, recipient);
        assertEq(recipient.balance, DENOMINATION);
        assertEq(address(mixer).balance, 0);
        assertTrue(mixer.nullifierHashes(mixer.nullifierHashOf(secret)));
    }

    function test_depositNeedsTheExactDenominationAndAFreshCommitment() public {
        vm.startPrank(depositor);
        vm.expectRevert(abi.encodeWithSelector(DevnetMixer.DevnetMixerWrongAmount.selector, 0.5 ether, DENOMINATION));
        mixer.deposit{value: 0.5 ether}(commitment);
        mixer.deposit{value: DENOMINATION}(commitment);
        vm.expectRevert(abi.encodeWithSelector(DevnetMixer.DevnetMixerCommitmentExists.selector, commitment));
        mixer.deposit{value: DENOMINATION}(commitment);
        vm.stopPrank();
    }

    function test_withdrawRefusesUnknownSecretsAndDoubleSpends() public {
        vm.prank(depositor);
        mixer.deposit{value: DENOMINATION}(commitment);
        bytes32 wrong = keccak256("wrong");
        vm.expectRevert(
            abi.encodeWithSelector(
                DevnetMixer.DevnetMixerUnknownCommitment.selector, keccak256(abi.encodePacked(wrong))
            )
        );
        mixer.withdraw(wrong, recipient);
        mixer.withdraw(secret, recipient);
        vm.expectRevert(
            abi.encodeWithSelector(DevnetMixer.DevnetMixerAlreadySpent.selector, mixer.nullifierHashOf(secret))
        );
        mixer.withdraw(secret, recipient);
    }

    function test_failedPaymentRevertsAndLeavesTheNoteSpendable() public {
        vm.prank(depositor);
        mixer.deposit{value: DENOMINATION}(commitment);
        address refusing = address(new RefusingRecipient());
        vm.expectRevert(abi.encodeWithSelector(DevnetMixer.DevnetMixerPaymentFailed.selector, refusing));
        mixer.withdraw(secret, payable(refusing));
        mixer.withdraw(secret, recipient);
        assertEq(recipient.balance, DENOMINATION);
    }
}
