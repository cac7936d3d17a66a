package io.creditlayer.model;

/**
 * A problem the caller can fix (bad input, tampered or mismatched artifact, invalid options), with a message that
 * fits on one line and names what is wrong and where. The CLI prints the message alone.
 */
public class CreditModelException extends RuntimeException {
    public CreditModelException(String message) {
        super(oneLine(message));
    }

    public CreditModelException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.replace('\n', ' ').replace('\r', ' ');
    }
}
