package io.creditlayer.service.siwe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/**
 * Sign-In with Ethereum settings ({@code creditlayer.siwe.*}). The domain is configuration, never the request's
 * Host header: a Host header is whatever the client sends, so trusting it would let a phishing site's message
 * (signed for its own domain) open a session here through a proxy that forwards its Host.
 */
@ConfigMapping(prefix = "creditlayer.siwe")
public interface SiweConfig {
    /** The RFC 3986 authority sign-in messages must name, e.g. {@code app.creditlayer.io} or {@code localhost:8080}. */
    @WithDefault("localhost:8080")
    String domain();

    /** URI schemes a message may name before its domain (a message without a scheme means https). */
    @WithDefault("https,http")
    List<String> schemes();

    /** How long a nonce can be used after it was handed out. */
    @WithDefault("PT5M")
    Duration nonceTtl();

    /** How long a session lasts (never past the message's own Expiration Time). */
    @WithDefault("PT1H")
    Duration sessionTtl();

    /** Tolerated clock difference for a message's Issued At lying in the future. */
    @WithDefault("PT1M")
    Duration clockSkew();

    /** Sign-in requests (nonce and verify) one client may send at once. */
    @WithDefault("20")
    int clientBurst();

    /** Sign-in requests per minute one client may send on average, once its burst is spent. */
    @WithDefault("10")
    int clientRequestsPerMinute();
}
