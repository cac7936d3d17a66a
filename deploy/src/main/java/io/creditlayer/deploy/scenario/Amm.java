package io.creditlayer.deploy.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The DevnetUniswapV2Pair's reserves as the scenario expects them, in the order it sends swaps: lets it size a
 * swap's minimum output and the market maker's arbitrage exactly. Reset from every mined {@code Sync} log.
 */
final class Amm {
    private static final BigInteger FEE_NUMERATOR = BigInteger.valueOf(997);
    private static final BigInteger FEE_DENOMINATOR = BigInteger.valueOf(1000);

    private final boolean usdIsToken0;
    private BigInteger usd = BigInteger.ZERO;
    private BigInteger eth = BigInteger.ZERO;

    Amm(boolean usdIsToken0) {
        this.usdIsToken0 = usdIsToken0;
    }

    boolean usdIsToken0() {
        return usdIsToken0;
    }

    /** From a Sync log: reserve0 and reserve1. */
    void sync(BigInteger reserve0, BigInteger reserve1) {
        usd = usdIsToken0 ? reserve0 : reserve1;
        eth = usdIsToken0 ? reserve1 : reserve0;
    }

    BigInteger usd() {
        return usd;
    }

    BigInteger eth() {
        return eth;
    }

    /** UniswapV2Library.getAmountOut. */
    static BigInteger amountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut) {
        if (amountIn.signum() <= 0 || reserveIn.signum() <= 0 || reserveOut.signum() <= 0) {
            return BigInteger.ZERO;
        }
        BigInteger withFee = amountIn.multiply(FEE_NUMERATOR);
        return withFee.multiply(reserveOut).divide(reserveIn.multiply(FEE_DENOMINATOR).add(withFee));
    }

    /** Applies a swap of {@code amountIn} (dUSD if {@code usdIn}, else dETH); returns the output. */
    BigInteger swap(boolean usdIn, BigInteger amountIn) {
        BigInteger out = usdIn ? amountOut(amountIn, usd, eth) : amountOut(amountIn, eth, usd);
        if (usdIn) {
            usd = usd.add(amountIn);
            eth = eth.subtract(out);
        } else {
            eth = eth.add(amountIn);
            usd = usd.subtract(out);
        }
        return out;
    }

    /**
     * The swap that moves the pool's price to {@code answer} (8-decimal dUSD per dETH): dUSD in if the pool is
     * cheaper than the feed, dETH in if dearer, nothing within {@code toleranceBps}. Returns a signed amount:
     * positive = dUSD in, negative = dETH in (absolute value), zero = no trade.
     */
    BigInteger arbitrageTo(BigInteger answer, int toleranceBps) {
        if (usd.signum() <= 0 || eth.signum() <= 0) {
            return BigInteger.ZERO;
        }
        // price in base units: dUSD units per dETH wei = answer * 1e6 / (1e8 * 1e18)
        double target = answer.doubleValue() / 1e20;
        double reserveUsd = usd.doubleValue();
        double reserveEth = eth.doubleValue();
        double current = reserveUsd / reserveEth;
        if (Math.abs(current / target - 1) * 10_000 < toleranceBps) {
            return BigInteger.ZERO;
        }
        double k = reserveUsd * reserveEth;
        if (current < target) {
            double usdIn = (Math.sqrt(k * target) - reserveUsd) / 0.997;
            return new BigDecimal(usdIn).toBigInteger();
        }
        double ethIn = (Math.sqrt(k / target) - reserveEth) / 0.997;
        return new BigDecimal(ethIn).toBigInteger().negate();
    }
}
