package io.creditlayer.service.zk;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProofQuotaTest {
    private static final String WALLET = "0x00000000000000000000000000000000000000aB";

    @Test
    void aWalletGetsItsProofsThenWaitsForTheNextOne() {
        ProofQuota quota = new ProofQuota(3, Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, quota.acquire(WALLET));
        }
        long wait = quota.acquire(WALLET.toLowerCase());
        assertTrue(wait > 1_100 && wait <= 1_200, "one proof refills in 20 minutes: " + wait);
        assertEquals(0, quota.acquire("0x00000000000000000000000000000000000000cd"), "other wallets are not affected");
    }

    @Test
    void aProofThatWasNotMadeIsGivenBack() {
        ProofQuota quota = new ProofQuota(1, Duration.ofMinutes(10));
        assertEquals(0, quota.acquire(WALLET));
        assertTrue(quota.acquire(WALLET) > 0);
        quota.refund(WALLET);
        assertEquals(0, quota.acquire(WALLET));
        quota.refund(WALLET);
        quota.refund(WALLET);
        assertEquals(0, quota.acquire(WALLET));
        assertTrue(quota.acquire(WALLET) > 0, "refunds never raise the quota above its size");
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ProofQuota(0, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new ProofQuota(1, Duration.ZERO));
    }
}
