// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Test, Vm} from "forge-std/Test.sol";

import {DevnetUniswapV2Pair} from "../../contracts/devnet/DevnetUniswapV2Pair.sol";
import {TestERC20} from "../mocks/TestERC20.sol";

contract DevnetUniswapV2PairTest is Test {
    // Mainnet Uniswap V2 topics: the extractor's decoder matches on these.
    bytes32 internal constant SWAP_TOPIC = keccak256("Swap(address,uint256,uint256,uint256,uint256,address)");
    bytes32 internal constant SYNC_TOPIC = keccak256("Sync(uint112,uint112)");

    TestERC20 internal usd;
    TestERC20 internal eth;
    DevnetUniswapV2Pair internal pair;
    address internal owner = makeAddr("owner");
    address internal trader = makeAddr("trader");

    function setUp() public {
        usd = new TestERC20("Devnet USD", "dUSD", 6);
        eth = new TestERC20("Devnet Ether", "dETH", 18);
        pair = new DevnetUniswapV2Pair(address(usd), address(eth), owner);
        usd.mint(owner, 2_000_000e6);
        eth.mint(owner, 1_000e18);
        vm.startPrank(owner);
        usd.approve(address(pair), type(uint256).max);
        eth.approve(address(pair), type(uint256).max);
        (uint256 a0, uint256 a1) = pair.token0() == address(usd)
            ? (uint256(2_000_000e6), uint256(1_000e18))
            : (uint256(1_000e18), uint256(2_000_000e6));
        pair.addLiquidity(a0, a1);
        vm.stopPrank();
    }

    function test_eventSignatures_matchUniswapV2() public pure {
        assertEq(SWAP_TOPIC, 0xd78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822);
        assertEq(SYNC_TOPIC, 0x1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1);
        assertEq(DevnetUniswapV2Pair.Swap.selector, SWAP_TOPIC);
        assertEq(DevnetUniswapV2Pair.Sync.selector, SYNC_TOPIC);
    }

    function test_tokensSorted_andReservesSet() public view {
        assertLt(uint160(pair.token0()), uint160(pair.token1()));
        (uint112 r0, uint112 r1,) = pair.getReserves();
        assertEq(pair.token0() == address(usd) ? r0 : r1, 2_000_000e6);
        assertEq(pair.token0() == address(usd) ? r1 : r0, 1_000e18);
    }

    function test_swapExactIn_paysConstantProductMinusFee_andEmitsUniswapEvents() public {
        eth.mint(trader, 1e18);
        vm.startPrank(trader);
        eth.approve(address(pair), 1e18);
        uint256 expected = pair.getAmountOut(1e18, 1_000e18, 2_000_000e6);
        // 1 dETH into 1,000 dETH / 2,000,000 dUSD: 1,992.01 dUSD after the 0.3% fee and price impact.
        assertEq(expected, 1_992_013_962);
        vm.recordLogs();
        uint256 out = pair.swapExactIn(address(eth), 1e18, expected, trader);
        vm.stopPrank();
        assertEq(out, expected);
        assertEq(usd.balanceOf(trader), expected);

        Vm.Log[] memory logs = vm.getRecordedLogs();
        Vm.Log memory swapLog = logs[logs.length - 1];
        Vm.Log memory syncLog = logs[logs.length - 2];
        assertEq(swapLog.topics[0], SWAP_TOPIC);
        assertEq(swapLog.topics[1], bytes32(uint256(uint160(trader))));
        assertEq(swapLog.topics[2], bytes32(uint256(uint160(trader))));
        (uint256 a0In, uint256 a1In, uint256 a0Out, uint256 a1Out) =
            abi.decode(swapLog.data, (uint256, uint256, uint256, uint256));
        bool ethIsToken0 = pair.token0() == address(eth);
        assertEq(ethIsToken0 ? a0In : a1In, 1e18);
        assertEq(ethIsToken0 ? a1Out : a0Out, expected);
        assertEq(ethIsToken0 ? a1In + a0Out : a0In + a1Out, 0);
        assertEq(syncLog.topics[0], SYNC_TOPIC);
        (uint112 r0, uint112 r1,) = pair.getReserves();
        (uint112 s0, uint112 s1) = abi.decode(syncLog.data, (uint112, uint112));
        assertEq(s0, r0);
        assertEq(s1, r1);
    }

    function test_swapExactIn_revertsBelowMinOut() public {
        usd.mint(trader, 1_000e6);
        vm.startPrank(trader);
        usd.approve(address(pair), 1_000e6);
        uint256 quoted = pair.quote(address(usd), 1_000e6);
        vm.expectRevert(
            abi.encodeWithSelector(DevnetUniswapV2Pair.DevnetPairInsufficientOutputAmount.selector, quoted, quoted + 1)
        );
        pair.swapExactIn(address(usd), 1_000e6, quoted + 1, trader);
        vm.stopPrank();
    }

    function test_lowLevelSwap_enforcesK() public {
        usd.mint(trader, 2_000e6);
        vm.startPrank(trader);
        assertTrue(usd.transfer(address(pair), 2_000e6));
        bool usdIsToken0 = pair.token0() == address(usd);
        uint256 fair = pair.getAmountOut(2_000e6, 2_000_000e6, 1_000e18);
        (uint256 out0, uint256 out1) = usdIsToken0 ? (uint256(0), fair + 1) : (fair + 1, uint256(0));
        vm.expectRevert(DevnetUniswapV2Pair.DevnetPairK.selector);
        pair.swap(out0, out1, trader, "");
        (out0, out1) = usdIsToken0 ? (uint256(0), fair) : (fair, uint256(0));
        pair.swap(out0, out1, trader, "");
        vm.stopPrank();
        assertEq(eth.balanceOf(trader), fair);
    }

    function test_onlyOwnerAddsLiquidity_andNoFlashSwaps() public {
        vm.expectRevert();
        vm.prank(trader);
        pair.addLiquidity(1, 1);
        vm.expectRevert(DevnetUniswapV2Pair.DevnetPairFlashSwapsUnsupported.selector);
        pair.swap(1, 0, trader, hex"01");
        vm.expectRevert(abi.encodeWithSelector(DevnetUniswapV2Pair.DevnetPairInvalidToken.selector, address(this)));
        pair.swapExactIn(address(this), 1, 0, trader);
    }

    function testFuzz_swapExactIn_neverLowersK(uint96 amountIn, bool ethIn) public {
        TestERC20 tokenIn = ethIn ? eth : usd;
        uint256 amount = bound(amountIn, ethIn ? 1e13 : 1e3, ethIn ? 10_000e18 : 20_000_000e6);
        (uint112 r0, uint112 r1,) = pair.getReserves();
        tokenIn.mint(trader, amount);
        vm.startPrank(trader);
        tokenIn.approve(address(pair), amount);
        pair.swapExactIn(address(tokenIn), amount, 0, trader);
        vm.stopPrank();
        (uint112 n0, uint112 n1,) = pair.getReserves();
        assertGe(uint256(n0) * n1, uint256(r0) * r1);
    }
}
