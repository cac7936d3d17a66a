package io.creditlayer.zk.groth16;

/**
 * A verification key, proof or public input that is not acceptable as given: malformed JSON or bytes, a missing,
 * unknown or mistyped field, a number that is not a canonical decimal, a coordinate not below p, a point off its
 * curve or outside G2, a public input not below r, the wrong number of public inputs, or an unsafe key. Nothing is
 * reduced or repaired.
 */
public class Groth16FormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public Groth16FormatException(String message) {
        super(message);
    }

    public Groth16FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
