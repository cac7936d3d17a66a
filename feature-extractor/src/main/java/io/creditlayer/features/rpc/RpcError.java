package io.creditlayer.features.rpc;

import java.util.Locale;

/**
 * A JSON-RPC failure as a value, classified so that callers can react: shrink the range, back off, or stop.
 *
 * @param kind    what the caller should do about it
 * @param message the endpoint's message (one line)
 */
public record RpcError(Kind kind, String message) {

    public enum Kind {
        /** The endpoint limits the block range of eth_getLogs: ask for fewer blocks. */
        RANGE_TOO_LARGE,
        /** The answer would hold too many logs: ask for fewer blocks. */
        TOO_MANY_RESULTS,
        /** HTTP 429 or a provider's rate-limit message: wait, then retry. */
        RATE_LIMITED,
        /** Connection problems, timeouts, 5xx: retry with backoff. */
        TRANSIENT,
        /** Anything else (bad parameters, unknown method): retrying will not help. */
        FATAL
    }

    /** Classifies a JSON-RPC error by the messages that public providers and nodes actually send. */
    public static RpcError classify(int code, String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (code == 429 || text.contains("rate limit") || text.contains("too many requests") || text.contains("exceeded its")
                && text.contains("capacity")) {
            return new RpcError(Kind.RATE_LIMITED, message);
        }
        if (text.contains("more than") && text.contains("results") || text.contains("response size")
                || text.contains("too many logs") || text.contains("log response size exceeded")
                || text.contains("query timeout") || text.contains("limit exceeded")) {
            return new RpcError(Kind.TOO_MANY_RESULTS, message);
        }
        if (text.contains("block range") || text.contains("range is too") || text.contains("range too")
                || text.contains("max block range") || text.contains("exceed maximum block range")
                || text.contains("blocks range") || text.contains("range limit")) {
            return new RpcError(Kind.RANGE_TOO_LARGE, message);
        }
        if (code >= 500 && code < 600 || code == -32603 && text.contains("timeout")) {
            return new RpcError(Kind.TRANSIENT, message);
        }
        return new RpcError(Kind.FATAL, message);
    }

    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.TRANSIENT;
    }

    public boolean shrinkRange() {
        return kind == Kind.RANGE_TOO_LARGE || kind == Kind.TOO_MANY_RESULTS;
    }
}
