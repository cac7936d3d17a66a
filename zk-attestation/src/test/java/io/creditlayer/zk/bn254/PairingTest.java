package io.creditlayer.zk.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bilinearity, non-degeneracy and the product check of the optimal ate pairing. */
class PairingTest {
    private static final BigInteger R = Bn254.R;
    private final Random random = new Random(11);

    private BigInteger scalar() {
        return new BigInteger(256, random).mod(R.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    }

    @Test
    void bilinear() {
        Fp12Element base = Pairing.pairing(G1Point.GENERATOR, G2Point.GENERATOR);
        for (int n = 0; n < 3; n++) {
            BigInteger a = scalar(), b = scalar();
            Fp12Element e = Pairing.pairing(G1Point.GENERATOR.multiply(a), G2Point.GENERATOR.multiply(b));
            assertEquals(base.pow(a.multiply(b).mod(R)), e);
        }
        G1Point p1 = G1Point.GENERATOR.multiply(scalar()), p2 = G1Point.GENERATOR.multiply(scalar());
        G2Point q = G2Point.GENERATOR.multiply(scalar());
        assertEquals(Pairing.pairing(p1, q).multiply(Pairing.pairing(p2, q)), Pairing.pairing(p1.add(p2), q));
        G2Point q2 = G2Point.GENERATOR.multiply(scalar());
        assertEquals(Pairing.pairing(p1, q).multiply(Pairing.pairing(p1, q2)), Pairing.pairing(p1, q.add(q2)));
    }

    /**
     * e(G1, G2) as ffjavascript 0.3 (snarkjs's curve library) computes it, printed by
     * {@code curve.Gt.toObject(curve.pairing(curve.G1.g, curve.G2.g))}: an independent implementation with the
     * same tower and the same final-exponentiation multiple.
     */
    private static final List<String> GENERATORS_PAIRING = List.of(
            "17264119758069723980713015158403419364912226240334615592005620718956030922389",
            "1300711225518851207585954685848229181392358478699795190245709208408267917898",
            "8894217292938489450175280157304813535227569267786222825147475294561798790624",
            "1829859855596098509359522796979920150769875799037311140071969971193843357227",
            "4968700049505451466697923764727215585075098085662966862137174841375779106779",
            "12814315002058128940449527172080950701976819591738376253772993495204862218736",
            "4233474252585134102088637248223601499779641130562251948384759786370563844606",
            "9420544134055737381096389798327244442442230840902787283326002357297404128074",
            "13457906610892676317612909831857663099224588803620954529514857102808143524905",
            "5122435115068592725432309312491733755581898052459744089947319066829791570839",
            "8891987925005301465158626530377582234132838601606565363865129986128301774627",
            "440796048150724096437130979851431985500142692666486515369083499585648077975");

    @Test
    void knownValueOfThePairingOfTheGenerators() {
        Fp12Element e = Pairing.pairing(G1Point.GENERATOR, G2Point.GENERATOR);
        assertEquals(GENERATORS_PAIRING, e.coefficients().stream().map(BigInteger::toString).toList());
    }

    @Test
    void nonDegenerateWithValuesOfOrderR() {
        Fp12Element e = Pairing.pairing(G1Point.GENERATOR, G2Point.GENERATOR);
        assertFalse(e.isOne());
        assertTrue(e.pow(R).isOne());
        assertTrue(Pairing.pairing(G1Point.INFINITY, G2Point.GENERATOR).isOne());
        assertTrue(Pairing.pairing(G1Point.GENERATOR, G2Point.INFINITY).isOne());
    }

    @Test
    void productCheck() {
        BigInteger a = scalar(), b = scalar();
        G1Point p = G1Point.GENERATOR.multiply(a);
        G2Point q = G2Point.GENERATOR.multiply(b);
        // e(aP, bQ) · e(-abP, Q) = 1
        assertTrue(Pairing.check(List.of(p, G1Point.GENERATOR.multiply(a.multiply(b)).negate()),
                List.of(q, G2Point.GENERATOR)));
        assertFalse(Pairing.check(List.of(p, G1Point.GENERATOR.multiply(a.multiply(b))),
                List.of(q, G2Point.GENERATOR)));
        assertTrue(Pairing.check(List.of(), List.of()));
        assertTrue(Pairing.check(List.of(G1Point.INFINITY, p, p.negate()), List.of(q, q, q)));
        // four pairs, as in Groth16: e(-A, B)·e(α, β)·e(X, γ)·e(C, δ) with A·B = α·β + X·γ + C·δ
        BigInteger alpha = scalar(), beta = scalar(), x = scalar(), gamma = scalar(), c = scalar(), delta = scalar();
        BigInteger ab = alpha.multiply(beta).add(x.multiply(gamma)).add(c.multiply(delta)).mod(R);
        BigInteger bScalar = scalar();
        BigInteger aScalar = ab.multiply(bScalar.modInverse(R)).mod(R);
        List<G1Point> g1 = List.of(G1Point.GENERATOR.multiply(aScalar).negate(), G1Point.GENERATOR.multiply(alpha),
                G1Point.GENERATOR.multiply(x), G1Point.GENERATOR.multiply(c));
        List<G2Point> g2 = List.of(G2Point.GENERATOR.multiply(bScalar), G2Point.GENERATOR.multiply(beta),
                G2Point.GENERATOR.multiply(gamma), G2Point.GENERATOR.multiply(delta));
        assertTrue(Pairing.check(g1, g2));
        assertFalse(Pairing.check(List.of(g1.get(0), g1.get(1), g1.get(2), g1.get(3).add(G1Point.GENERATOR)), g2));
    }

    @Test
    void millerLoopAloneIsNotTheAnswer() {
        // the final exponentiation is what makes the value independent of the line scalings
        Fp12Element f = Pairing.millerLoop(List.of(G1Point.GENERATOR), List.of(G2Prepared.of(G2Point.GENERATOR)));
        assertNotEquals(f, Pairing.pairing(G1Point.GENERATOR, G2Point.GENERATOR));
        assertEquals(Pairing.finalExponentiation(f), Pairing.pairing(G1Point.GENERATOR, G2Point.GENERATOR));
    }
}
