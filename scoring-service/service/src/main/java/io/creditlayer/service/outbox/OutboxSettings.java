package io.creditlayer.service.outbox;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * How the outbox worker sends, validated.
 *
 * @param batchSize            new entries sent per tick at most
 * @param gasCap               refuse a call whose eth_estimateGas exceeds this (the entry fails, naming both)
 * @param gasHeadroomPercent   gas limit = estimate + this percentage (bounded by the cap): state may change
 *                             between estimation and inclusion
 * @param maxFeeCap            EIP-1559 maxFeePerGas never exceeds this, wei; while the base fee is above it the
 *                             entry waits
 * @param minPriorityFee       the tip never goes below this, wei (fee history of empty blocks says 0)
 * @param feeBumpPercent       a replacement raises both fees by at least this (nodes need 10 %)
 * @param resubmitAfter        a transaction not mined this long after broadcast is replaced with higher fees
 * @param confirmations        blocks (the receipt's included) before an entry counts as confirmed
 * @param backoffInitial       first retry delay after an RPC error; doubles per attempt
 * @param backoffMax           longest retry delay
 * @param feeHistoryBlocks     blocks of eth_feeHistory for the tip estimate
 * @param crashAfter           test-only fault injection, {@link CrashPoint#NONE} in production
 */
public record OutboxSettings(int batchSize, BigInteger gasCap, int gasHeadroomPercent, BigInteger maxFeeCap,
                             BigInteger minPriorityFee, BigDecimal feeBumpPercent, Duration resubmitAfter,
                             int confirmations, Duration backoffInitial, Duration backoffMax, int feeHistoryBlocks,
                             CrashPoint crashAfter) {
    private static final BigDecimal WEI_PER_GWEI = BigDecimal.TEN.pow(9);
    /** Geth's and most pools' minimum price bump for a replacement with the same nonce. */
    public static final BigDecimal MIN_FEE_BUMP_PERCENT = BigDecimal.TEN;

    public OutboxSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("creditlayer.outbox.batch-size must be at least 1");
        }
        if (gasCap.signum() <= 0) {
            throw new IllegalArgumentException("creditlayer.outbox.gas-cap must be positive");
        }
        if (gasHeadroomPercent < 0 || gasHeadroomPercent > 200) {
            throw new IllegalArgumentException("creditlayer.outbox.gas-headroom-percent must be within 0..200");
        }
        if (maxFeeCap.signum() <= 0 || minPriorityFee.signum() < 0 || minPriorityFee.compareTo(maxFeeCap) > 0) {
            throw new IllegalArgumentException(
                    "creditlayer.outbox.max-fee-gwei must be positive and at least min-priority-fee-gwei");
        }
        if (feeBumpPercent.compareTo(MIN_FEE_BUMP_PERCENT) < 0) {
            throw new IllegalArgumentException("creditlayer.outbox.fee-bump-percent must be at least 10 (nodes refuse"
                    + " smaller replacements): " + feeBumpPercent);
        }
        if (resubmitAfter.isNegative() || resubmitAfter.isZero()) {
            throw new IllegalArgumentException("creditlayer.outbox.resubmit-after must be positive");
        }
        if (confirmations < 1) {
            throw new IllegalArgumentException("creditlayer.outbox.confirmations must be at least 1 (the receipt's block)");
        }
        if (backoffInitial.isNegative() || backoffInitial.isZero() || backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("creditlayer.outbox.backoff-initial must be positive and at most backoff-max");
        }
        if (feeHistoryBlocks < 1 || feeHistoryBlocks > 1024) {
            throw new IllegalArgumentException("creditlayer.outbox.fee-history-blocks must be within 1..1024");
        }
        if (crashAfter == null) {
            crashAfter = CrashPoint.NONE;
        }
    }

    public static OutboxSettings of(OutboxConfig c) {
        return new OutboxSettings(c.batchSize(), BigInteger.valueOf(c.gasCap()), c.gasHeadroomPercent(),
                wei(c.maxFeeGwei()), wei(c.minPriorityFeeGwei()), c.feeBumpPercent(), c.resubmitAfter(),
                c.confirmations(), c.backoffInitial(), c.backoffMax(), c.feeHistoryBlocks(), c.crashAfter());
    }

    static BigInteger wei(BigDecimal gwei) {
        return gwei.multiply(WEI_PER_GWEI).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    }

    /** Retry delay after {@code attempts} failed attempts: initial × 2^(attempts−1), at most {@link #backoffMax}. */
    public Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = backoffInitial.multipliedBy(1L << doublings);
        return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
    }

    /** {@code fee} raised by {@link #feeBumpPercent}, rounded up (and by at least 1 wei). */
    public BigInteger bumped(BigInteger fee) {
        BigInteger raised = new BigDecimal(fee).multiply(BigDecimal.ONE.add(feeBumpPercent.movePointLeft(2)))
                .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        return raised.max(fee.add(BigInteger.ONE));
    }

    public OutboxSettings withGasCap(long cap) {
        return new OutboxSettings(batchSize, BigInteger.valueOf(cap), gasHeadroomPercent, maxFeeCap, minPriorityFee,
                feeBumpPercent, resubmitAfter, confirmations, backoffInitial, backoffMax, feeHistoryBlocks, crashAfter);
    }

    public OutboxSettings withMaxFeeCap(BigInteger cap) {
        return new OutboxSettings(batchSize, gasCap, gasHeadroomPercent, cap, minPriorityFee.min(cap),
                feeBumpPercent, resubmitAfter, confirmations, backoffInitial, backoffMax, feeHistoryBlocks, crashAfter);
    }

    public OutboxSettings withResubmitAfter(Duration after) {
        return new OutboxSettings(batchSize, gasCap, gasHeadroomPercent, maxFeeCap, minPriorityFee, feeBumpPercent,
                after, confirmations, backoffInitial, backoffMax, feeHistoryBlocks, crashAfter);
    }

    public OutboxSettings withConfirmations(int blocks) {
        return new OutboxSettings(batchSize, gasCap, gasHeadroomPercent, maxFeeCap, minPriorityFee, feeBumpPercent,
                resubmitAfter, blocks, backoffInitial, backoffMax, feeHistoryBlocks, crashAfter);
    }
}
