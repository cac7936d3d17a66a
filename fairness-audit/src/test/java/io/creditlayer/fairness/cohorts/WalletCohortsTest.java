package io.creditlayer.fairness.cohorts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WalletCohortsTest {
    @Test
    void bandsHaveFixedBoundaries() {
        assertEquals("<30d", WalletCohorts.ageBand(29.999));
        assertEquals("30-90d", WalletCohorts.ageBand(30));
        assertEquals("90-180d", WalletCohorts.ageBand(90));
        assertEquals(">=180d", WalletCohorts.ageBand(180));
        assertEquals("<1k", WalletCohorts.holdingsTier(999.99));
        assertEquals("1k-10k", WalletCohorts.holdingsTier(1_000));
        assertEquals(">=10k", WalletCohorts.holdingsTier(10_000));
    }
}
