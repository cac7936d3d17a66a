package io.creditlayer.contracts.attestation;

import org.web3j.crypto.WalletUtils;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The EIP-712 message a scorer signs and the CreditOracle verifies: field for field the Solidity struct
 * {@code ICreditOracle.ScoreAttestation}.
 *
 * @param borrower          the borrower's address (0x-prefixed, 20 bytes)
 * @param score             300..850
 * @param tier              1..5 (0, unscored, is never attested)
 * @param modelId           32-byte id of the approved model that produced the score
 * @param featureCommitment keccak-256 commitment to the canonical feature vector
 * @param issuedAt          unix seconds
 * @param expiresAt         unix seconds, after issuedAt
 * @param nonce             one-use number, unique per borrower
 */
public record ScoreAttestation(
        String borrower,
        int score,
        int tier,
        byte[] modelId,
        byte[] featureCommitment,
        long issuedAt,
        long expiresAt,
        BigInteger nonce) {

    public static final int MIN_SCORE = 300;
    public static final int MAX_SCORE = 850;
    public static final int MAX_TIER = 5;

    public ScoreAttestation {
        if (borrower == null || !WalletUtils.isValidAddress(borrower) || !borrower.startsWith("0x")) {
            throw new IllegalArgumentException("borrower must be a 0x-prefixed 20-byte address: " + borrower);
        }
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new IllegalArgumentException("score must be within " + MIN_SCORE + ".." + MAX_SCORE + ": " + score);
        }
        if (tier < 1 || tier > MAX_TIER) {
            throw new IllegalArgumentException("tier must be within 1.." + MAX_TIER + ": " + tier);
        }
        requireBytes32("modelId", modelId);
        requireBytes32("featureCommitment", featureCommitment);
        if (expiresAt <= issuedAt) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
        Objects.requireNonNull(nonce, "nonce");
        if (nonce.signum() < 0 || nonce.bitLength() > 256) {
            throw new IllegalArgumentException("nonce must be a uint256");
        }
        modelId = modelId.clone();
        featureCommitment = featureCommitment.clone();
    }

    @Override
    public byte[] modelId() {
        return modelId.clone();
    }

    @Override
    public byte[] featureCommitment() {
        return featureCommitment.clone();
    }

    private static void requireBytes32(String name, byte[] value) {
        if (value == null || value.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes");
        }
    }
}
