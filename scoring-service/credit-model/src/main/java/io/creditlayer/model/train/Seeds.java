package io.creditlayer.model.train;

/** Derives independent seeds for the parts of a training run from one seed (SplitMix64 finalizer). */
final class Seeds {
    private Seeds() {
    }

    static long derive(long seed, long... path) {
        long s = mix(seed);
        for (long p : path) {
            s = mix(s ^ mix(p + 0x632BE59BD9B4E019L));
        }
        return s;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
