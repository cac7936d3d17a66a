package io.creditlayer.service.outbox;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker's arithmetic: backoff, fee bumps, fee suggestions under the cap, revert data, settings validation. */
class ChainOutboxSettingsTest {
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    private static OutboxSettings settings(BigDecimal bumpPercent, long maxFeeGwei) {
        return new OutboxSettings(20, BigInteger.valueOf(1_000_000), 25, GWEI.multiply(BigInteger.valueOf(maxFeeGwei)),
                GWEI, bumpPercent, Duration.ofSeconds(60), 1, Duration.ofSeconds(1), Duration.ofMinutes(5), 10,
                CrashPoint.NONE);
    }

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheMaximum() {
        OutboxSettings s = settings(new BigDecimal("12.5"), 200);
        assertEquals(Duration.ofSeconds(1), s.backoff(0));
        assertEquals(Duration.ofSeconds(1), s.backoff(1));
        assertEquals(Duration.ofSeconds(2), s.backoff(2));
        assertEquals(Duration.ofSeconds(256), s.backoff(9));
        assertEquals(Duration.ofMinutes(5), s.backoff(10));
        assertEquals(Duration.ofMinutes(5), s.backoff(1_000));
    }

    @Test
    void aBumpRaisesByThePercentageRoundedUpAndByAtLeastOneWei() {
        OutboxSettings s = settings(new BigDecimal("12.5"), 200);
        assertEquals(BigInteger.valueOf(1_125_000_000L), s.bumped(GWEI));
        assertEquals(BigInteger.valueOf(12), s.bumped(BigInteger.TEN));
        assertEquals(BigInteger.ONE, s.bumped(BigInteger.ZERO));
        assertEquals(BigInteger.valueOf(2), s.bumped(BigInteger.ONE));
    }

    @Test
    void replacementsBelowTenPercentAndOtherNonsenseAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> settings(new BigDecimal("9.99"), 200));
        assertThrows(IllegalArgumentException.class, () -> new OutboxSettings(20, BigInteger.ONE, 25, GWEI, GWEI,
                BigDecimal.TEN, Duration.ofSeconds(1), 0, Duration.ofSeconds(1), Duration.ofSeconds(1), 10, CrashPoint.NONE));
        assertThrows(IllegalArgumentException.class, () -> new OutboxSettings(20, BigInteger.ZERO, 25, GWEI, GWEI,
                BigDecimal.TEN, Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(1), 10, CrashPoint.NONE));
        assertThrows(IllegalArgumentException.class, () -> new OutboxSettings(20, BigInteger.ONE, 25, GWEI,
                GWEI.add(BigInteger.ONE), BigDecimal.TEN, Duration.ofSeconds(1), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 10, CrashPoint.NONE));
        assertThrows(IllegalArgumentException.class, () -> new OutboxSettings(20, BigInteger.ONE, 25, GWEI, GWEI,
                BigDecimal.TEN, Duration.ofSeconds(1), 1, Duration.ofSeconds(2), Duration.ofSeconds(1), 10, CrashPoint.NONE));
    }

    @Test
    void gweiConfigurationBecomesWei() {
        assertEquals(BigInteger.valueOf(1_500_000_000L), OutboxSettings.wei(new BigDecimal("1.5")));
        assertEquals(BigInteger.ONE, OutboxSettings.wei(new BigDecimal("0.0000000001")));
    }

    @Test
    void feesLeaveRoomForTheBaseFeeToDoubleUnderTheCap() {
        FeeOracle oracle = new FeeOracle(null, settings(new BigDecimal("12.5"), 200));
        Fees normal = oracle.suggest(new FeeOracle.Market(GWEI.multiply(BigInteger.TEN), GWEI.multiply(BigInteger.TWO)))
                .orElseThrow();
        assertEquals(GWEI.multiply(BigInteger.valueOf(22)), normal.maxFeePerGas());
        assertEquals(GWEI.multiply(BigInteger.TWO), normal.maxPriorityFeePerGas());

        Fees capped = oracle.suggest(new FeeOracle.Market(GWEI.multiply(BigInteger.valueOf(150)), GWEI)).orElseThrow();
        assertEquals(GWEI.multiply(BigInteger.valueOf(200)), capped.maxFeePerGas());

        Optional<Fees> priced = oracle.suggest(new FeeOracle.Market(GWEI.multiply(BigInteger.valueOf(200)), GWEI));
        assertTrue(priced.isEmpty(), "a base fee at the cap leaves no room for the tip");
    }

    @Test
    void revertDataIsFoundInTheShapesNodesSendIt() {
        assertEquals("0x142d5a56", ChainCalls.revertData("0x142d5a56"));
        assertEquals("0x142d5a56aa", ChainCalls.revertData("\"0x142d5a56aa\""));
        assertEquals("0x142d5a56", ChainCalls.revertData("Reverted 0x142d5a56"));
        assertNull(ChainCalls.revertData("0x"));
        assertNull(ChainCalls.revertData(null));
        assertEquals("CreditOracleNonceUsed", OutboxWorker.REVERTS.name("0x142d5a56" + "00".repeat(64)));
    }
}
