package io.creditlayer.service.siwe;

import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Recovers the signer of an EIP-191 {@code personal_sign} signature over a message's exact UTF-8 bytes. Only the
 * canonical form is accepted: 65 bytes r ‖ s ‖ v, v ∈ {27, 28} (or 0/1, which some wallets and hardware signers
 * emit), s in the lower half of the curve order as EIP-2 requires for transactions, so that each signed message
 * has exactly one valid signature (no malleable twin with s' = n − s).
 */
public final class SiweSignatures {
    /** secp256k1 order n; EIP-2 limits s to n / 2. */
    private static final BigInteger HALF_CURVE_ORDER = Sign.CURVE_PARAMS.getN().shiftRight(1);
    private static final int LENGTH = 65;

    private SiweSignatures() {
    }

    /** Why a signature was refused. */
    public enum Failure {
        /** Not 0x + 130 hex digits. */
        MALFORMED,
        /** v outside 27/28/0/1. */
        BAD_V,
        /** s above n / 2 (the malleable twin of a canonical signature), or r or s zero or out of range. */
        NON_CANONICAL,
        /** No public key can be recovered from it. */
        UNRECOVERABLE
    }

    /** A refused signature. */
    public static final class InvalidSignatureException extends RuntimeException {
        private final Failure failure;

        InvalidSignatureException(Failure failure, String detail) {
            super(detail, null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /**
     * The lower-case 0x address that produced {@code signatureHex} over {@code message}.
     *
     * @throws InvalidSignatureException when the signature is malformed or not canonical
     */
    public static String recoverSigner(String message, String signatureHex) {
        byte[] signature = decode(signatureHex);
        int v = signature[64] & 0xFF;
        if (v == 0 || v == 1) {
            v += 27;
        }
        if (v != 27 && v != 28) {
            throw new InvalidSignatureException(Failure.BAD_V, "signature v must be 27 or 28 (or 0 or 1), got " + (signature[64] & 0xFF));
        }
        byte[] r = Arrays.copyOfRange(signature, 0, 32);
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        BigInteger rValue = new BigInteger(1, r);
        BigInteger sValue = new BigInteger(1, s);
        BigInteger n = Sign.CURVE_PARAMS.getN();
        if (rValue.signum() == 0 || rValue.compareTo(n) >= 0 || sValue.signum() == 0) {
            throw new InvalidSignatureException(Failure.NON_CANONICAL, "signature r and s must be within (0, n)");
        }
        if (sValue.compareTo(HALF_CURVE_ORDER) > 0 || !new ECDSASignature(rValue, sValue).isCanonical()) {
            throw new InvalidSignatureException(Failure.NON_CANONICAL,
                    "signature s is in the upper half of the curve order (malleable form); sign again with a standard wallet");
        }
        try {
            BigInteger publicKey = Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8),
                    new Sign.SignatureData((byte) v, r, s));
            return "0x" + Keys.getAddress(publicKey).toLowerCase(Locale.ROOT);
        } catch (SignatureException | RuntimeException e) {
            throw new InvalidSignatureException(Failure.UNRECOVERABLE, "no signer can be recovered from the signature");
        }
    }

    /** The 65-byte r ‖ s ‖ v encoding of web3j signature data, 0x-hex (what wallets return from personal_sign). */
    public static String encode(Sign.SignatureData data) {
        byte[] out = new byte[LENGTH];
        System.arraycopy(data.getR(), 0, out, 0, 32);
        System.arraycopy(data.getS(), 0, out, 32, 32);
        out[64] = data.getV()[0];
        return "0x" + HexFormat.of().formatHex(out);
    }

    private static byte[] decode(String hex) {
        if (hex == null || hex.length() != 2 + 2 * LENGTH || !(hex.startsWith("0x") || hex.startsWith("0X"))) {
            throw new InvalidSignatureException(Failure.MALFORMED,
                    "signature must be 0x followed by 130 hex digits (65 bytes r, s, v)");
        }
        try {
            return HexFormat.of().parseHex(hex, 2, hex.length());
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException(Failure.MALFORMED, "signature contains a character that is not a hex digit");
        }
    }
}
