package io.creditlayer.zk.bn254;

/**
 * An encoding that is not a valid BN254 element: a coordinate not below p, a point not on its curve or (G2) not
 * in the order-r subgroup, or input of the wrong length. Values are rejected, never reduced.
 */
public class Bn254FormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public Bn254FormatException(String message) {
        super(message);
    }
}
