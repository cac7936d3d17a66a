package io.creditlayer.features.profile;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureSchemaTest {

    @Test
    void theDictionaryListsEveryFeatureInOrder() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "features.md"));
        int previous = -1;
        for (Feature feature : FeatureSchema.features()) {
            int at = doc.indexOf("| " + feature.ordinal() + " | `" + feature.column() + "` | " + feature.unit() + " |");
            assertTrue(at > previous, feature + " is documented in docs/features.md, in order");
            previous = at;
        }
    }

    @Test
    void quantizationIsHalfEvenAtSixDecimalsAndRefusesNonFinite() {
        assertEquals(1_234_568, FeatureSchema.quantize(1.2345675));
        assertEquals(2, FeatureSchema.quantize(0.0000025));
        assertEquals(-1_500_000, FeatureSchema.quantize(-1.5));
        assertThrows(IllegalArgumentException.class, () -> FeatureSchema.quantize(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> FeatureSchema.quantize(Double.POSITIVE_INFINITY));
    }

    @Test
    void commitmentBindsEveryField() {
        long[] values = new long[FeatureSchema.size()];
        values[3] = 5_000_000;
        String hash = "0x" + "ab".repeat(32);
        String wallet = "0x" + "12".repeat(20);
        byte[] base = FeatureCommitment.compute(31337, 100, hash, wallet, values);
        assertArrayEquals(base, FeatureCommitment.compute(31337, 100, hash, wallet, values.clone()), "deterministic");
        assertFalse(java.util.Arrays.equals(base, FeatureCommitment.compute(1, 100, hash, wallet, values)), "chain");
        assertFalse(java.util.Arrays.equals(base, FeatureCommitment.compute(31337, 101, hash, wallet, values)), "block");
        assertFalse(java.util.Arrays.equals(base, FeatureCommitment.compute(31337, 100, "0x" + "ac".repeat(32), wallet, values)), "hash");
        assertFalse(java.util.Arrays.equals(base, FeatureCommitment.compute(31337, 100, hash, "0x" + "13".repeat(20), values)), "wallet");
        long[] changed = values.clone();
        changed[7] = 1;
        assertFalse(java.util.Arrays.equals(base, FeatureCommitment.compute(31337, 100, hash, wallet, changed)), "values");
        assertEquals(32, base.length);
        assertEquals(32, FeatureSchema.hash().length);
    }
}
