package io.creditlayer.fairness;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of the JSON report's bytes: the value recorded in ModelRegistry.recordFairnessReport as the bytes32
 * report hash.
 */
public record ReportHash(byte[] bytes) {

    public ReportHash {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
        }
        bytes = bytes.clone();
    }

    public static ReportHash of(byte[] data) {
        try {
            return new ReportHash(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** 64 lowercase hex digits. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** "0x" + 64 hex digits, as a bytes32 argument to a contract call. */
    public String bytes32() {
        return "0x" + hex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportHash h && java.util.Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes32();
    }
}
