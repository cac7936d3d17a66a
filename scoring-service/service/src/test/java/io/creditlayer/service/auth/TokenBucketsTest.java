package io.creditlayer.service.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenBucketsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aKeyKeepsItsBucketAndItsDebt() {
        TokenBuckets<String> buckets = new TokenBuckets<>(100);
        TokenBucket first = buckets.of("a", 0, 1, 2);
        assertSame(first, buckets.of("a", 0, 50, 50), "an existing bucket keeps its own rate and capacity");
        assertEquals(0, first.take(0));
        assertEquals(0, first.take(0));
        assertEquals(1, first.take(0));
        first.refund(0);
        assertEquals(0, first.take(0), "a refunded token can be taken again");
        assertEquals(0, buckets.of("b", 0, 1, 2).take(0), "another key is not affected");
    }

    @Test
    void fullBucketsAreForgottenOnceTheBoundIsReached() {
        TokenBuckets<Integer> buckets = new TokenBuckets<>(3);
        buckets.of(1, 0, 1, 2).take(0); // in debt until 1 s
        buckets.of(2, 0, 1, 2);          // full
        buckets.of(3, 0, 1, 2);          // full
        buckets.of(4, 0, 1, 2);          // the bound is reached: 2 and 3 are forgotten, 1 is kept
        assertEquals(2, buckets.size());
        assertNull(buckets.existing(2));
        assertEquals(0, buckets.existing(1).take(0));
        assertEquals(1, buckets.existing(1).take(0), "the kept bucket still remembers what was taken");
        buckets.of(5, 2 * SECOND, 1, 2);
        assertEquals(3, buckets.size());
        buckets.of(6, 2 * SECOND, 1, 2); // by now every bucket is full again: all are forgotten
        assertEquals(1, buckets.size());
    }

    @Test
    void forgetDropsAKeysBucket() {
        TokenBuckets<String> buckets = new TokenBuckets<>(10);
        buckets.of("k", 0, 1, 1).take(0);
        buckets.forget("k");
        assertNull(buckets.existing("k"));
        assertEquals(0, buckets.of("k", 0, 1, 1).take(0));
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets<String>(0));
    }
}
