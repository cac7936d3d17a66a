package io.creditlayer.fairness.cohorts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GermanCreditCohortsTest {
    @Test
    void codesMapAsTheDatasetDocumentsThem() {
        assertEquals("male", GermanCreditCohorts.sex("A91"));
        assertEquals("female", GermanCreditCohorts.sex("A92"));
        assertEquals("male", GermanCreditCohorts.sex("A93"));
        assertEquals("male", GermanCreditCohorts.sex("A94"));
        assertEquals("female", GermanCreditCohorts.sex("A95"));
        assertEquals("<=25", GermanCreditCohorts.ageBand("25"));
        assertEquals(">25", GermanCreditCohorts.ageBand("26"));
        assertEquals("yes", GermanCreditCohorts.foreignWorker("A201"));
        assertEquals("no", GermanCreditCohorts.foreignWorker("A202"));
        assertThrows(IllegalArgumentException.class, () -> GermanCreditCohorts.sex("A96"));
        assertThrows(IllegalArgumentException.class, () -> GermanCreditCohorts.ageBand("x"));
        assertThrows(IllegalArgumentException.class, () -> GermanCreditCohorts.foreignWorker("yes"));
    }
}
