package io.creditlayer.service.siwe;

import io.creditlayer.service.api.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefill() {
        SignInLimiter limiter = new SignInLimiter(3, 6); // one request per 10 s once the burst is spent
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("198.51.100.7", 0));
        }
        assertEquals(10, limiter.acquire("198.51.100.7", 0));
        assertEquals(5, limiter.acquire("198.51.100.7", 5 * SECOND));
        assertEquals(0, limiter.acquire("198.51.100.7", 10 * SECOND));
        assertEquals(0, limiter.acquire("198.51.100.8", 10 * SECOND), "another client has its own bucket");
    }

    @Test
    void aRefusalCarriesRetryAfter() {
        SignInLimiter limiter = new SignInLimiter(1, 1);
        limiter.admit("203.0.113.9");
        ApiProblem refused = assertThrows(ApiProblem.class, () -> limiter.admit("203.0.113.9"));
        assertEquals(429, refused.status());
        assertEquals("sign-in-rate-limited", refused.slug());
        long retryAfter = Long.parseLong(refused.headers().get("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    @Test
    void ipv6ClientsShareTheirSlash64() {
        assertEquals("20010db800010002::/64", SignInLimiter.clientKey("2001:db8:1:2::1"));
        assertEquals("20010db800010002::/64", SignInLimiter.clientKey("2001:db8:1:2:ffff:ffff:ffff:fffe"));
        assertEquals("20010db800010002::/64", SignInLimiter.clientKey("[2001:db8:1:2::99]"));
        assertEquals("20010db800010003::/64", SignInLimiter.clientKey("2001:db8:1:3::1"));
        SignInLimiter limiter = new SignInLimiter(1, 1);
        limiter.admit("2001:db8:1:2::1");
        assertThrows(ApiProblem.class, () -> limiter.admit("2001:db8:1:2::2"), "a fresh address in the same /64");
        limiter.admit("2001:db8:1:3::1");
    }

    @Test
    void ipv4AndOddAddressesAreTheirOwnKeys() {
        assertEquals("192.0.2.1", SignInLimiter.clientKey("192.0.2.1"));
        assertEquals("192.0.2.1", SignInLimiter.clientKey("::ffff:192.0.2.1"), "IPv4-mapped IPv6 is the IPv4 client");
        assertEquals("unknown", SignInLimiter.clientKey(null));
        assertEquals("unknown", SignInLimiter.clientKey(" "));
        assertEquals("not:an:address:zz", SignInLimiter.clientKey("not:an:address:zz"));
    }

    @Test
    void settingsBelowOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SignInLimiter(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new SignInLimiter(10, 0));
    }
}
