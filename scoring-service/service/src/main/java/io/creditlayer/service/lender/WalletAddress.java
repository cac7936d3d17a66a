package io.creditlayer.service.lender;

import io.creditlayer.service.api.problem.ApiProblem;
import org.web3j.crypto.Keys;

import java.util.Locale;
import java.util.Optional;

/**
 * Parses wallet addresses as the API accepts them: {@code 0x} and 40 hex digits, either all lower-case, all
 * upper-case or EIP-55 mixed-case with a valid checksum. A mixed-case address with a wrong checksum is refused:
 * it is most likely mistyped, and scoring a different wallet than the one meant is worse than an error.
 */
public final class WalletAddress {
    public static final String PROBLEM = "invalid-address";

    private WalletAddress() {
    }

    /** The lower-case form of a valid address. @throws ApiProblem 400 invalid-address otherwise */
    public static String parse(String input) {
        return normalize(input).orElseThrow(() -> ApiProblem.badRequest(PROBLEM, describe(input)));
    }

    /** The lower-case form of a valid address, or empty (no exception: batch items report it themselves). */
    public static Optional<String> normalize(String input) {
        if (input == null || input.length() != 42 || input.charAt(0) != '0' || input.charAt(1) != 'x') {
            return Optional.empty();
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 2; i < 42; i++) {
            char c = input.charAt(i);
            if (c >= 'a' && c <= 'f') {
                lower = true;
            } else if (c >= 'A' && c <= 'F') {
                upper = true;
            } else if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        if (!upper) {
            return Optional.of(input);
        }
        String normalized = input.toLowerCase(Locale.ROOT);
        if (lower && !Keys.toChecksumAddress(normalized).equals(input)) {
            return Optional.empty();
        }
        return Optional.of(normalized);
    }

    /** Why an input is not a valid address (for the problem's detail). */
    public static String describe(String input) {
        if (input == null || input.isEmpty()) {
            return "a wallet address is required (0x followed by 40 hex digits)";
        }
        String shown = input.length() > 64 ? input.substring(0, 64) + "..." : input;
        if (input.length() == 42 && input.startsWith("0x") && input.substring(2).matches("[0-9a-fA-F]{40}")) {
            return "\"" + shown + "\" has an invalid EIP-55 checksum (mixed case); send it all lower-case or correctly checksummed";
        }
        return "\"" + shown + "\" is not a wallet address (0x followed by 40 hex digits)";
    }
}
