package io.creditlayer.service.siwe;

/**
 * An EIP-4361 message that does not follow the ABNF. {@link #field()} names the offending part in the terms of
 * the specification ("domain", "address", "statement", "uri", "version", "chainId", "nonce", "issuedAt",
 * "expirationTime", "notBefore", "requestId", "resources", or "message" for the layout as a whole).
 */
public final class SiweFormatException extends RuntimeException {
    private final String field;

    public SiweFormatException(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
