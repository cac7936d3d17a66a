package io.creditlayer.contracts.chain;

/** A chain interaction failed; the message is one line fit for a CLI or a log. */
public class ChainException extends RuntimeException {
    public ChainException(String message) {
        super(message);
    }

    public ChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
