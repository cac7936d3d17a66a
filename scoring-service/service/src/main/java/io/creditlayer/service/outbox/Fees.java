package io.creditlayer.service.outbox;

import java.math.BigInteger;

/**
 * EIP-1559 fees of one transaction, wei.
 *
 * @param maxFeePerGas         the most paid per gas (base fee + tip)
 * @param maxPriorityFeePerGas the tip
 */
public record Fees(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {
    public Fees {
        if (maxPriorityFeePerGas.signum() < 0 || maxFeePerGas.compareTo(maxPriorityFeePerGas) < 0) {
            throw new IllegalArgumentException("fees must satisfy 0 <= tip <= max fee: " + maxPriorityFeePerGas
                    + " / " + maxFeePerGas);
        }
    }
}
