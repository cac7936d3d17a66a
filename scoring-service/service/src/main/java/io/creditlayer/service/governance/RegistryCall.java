package io.creditlayer.service.governance;

import java.util.Locale;

/**
 * A contract call for the outbox worker to send from the service's account: the target and the ABI-encoded call
 * data, no value.
 *
 * @param to          contract address (0x, 20 bytes)
 * @param data        ABI-encoded call (0x hex)
 * @param description what the call does, for logs and the audit trail
 */
public record RegistryCall(String to, String data, String description) {
    public RegistryCall {
        if (to == null || !to.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("to must be a 0x address: " + to);
        }
        if (data == null || !data.matches("0x([0-9a-fA-F]{2})+")) {
            throw new IllegalArgumentException("data must be 0x hex call data");
        }
        to = to.toLowerCase(Locale.ROOT);
        data = data.toLowerCase(Locale.ROOT);
    }
}
