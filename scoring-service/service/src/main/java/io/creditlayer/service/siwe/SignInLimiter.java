package io.creditlayer.service.siwe;

import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.auth.TokenBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A token bucket per client for the sign-in endpoints, which anyone may call: each nonce is a database row until it
 * expires, and each verify recovers a signature, so one client must not be able to fill the table or the CPU.
 * Clients are told apart by network address; IPv6 clients by their /64, since one host commonly holds a whole /64
 * and could otherwise take a fresh address per request. Behind a reverse proxy the address is the proxy's unless
 * Quarkus is told to trust its forwarding headers ({@code quarkus.http.proxy.*}). In memory, per service instance,
 * like the API keys' rate limits.
 */
@ApplicationScoped
public class SignInLimiter {
    /** Full buckets are forgotten once this many clients are tracked (a full bucket is the same as none). */
    static final int PRUNE_AT = 10_000;

    private final double burst;
    private final double perSecond;
    private final TokenBuckets<String> buckets = new TokenBuckets<>(PRUNE_AT);

    @Inject
    public SignInLimiter(SiweConfig config) {
        this(config.clientBurst(), config.clientRequestsPerMinute());
    }

    SignInLimiter(int burst, int requestsPerMinute) {
        if (burst < 1 || requestsPerMinute < 1) {
            throw new IllegalArgumentException("creditlayer.siwe.client-burst and client-requests-per-minute must be at least 1");
        }
        this.burst = burst;
        this.perSecond = requestsPerMinute / 60.0;
    }

    /**
     * Admits one sign-in request from {@code clientAddress} or refuses it.
     *
     * @throws ApiProblem 429 sign-in-rate-limited with Retry-After
     */
    public void admit(String clientAddress) {
        long wait = acquire(clientKey(clientAddress), System.nanoTime());
        if (wait > 0) {
            throw new ApiProblem(429, "sign-in-rate-limited", "Too many requests", "too many sign-in requests from "
                    + "this client; retry in " + wait + " s", Map.of(), Map.of("Retry-After", Long.toString(wait)));
        }
    }

    /** @return 0 when admitted, else the whole seconds until the client may try again */
    long acquire(String client, long now) {
        return buckets.of(client, now, perSecond, burst).take(now);
    }

    /**
     * The bucket a client address falls in: an IPv4 address as it is, an IPv6 address by its first 64 bits (an
     * IPv4-mapped IPv6 address is its IPv4 address). Anything that is not a literal address is its own bucket.
     */
    static String clientKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!literal.contains(":")) {
            return literal;
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal); // a literal with ':' is parsed, never looked up
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return literal;
        }
    }
}
