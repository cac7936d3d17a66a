package io.creditlayer.service.siwe;

import java.time.Instant;
import java.util.UUID;

/**
 * An authenticated borrower: the wallet that signed in.
 *
 * @param sessionId the session row
 * @param address   lower-case 0x address
 * @param chainId   the chain the sign-in message named
 * @param expiresAt when the session ends
 */
public record BorrowerSession(UUID sessionId, String address, long chainId, Instant expiresAt) {
    /** The audit label of requests made through this session, e.g. for attestations. */
    public String requestedBy() {
        return "siwe:" + address;
    }
}
