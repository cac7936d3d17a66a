package io.creditlayer.zk.poseidon;

import io.creditlayer.zk.tree.TierEntry;
import io.creditlayer.zk.tree.TierTree;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Poseidon as the tier tree uses it: {@code hash2} is a Merkle node (t = 3), {@code hash5} a leaf
 * (Poseidon(borrower, score, modelId, epoch, salt), t = 6); {@code tree2000} and {@code tree65536} build a whole
 * epoch tree of that many entries (leaves, then about as many node hashes; 65,536 fills the depth-16 tree).
 * Sample time for the hashes (median and percentiles), single shots for the trees.
 */
@State(Scope.Benchmark)
@Fork(1)
public class PoseidonBench {
    private BigInteger[] node;
    private BigInteger[] leaf;
    private List<TierEntry> entries2000;
    private List<TierEntry> entries65536;

    @Setup
    public void entries() {
        Random random = new Random(3);
        node = new BigInteger[] {new BigInteger(253, random), new BigInteger(253, random)};
        leaf = new BigInteger[] {new BigInteger(160, random), BigInteger.valueOf(720), new BigInteger(248, random),
                BigInteger.valueOf(20_001), new BigInteger(253, random)};
        entries2000 = entries(2_000, random);
        entries65536 = entries(TierTree.CAPACITY, random);
    }

    static List<TierEntry> entries(int count, Random random) {
        BigInteger modelId = new BigInteger(248, random);
        List<TierEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new TierEntry(new BigInteger(160, random), 300 + random.nextInt(551), modelId, 20_001,
                    new BigInteger(250, random)));
        }
        return entries;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public BigInteger hash2() {
        return Poseidon.hash(node);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public BigInteger hash5() {
        return Poseidon.hash(leaf);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 7)
    public BigInteger tree2000() {
        return TierTree.build(entries2000).root();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public BigInteger tree65536() {
        return TierTree.build(entries65536).root();
    }
}
