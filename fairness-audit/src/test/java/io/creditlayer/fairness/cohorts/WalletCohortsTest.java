package io.creditlayer.fairness.cohorts;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void fundingSourceIsThePayersLabelPeerOrNone() {
        assertEquals("exchange", WalletCohorts.fundingSource(true, "exchange"));
        assertEquals("bridge", WalletCohorts.fundingSource(true, "BRIDGE"));
        assertEquals("faucet", WalletCohorts.fundingSource(true, "faucet"));
        assertEquals("mixer", WalletCohorts.fundingSource(true, "mixer"));
        assertEquals("peer", WalletCohorts.fundingSource(true, null));
        assertEquals("none", WalletCohorts.fundingSource(false, null));
        assertThrows(IllegalArgumentException.class, () -> WalletCohorts.fundingSource(true, "exchnage"));
    }

    @Test
    void activityRegionComesFromTheSmoothedPeakHour() {
        int[] evening = hours(19, 5);           // 19:00 UTC = 14:00 at UTC-5
        assertEquals(OptionalInt.of(19), WalletCohorts.peakUtcHour(evening));
        assertEquals(OptionalInt.of(-5), WalletCohorts.utcOffset(evening));
        assertEquals("UTC-11..-3", WalletCohorts.activityRegion(evening));
        assertEquals("UTC-2..+3", WalletCohorts.activityRegion(hours(13, 4)));   // UTC+1
        assertEquals("UTC+4..+12", WalletCohorts.activityRegion(hours(9, 4)));   // UTC+5
        assertEquals(OptionalInt.of(12), WalletCohorts.utcOffset(hours(2, 3)));  // 02:00 UTC: +12, not -12
        assertEquals(OptionalInt.of(-11), WalletCohorts.utcOffset(hours(1, 3)));
        assertEquals("UTC-2..+3", WalletCohorts.activityRegion(hours(11, 3)), "UTC+3 is the band's edge");
        assertEquals("UTC+4..+12", WalletCohorts.activityRegion(hours(10, 3)), "UTC+4");
        assertEquals("UTC-11..-3", WalletCohorts.activityRegion(hours(17, 3)), "UTC-3");
        assertEquals("UTC-2..+3", WalletCohorts.activityRegion(hours(16, 3)), "UTC-2");

        // a busy morning and a lone evening transaction: the peak is the morning
        int[] mixed = hours(9, 6);
        mixed[20] = 1;
        assertEquals(OptionalInt.of(9), WalletCohorts.peakUtcHour(mixed));
        // hours 22, 23 and 0 together outweigh hour 12 alone: the window wraps around midnight
        int[] wrap = new int[24];
        wrap[22] = 2;
        wrap[23] = 2;
        wrap[0] = 2;
        wrap[12] = 5;
        assertEquals(OptionalInt.of(23), WalletCohorts.peakUtcHour(wrap));
        assertEquals("unknown", WalletCohorts.activityRegion(hours(13, 2)), "two transactions tell nothing");
        assertThrows(IllegalArgumentException.class, () -> WalletCohorts.activityRegion(new int[23]));
        int[] negative = new int[24];
        negative[3] = -1;
        assertThrows(IllegalArgumentException.class, () -> WalletCohorts.activityRegion(negative));
    }

    @Test
    void chainNamesKnownIdsAndNumbersTheRest() {
        assertEquals("ethereum", WalletCohorts.chain(1));
        assertEquals("devnet", WalletCohorts.chain(31337));
        assertEquals("chain-424242", WalletCohorts.chain(424242));
        assertThrows(IllegalArgumentException.class, () -> WalletCohorts.chain(0));
    }

    private static int[] hours(int hour, int count) {
        int[] counts = new int[24];
        counts[hour] = count;
        return counts;
    }
}
