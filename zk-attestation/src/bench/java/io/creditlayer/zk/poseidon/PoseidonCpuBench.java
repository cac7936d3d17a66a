package io.creditlayer.zk.poseidon;

import io.creditlayer.zk.bench.CpuTimer;
import io.creditlayer.zk.tree.TierEntry;
import io.creditlayer.zk.tree.TierTree;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * PoseidonBench's cases by CPU time ({@link CpuTimer}), steadier than JMH's wall time on a shared machine:
 * java -cp ... io.creditlayer.zk.poseidon.PoseidonCpuBench [rounds] [skip65536].
 */
public final class PoseidonCpuBench {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Random random = new Random(3);
        BigInteger[] node = {new BigInteger(253, random), new BigInteger(253, random)};
        BigInteger[] leaf = {new BigInteger(160, random), BigInteger.valueOf(720), new BigInteger(248, random),
                BigInteger.valueOf(20_001), new BigInteger(253, random)};
        List<TierEntry> entries2000 = PoseidonBench.entries(2_000, random);
        System.out.println(CpuTimer.time("Poseidon hash2 (node, t=3)", 3, rounds, 300,
                () -> Poseidon.hash(node).longValue()));
        System.out.println(CpuTimer.time("Poseidon hash5 (leaf, t=6)", 3, rounds, 300,
                () -> Poseidon.hash(leaf).longValue()));
        // trees: the process's CPU time, since TierTree hashes large levels on the fork-join pool's threads too
        System.out.println(CpuTimer.timeProcess("TierTree.build, 2,000 entries", 1, rounds, 1,
                () -> TierTree.build(entries2000).root().longValue()));
        if (args.length < 2) {
            List<TierEntry> entries65536 = PoseidonBench.entries(TierTree.CAPACITY, random);
            System.out.println(CpuTimer.timeProcess("TierTree.build, 65,536 entries", 1, Math.min(rounds, 3), 1,
                    () -> TierTree.build(entries65536).root().longValue()));
        }
    }
}
