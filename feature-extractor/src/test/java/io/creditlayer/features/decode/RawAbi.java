package io.creditlayer.features.decode;

import java.math.BigInteger;

import org.web3j.protocol.core.methods.response.Log;

/**
 * A deliberately naive, independent reading of raw log words (plain substring + BigInteger), used only by tests to
 * cross-check what the web3j-based decoder produces. Not for production: no validation at all.
 */
final class RawAbi {

    private RawAbi() {
    }

    /** The address in topic {@code i} (1-based like the log: topic 0 is the signature hash). */
    static String topicAddress(Log log, int i) {
        return "0x" + log.getTopics().get(i).substring(26).toLowerCase();
    }

    /** Data word {@code i} as an unsigned integer. */
    static BigInteger word(Log log, int i) {
        String data = log.getData().substring(2);
        return new BigInteger(data.substring(64 * i, 64 * (i + 1)), 16);
    }

    /** Data word {@code i} as a two's-complement int256. */
    static BigInteger signedWord(Log log, int i) {
        BigInteger w = word(log, i);
        return w.testBit(255) ? w.subtract(BigInteger.ONE.shiftLeft(256)) : w;
    }

    /** Data word {@code i} as an address. */
    static String wordAddress(Log log, int i) {
        String data = log.getData().substring(2);
        return "0x" + data.substring(64 * i + 24, 64 * (i + 1)).toLowerCase();
    }
}
