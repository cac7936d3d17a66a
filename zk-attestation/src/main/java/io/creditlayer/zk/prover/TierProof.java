package io.creditlayer.zk.prover;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Groth16 tier proof as snarkjs made it.
 *
 * @param proofJson     snarkjs's proof.json (pi_a, pi_b, pi_c, protocol, curve)
 * @param publicSignals root, borrower, tier, modelId, epoch
 * @param calldata      the eight words CreditOracle.proveTier takes: a.x, a.y, b.x1, b.x0, b.y1, b.y0, c.x, c.y
 * @param provingTime   witness generation and proving inside snarkjs
 * @param wallTime      the whole prover process, node start-up and key loading included
 */
public record TierProof(String proofJson, List<BigInteger> publicSignals, List<BigInteger> calldata,
                        Duration provingTime, Duration wallTime) {
    public TierProof {
        Objects.requireNonNull(proofJson, "proofJson");
        publicSignals = List.copyOf(publicSignals);
        calldata = List.copyOf(calldata);
        Objects.requireNonNull(provingTime, "provingTime");
        Objects.requireNonNull(wallTime, "wallTime");
        if (publicSignals.size() != 5) {
            throw new IllegalArgumentException("a tier proof has 5 public signals, got " + publicSignals.size());
        }
        if (calldata.size() != 8) {
            throw new IllegalArgumentException("a tier proof has 8 calldata words, got " + calldata.size());
        }
    }

    /** snarkjs's public.json: the public signals as decimal strings. */
    public String publicSignalsJson() {
        return publicSignals.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
