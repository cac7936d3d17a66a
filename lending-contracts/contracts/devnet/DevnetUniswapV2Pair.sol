// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @title DevnetUniswapV2Pair
/// @notice A constant-product pool for two ERC-20s with Uniswap V2's 0.3% fee, for local devnets only: it gives the
/// devnet scenario a DEX whose logs read exactly like a mainnet Uniswap V2 pair, so a feature extractor's Uniswap V2
/// decoder reads it unchanged. The `Swap`, `Sync` and `Mint` events have the mainnet signatures, `token0` sorts
/// below `token1`, `getReserves` and `swap` (optimistic transfer, then the fee-adjusted k check) follow
/// UniswapV2Pair. Differences: no LP token (only the owner adds liquidity, with `addLiquidity`), no flash swaps
/// (`swap` refuses callback data), and a convenience `swapExactIn` that pulls the input with transferFrom, so a
/// wallet swaps in one transaction without a router.
/// @dev Fee-on-transfer and rebasing tokens are not supported (the devnet tokens are plain ERC-20s).
contract DevnetUniswapV2Pair is Ownable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice The token with the lower address.
    address public immutable token0;
    /// @notice The token with the higher address.
    address public immutable token1;

    uint112 private _reserve0;
    uint112 private _reserve1;
    uint32 private _blockTimestampLast;

    /// @notice Liquidity added (Uniswap V2's signature; here only by the owner, with no LP token minted).
    event Mint(address indexed sender, uint256 amount0, uint256 amount1);
    /// @notice A swap, with Uniswap V2's exact signature: `sender` is the caller, `to` the receiver of the output.
    event Swap(
        address indexed sender,
        uint256 amount0In,
        uint256 amount1In,
        uint256 amount0Out,
        uint256 amount1Out,
        address indexed to
    );
    /// @notice The reserves after every change, with Uniswap V2's exact signature.
    event Sync(uint112 reserve0, uint112 reserve1);

    error DevnetPairIdenticalTokens();
    error DevnetPairZeroAddress();
    error DevnetPairInvalidToken(address token);
    error DevnetPairInsufficientInputAmount();
    error DevnetPairInsufficientOutputAmount(uint256 amountOut, uint256 minOut);
    error DevnetPairInsufficientLiquidity();
    error DevnetPairInvalidTo(address to);
    error DevnetPairK();
    error DevnetPairOverflow();
    error DevnetPairFlashSwapsUnsupported();

    /// @param tokenA One token of the pair (sorted into token0/token1 by address).
    /// @param tokenB The other token.
    /// @param owner_ The only account allowed to add liquidity.
    constructor(address tokenA, address tokenB, address owner_) Ownable(owner_) {
        if (tokenA == tokenB) revert DevnetPairIdenticalTokens();
        if (tokenA == address(0) || tokenB == address(0)) revert DevnetPairZeroAddress();
        (token0, token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
    }

    /// @notice Reserves and the timestamp of their last update, as UniswapV2Pair answers them.
    function getReserves() external view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast) {
        return (_reserve0, _reserve1, _blockTimestampLast);
    }

    /// @notice Output for `amountIn` against reserves `reserveIn`/`reserveOut` after the 0.3% fee (UniswapV2Library).
    function getAmountOut(uint256 amountIn, uint256 reserveIn, uint256 reserveOut) public pure returns (uint256) {
        if (amountIn == 0) revert DevnetPairInsufficientInputAmount();
        if (reserveIn == 0 || reserveOut == 0) revert DevnetPairInsufficientLiquidity();
        uint256 amountInWithFee = amountIn * 997;
        return amountInWithFee * reserveOut / (reserveIn * 1000 + amountInWithFee);
    }

    /// @notice Output of `swapExactIn(tokenIn, amountIn, ...)` at the current reserves.
    function quote(address tokenIn, uint256 amountIn) external view returns (uint256) {
        (uint256 reserveIn, uint256 reserveOut) = _orderedReserves(tokenIn);
        return getAmountOut(amountIn, reserveIn, reserveOut);
    }

    /// @notice Owner: pulls `amount0` of token0 and `amount1` of token1 from the caller into the reserves.
    function addLiquidity(uint256 amount0, uint256 amount1) external onlyOwner nonReentrant {
        if (amount0 == 0 && amount1 == 0) revert DevnetPairInsufficientInputAmount();
        if (amount0 != 0) IERC20(token0).safeTransferFrom(msg.sender, address(this), amount0);
        if (amount1 != 0) IERC20(token1).safeTransferFrom(msg.sender, address(this), amount1);
        _update(IERC20(token0).balanceOf(address(this)), IERC20(token1).balanceOf(address(this)));
        emit Mint(msg.sender, amount0, amount1);
    }

    /// @notice Uniswap V2's low-level swap: the input must already have been transferred to the pair; sends the
    /// outputs to `to` and checks the fee-adjusted constant product. `data` must be empty (no flash swaps).
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external nonReentrant {
        if (data.length != 0) revert DevnetPairFlashSwapsUnsupported();
        _swap(amount0Out, amount1Out, to);
    }

    /// @notice Pulls exactly `amountIn` of `tokenIn` from the caller with transferFrom and sends the other token's
    /// output (0.3% fee) to `to`. Reverts when the output is below `minOut`. Emits Sync and Swap like a router swap.
    /// @return amountOut The output sent to `to`.
    function swapExactIn(address tokenIn, uint256 amountIn, uint256 minOut, address to)
        external
        nonReentrant
        returns (uint256 amountOut)
    {
        (uint256 reserveIn, uint256 reserveOut) = _orderedReserves(tokenIn);
        amountOut = getAmountOut(amountIn, reserveIn, reserveOut);
        if (amountOut < minOut || amountOut == 0) revert DevnetPairInsufficientOutputAmount(amountOut, minOut);
        IERC20(tokenIn).safeTransferFrom(msg.sender, address(this), amountIn);
        if (tokenIn == token0) {
            _swap(0, amountOut, to);
        } else {
            _swap(amountOut, 0, to);
        }
    }

    /// @notice Sets the reserves to the balances (Uniswap V2's sync), e.g. after tokens were sent without a call.
    function sync() external nonReentrant {
        _update(IERC20(token0).balanceOf(address(this)), IERC20(token1).balanceOf(address(this)));
    }

    /// @dev UniswapV2Pair.swap without the flash-swap callback.
    function _swap(uint256 amount0Out, uint256 amount1Out, address to) private {
        if (amount0Out == 0 && amount1Out == 0) revert DevnetPairInsufficientOutputAmount(0, 1);
        uint256 reserve0 = _reserve0;
        uint256 reserve1 = _reserve1;
        if (amount0Out >= reserve0 || amount1Out >= reserve1) revert DevnetPairInsufficientLiquidity();
        if (to == token0 || to == token1 || to == address(0)) revert DevnetPairInvalidTo(to);

        if (amount0Out != 0) IERC20(token0).safeTransfer(to, amount0Out);
        if (amount1Out != 0) IERC20(token1).safeTransfer(to, amount1Out);
        uint256 balance0 = IERC20(token0).balanceOf(address(this));
        uint256 balance1 = IERC20(token1).balanceOf(address(this));
        uint256 amount0In = balance0 > reserve0 - amount0Out ? balance0 - (reserve0 - amount0Out) : 0;
        uint256 amount1In = balance1 > reserve1 - amount1Out ? balance1 - (reserve1 - amount1Out) : 0;
        if (amount0In == 0 && amount1In == 0) revert DevnetPairInsufficientInputAmount();
        uint256 balance0Adjusted = balance0 * 1000 - amount0In * 3;
        uint256 balance1Adjusted = balance1 * 1000 - amount1In * 3;
        if (balance0Adjusted * balance1Adjusted < reserve0 * reserve1 * 1000 ** 2) revert DevnetPairK();

        _update(balance0, balance1);
        emit Swap(msg.sender, amount0In, amount1In, amount0Out, amount1Out, to);
    }

    function _update(uint256 balance0, uint256 balance1) private {
        if (balance0 > type(uint112).max || balance1 > type(uint112).max) revert DevnetPairOverflow();
        // forge-lint: disable-next-line(unsafe-typecast) -- both checked against uint112 above
        (_reserve0, _reserve1) = (uint112(balance0), uint112(balance1));
        // forge-lint: disable-next-line(unsafe-typecast) -- Uniswap V2 keeps the timestamp mod 2**32
        _blockTimestampLast = uint32(block.timestamp);
        emit Sync(_reserve0, _reserve1);
    }

    function _orderedReserves(address tokenIn) private view returns (uint256 reserveIn, uint256 reserveOut) {
        if (tokenIn == token0) return (_reserve0, _reserve1);
        if (tokenIn == token1) return (_reserve1, _reserve0);
        revert DevnetPairInvalidToken(tokenIn);
    }
}
