package io.creditlayer.deploy.scenario;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options, archetype mix and price path: validated, deterministic, and as documented. */
class ScenarioOptionsTest {
    @Test
    void optionsAreValidatedInTheConstructor() {
        ScenarioOptions defaults = ScenarioOptions.defaults();
        assertEquals(1_000, defaults.wallets());
        assertEquals(180, defaults.days());
        assertThrows(IllegalArgumentException.class, () -> defaults.withWallets(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withDays(6));
        assertThrows(NullPointerException.class, () -> defaults.withMix(null));
        assertThrows(IllegalArgumentException.class, () -> ArchetypeMix.parse("steady=-1"));
        assertThrows(IllegalArgumentException.class, () -> ArchetypeMix.parse("whales=3"));
        assertThrows(IllegalArgumentException.class, () -> ArchetypeMix.parse("steady=0"));
    }

    @Test
    void defaultMixMatchesTheDocumentedProportions() {
        Map<Archetype, Integer> counts = ArchetypeMix.defaults().counts(1_000);
        assertEquals(Map.of(Archetype.STEADY, 300, Archetype.TRADER, 120, Archetype.LATE_REPAYER, 120,
                Archetype.DEFAULTER, 80, Archetype.LIQUIDATED, 100, Archetype.FRESH, 150, Archetype.SYBIL, 80,
                Archetype.MIXER_USER, 50), counts);
    }

    @Test
    void smallScenariosStillHoldEveryArchetype() {
        for (int wallets = 8; wallets <= 60; wallets++) {
            Map<Archetype, Integer> counts = ArchetypeMix.defaults().counts(wallets);
            assertEquals(wallets, counts.values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(counts.values().stream().allMatch(c -> c >= 1), "every archetype at " + wallets + ": " + counts);
        }
        Map<Archetype, Integer> onlyTwo = ArchetypeMix.parse("steady=3, mixer-user=1").counts(8);
        assertEquals(6, onlyTwo.get(Archetype.STEADY));
        assertEquals(2, onlyTwo.get(Archetype.MIXER_USER));
        assertEquals(0, onlyTwo.get(Archetype.TRADER));
    }

    @Test
    void pricePathIsSeededCorrectsAtAThirdAndCrashesAtFourFifths() {
        PricePath path = PricePath.generate(42, 180);
        assertArrayEquals(path.answers(), PricePath.generate(42, 180).answers());
        assertFalse(java.util.Arrays.equals(path.answers(), PricePath.generate(43, 180).answers()));
        assertEquals(PricePath.INITIAL_ANSWER, path.answer(0).longValueExact());
        assertEquals(144, path.crashStart());
        double beforeCorrection = path.price(59);
        double afterCorrection = path.price(59 + path.crashDays());
        assertTrue(afterCorrection / beforeCorrection < 0.82 && afterCorrection / beforeCorrection > 0.68,
                "correction of about -25%: " + afterCorrection / beforeCorrection);
        double before = path.price(path.crashStart() - 1);
        double after = path.price(path.crashStart() + path.crashDays() - 1);
        assertTrue(after / before < 0.72 && after / before > 0.58, "crash of about -35%: " + after / before);
        double recovered = path.price(Math.min(179, path.crashStart() + path.crashDays() + 29));
        assertTrue(recovered > after, "partial recovery");
    }

    @Test
    void walletKeysAreDerivedFromTheSeed() {
        assertEquals(Seeds.key(1, "wallet/0").getAddress(), Seeds.key(1, "wallet/0").getAddress());
        assertFalse(Seeds.key(1, "wallet/0").getAddress().equals(Seeds.key(2, "wallet/0").getAddress()));
        assertFalse(Seeds.key(1, "wallet/0").getAddress().equals(Seeds.key(1, "wallet/1").getAddress()));
    }
}
