package io.creditlayer.service.siwe;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** EIP-191 signer recovery: real web3j signatures, and the malleable and malformed forms it must refuse. */
class BorrowerSiweSignatureTest {
    private static final ECKeyPair KEY = ECKeyPair.create(new BigInteger("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", 16));
    private static final String ADDRESS = "0x" + Keys.getAddress(KEY.getPublicKey()).toLowerCase(Locale.ROOT);
    private static final String MESSAGE = BorrowerSiweMessageTest.MINIMAL;

    private static byte[] raw(String hex) {
        return HexFormat.of().parseHex(hex.substring(2));
    }

    private static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    private static String sign(String message) {
        return SiweSignatures.encode(Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), KEY));
    }

    @Test
    void recoversTheSignerOfAPersonalSignSignature() {
        assertEquals(ADDRESS, SiweSignatures.recoverSigner(MESSAGE, sign(MESSAGE)));
    }

    @Test
    void acceptsVAsZeroOrOne() {
        byte[] signature = raw(sign(MESSAGE));
        signature[64] -= 27;
        assertEquals(ADDRESS, SiweSignatures.recoverSigner(MESSAGE, hex(signature)));
    }

    @Test
    void anotherMessageRecoversAnotherAddress() {
        String tampered = MESSAGE.replace("Chain ID: 31337", "Chain ID: 31338");
        assertNotEquals(ADDRESS, SiweSignatures.recoverSigner(tampered, sign(MESSAGE)));
    }

    @Test
    void refusesTheMalleableHighSTwin() {
        byte[] signature = raw(sign(MESSAGE));
        BigInteger n = Sign.CURVE_PARAMS.getN();
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        BigInteger highS = n.subtract(s);
        byte[] twin = signature.clone();
        byte[] highSBytes = toBytes32(highS);
        System.arraycopy(highSBytes, 0, twin, 32, 32);
        twin[64] = (byte) (signature[64] == 27 ? 28 : 27);
        // the twin is a valid ECDSA signature of the same key: exactly why it must be refused
        byte[] hash = Sign.getEthereumMessageHash(MESSAGE.getBytes(StandardCharsets.UTF_8));
        BigInteger recovered = Sign.recoverFromSignature((twin[64] & 0xFF) - 27, new ECDSASignature(r, highS), hash);
        assertEquals(KEY.getPublicKey(), recovered);

        SiweSignatures.InvalidSignatureException e = assertThrows(SiweSignatures.InvalidSignatureException.class,
                () -> SiweSignatures.recoverSigner(MESSAGE, hex(twin)));
        assertEquals(SiweSignatures.Failure.NON_CANONICAL, e.failure());
    }

    @Test
    void refusesVOutsideTheAcceptedValues() {
        for (int v : new int[] {2, 26, 29, 35, 37, 255}) {
            byte[] signature = raw(sign(MESSAGE));
            signature[64] = (byte) v;
            SiweSignatures.InvalidSignatureException e = assertThrows(SiweSignatures.InvalidSignatureException.class,
                    () -> SiweSignatures.recoverSigner(MESSAGE, hex(signature)));
            assertEquals(SiweSignatures.Failure.BAD_V, e.failure(), "v = " + v);
        }
    }

    @Test
    void refusesZeroROrS() {
        byte[] zeroR = raw(sign(MESSAGE));
        java.util.Arrays.fill(zeroR, 0, 32, (byte) 0);
        assertEquals(SiweSignatures.Failure.NON_CANONICAL, assertThrows(SiweSignatures.InvalidSignatureException.class,
                () -> SiweSignatures.recoverSigner(MESSAGE, hex(zeroR))).failure());
        byte[] zeroS = raw(sign(MESSAGE));
        java.util.Arrays.fill(zeroS, 32, 64, (byte) 0);
        assertEquals(SiweSignatures.Failure.NON_CANONICAL, assertThrows(SiweSignatures.InvalidSignatureException.class,
                () -> SiweSignatures.recoverSigner(MESSAGE, hex(zeroS))).failure());
    }

    @Test
    void refusesMalformedEncodings() {
        String good = sign(MESSAGE);
        for (String bad : new String[] {null, "", good.substring(2), good.substring(0, 130), good + "00",
                good.substring(0, 131) + "g", "0x" + "00".repeat(64)}) {
            SiweSignatures.InvalidSignatureException e = assertThrows(SiweSignatures.InvalidSignatureException.class,
                    () -> SiweSignatures.recoverSigner(MESSAGE, bad));
            assertEquals(SiweSignatures.Failure.MALFORMED, e.failure(), String.valueOf(bad));
        }
    }

    private static byte[] toBytes32(BigInteger value) {
        byte[] out = new byte[32];
        byte[] raw = value.toByteArray();
        int copy = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
