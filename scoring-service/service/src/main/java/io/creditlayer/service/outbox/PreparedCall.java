package io.creditlayer.service.outbox;

import java.math.BigInteger;
import java.util.Objects;

/**
 * One contract call for the worker to sign and send.
 *
 * @param to          the contract, 0x address
 * @param data        ABI-encoded call (use the generated wrapper's {@code encodeFunctionCall()}), 0x hex
 * @param value       wei sent along (zero for every call CreditLayer makes today)
 * @param description short label for logs, e.g. {@code "submitAttestation(borrower, nonce 3)"}
 */
public record PreparedCall(String to, String data, BigInteger value, String description) {
    public PreparedCall {
        if (to == null || !to.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("call target must be a 0x address: " + to);
        }
        if (data == null || !data.matches("0x([0-9a-fA-F]{2})*") || data.length() < 10) {
            throw new IllegalArgumentException("call data must be 0x hex with a 4-byte selector");
        }
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("value must not be negative");
        }
        description = description == null ? "call" : description;
    }

    public static PreparedCall of(String to, String data, String description) {
        return new PreparedCall(to, data, BigInteger.ZERO, description);
    }
}
