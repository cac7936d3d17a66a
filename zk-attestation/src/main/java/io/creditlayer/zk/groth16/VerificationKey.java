package io.creditlayer.zk.groth16;

import io.creditlayer.zk.bn254.G1Point;
import io.creditlayer.zk.bn254.G2Point;
import java.util.List;
import java.util.Objects;

/**
 * A Groth16 verification key over BN254 (snarkjs's verification_key.json): α in G1, β, γ, δ in G2, and the
 * points IC_0..IC_n that weigh the n public inputs.
 *
 * <p>Refused: α, β, γ or δ at infinity, and γ = δ. snarkjs's key straight out of {@code groth16 setup}, before any
 * phase-2 contribution, has γ = δ = the G2 generator; with γ = δ anyone can move a proof's public part into C and
 * prove any public input, so such a key is never accepted.
 */
public record VerificationKey(G1Point alpha, G2Point beta, G2Point gamma, G2Point delta, List<G1Point> ic) {
    public VerificationKey {
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(beta, "beta");
        Objects.requireNonNull(gamma, "gamma");
        Objects.requireNonNull(delta, "delta");
        ic = List.copyOf(Objects.requireNonNull(ic, "ic"));
        if (ic.isEmpty()) {
            throw new Groth16FormatException("verification key: IC must hold at least IC_0");
        }
        if (alpha.isInfinity() || beta.isInfinity() || gamma.isInfinity() || delta.isInfinity()) {
            throw new Groth16FormatException("verification key: alpha, beta, gamma and delta must not be the point at infinity");
        }
        if (gamma.equals(delta)) {
            throw new Groth16FormatException("verification key: gamma equals delta, which lets anyone forge proofs "
                    + "(a key from groth16 setup without a phase-2 contribution?)");
        }
    }

    /** The number of public inputs a proof carries: IC's size minus one. */
    public int publicInputCount() {
        return ic.size() - 1;
    }
}
