package io.creditlayer.service.siwe;

import org.web3j.crypto.Keys;

import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sign-In with Ethereum message (EIP-4361), parsed strictly by its ABNF:
 * <pre>
 *   [ scheme "://" ] domain " wants you to sign in with your Ethereum account:" LF
 *   address LF
 *   LF
 *   [ statement LF ]
 *   LF
 *   "URI: " uri LF
 *   "Version: " version LF
 *   "Chain ID: " chain-id LF
 *   "Nonce: " nonce LF
 *   "Issued At: " issued-at
 *   [ LF "Expiration Time: " expiration-time ]
 *   [ LF "Not Before: " not-before ]
 *   [ LF "Request ID: " request-id ]
 *   [ LF "Resources:" *( LF "- " URI ) ]
 * </pre>
 * Lines end with LF only, the fields come in this order, nothing follows the last one (no trailing LF), the
 * address carries its EIP-55 checksum, and times are RFC 3339 date-times. The compact constructor validates
 * every field the same way, so a message built in code is as valid as a parsed one.
 *
 * <p>Signatures are checked over the exact text received, never over {@link #toMessage()}: the two are equal for
 * every message this parser accepts, but the server never relies on that.
 *
 * @param scheme         optional URI scheme of the requesting origin (null when absent)
 * @param domain         RFC 3986 authority of the relying party, e.g. {@code localhost:8080}
 * @param address        EIP-55 checksummed 0x address that signs
 * @param statement      optional human-readable assertion (null when absent)
 * @param uri            RFC 3986 URI of the resource the session is for
 * @param version        always "1"
 * @param chainId        EIP-155 chain id
 * @param nonce          at least 8 alphanumeric characters, issued by the relying party
 * @param issuedAt       when the message was created
 * @param expirationTime optional end of validity (null when absent)
 * @param notBefore      optional start of validity (null when absent)
 * @param requestId      optional system-specific identifier (null when absent)
 * @param resources      RFC 3986 URIs the user wishes to have resolved (empty when absent); null means the
 *                       "Resources:" header itself is absent
 */
public record SiweMessage(String scheme, String domain, String address, String statement, String uri, String version,
                          long chainId, String nonce, Instant issuedAt, Instant expirationTime, Instant notBefore,
                          String requestId, List<String> resources) {
    /** The only version EIP-4361 defines. */
    public static final String VERSION = "1";
    /** Messages longer than this are refused before parsing (a sign-in message is a few hundred characters). */
    public static final int MAX_LENGTH = 4096;

    static final String PREAMBLE = " wants you to sign in with your Ethereum account:";
    private static final String URI_TAG = "URI: ";
    private static final String VERSION_TAG = "Version: ";
    private static final String CHAIN_TAG = "Chain ID: ";
    private static final String NONCE_TAG = "Nonce: ";
    private static final String ISSUED_TAG = "Issued At: ";
    private static final String EXPIRATION_TAG = "Expiration Time: ";
    private static final String NOT_BEFORE_TAG = "Not Before: ";
    private static final String REQUEST_ID_TAG = "Request ID: ";
    private static final String RESOURCES_TAG = "Resources:";
    private static final String RESOURCE_PREFIX = "- ";

    // RFC 3986 character classes (checked char by char: regex alternations recurse per character)
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final String GEN_DELIMS = ":/?#[]@";
    private static final String PCHAR = UNRESERVED + SUB_DELIMS + ":@";
    private static final String URI_CHARS = UNRESERVED + SUB_DELIMS + GEN_DELIMS;
    private static final String STATEMENT_CHARS = UNRESERVED + SUB_DELIMS + GEN_DELIMS + " ";
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern CHAIN_ID = Pattern.compile("[0-9]+");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,}");
    // RFC 3339 date-time; "T" and "Z" may be lower case (RFC 3339 section 5.6, note)
    private static final Pattern DATE_TIME = Pattern.compile(
            "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]+))?(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))");

    public SiweMessage {
        if (scheme != null && !SCHEME.matcher(scheme).matches()) {
            throw new SiweFormatException("scheme", "scheme must be an RFC 3986 URI scheme: " + quote(scheme));
        }
        if (domain == null || !authority(domain)) {
            throw new SiweFormatException("domain", "domain must be an RFC 3986 authority such as example.com:8080, got "
                    + quote(domain));
        }
        requireChecksummed(address);
        if (statement != null && (statement.isEmpty() || !rfc3986(statement, STATEMENT_CHARS, false))) {
            throw new SiweFormatException("statement", "statement must be one line of RFC 3986 reserved or unreserved "
                    + "characters and spaces (no line break, quote, percent sign or non-ASCII character)");
        }
        requireUri("uri", uri);
        if (!VERSION.equals(version)) {
            throw new SiweFormatException("version", "version must be 1, got " + quote(version));
        }
        if (chainId < 1) {
            throw new SiweFormatException("chainId", "chain id must be a positive EIP-155 chain id: " + chainId);
        }
        if (nonce == null || !NONCE.matcher(nonce).matches()) {
            throw new SiweFormatException("nonce", "nonce must be at least 8 letters or digits, got " + quote(nonce));
        }
        if (issuedAt == null) {
            throw new SiweFormatException("issuedAt", "issued-at is required");
        }
        if (expirationTime != null && !expirationTime.isAfter(issuedAt)) {
            throw new SiweFormatException("expirationTime", "expiration time must be after the issued-at time");
        }
        if (requestId != null && !rfc3986(requestId, PCHAR, true)) {
            throw new SiweFormatException("requestId", "request id must consist of RFC 3986 pchar characters");
        }
        if (resources != null) {
            resources = List.copyOf(resources);
            for (String resource : resources) {
                requireUri("resources", resource);
            }
        }
    }

    /**
     * Parses a message strictly.
     *
     * @throws SiweFormatException naming the first field that breaks the ABNF
     */
    public static SiweMessage parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new SiweFormatException("message", "the message is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new SiweFormatException("message", "the message is longer than " + MAX_LENGTH + " characters");
        }
        if (text.indexOf('\r') >= 0) {
            throw new SiweFormatException("message", "lines must end with LF, not CR LF");
        }
        Lines lines = new Lines(text.split("\n", -1));

        String header = lines.next("domain");
        if (!header.endsWith(PREAMBLE)) {
            throw new SiweFormatException("domain", "the first line must read \"<domain>" + PREAMBLE + "\"");
        }
        String origin = header.substring(0, header.length() - PREAMBLE.length());
        String scheme = null;
        String domain = origin;
        int separator = origin.indexOf("://");
        if (separator >= 0) {
            scheme = origin.substring(0, separator);
            domain = origin.substring(separator + 3);
        }
        String address = lines.next("address");
        lines.expectBlank("address", "a blank line must follow the address");
        String statement = null;
        String line = lines.next("uri");
        if (!line.isEmpty()) {
            statement = line;
            lines.expectBlank("statement", "a blank line must follow the statement (without a statement, two blank "
                    + "lines follow the address)");
        }
        String uri = lines.field("uri", URI_TAG);
        String version = lines.field("version", VERSION_TAG);
        long chainId = chainId(lines.field("chainId", CHAIN_TAG));
        String nonce = lines.field("nonce", NONCE_TAG);
        Instant issuedAt = dateTime("issuedAt", lines.field("issuedAt", ISSUED_TAG));
        Instant expirationTime = lines.optional(EXPIRATION_TAG) ? dateTime("expirationTime", lines.field("expirationTime", EXPIRATION_TAG)) : null;
        Instant notBefore = lines.optional(NOT_BEFORE_TAG) ? dateTime("notBefore", lines.field("notBefore", NOT_BEFORE_TAG)) : null;
        String requestId = lines.optional(REQUEST_ID_TAG) ? lines.field("requestId", REQUEST_ID_TAG) : null;
        List<String> resources = null;
        if (lines.optional(RESOURCES_TAG)) {
            if (!lines.next("resources").equals(RESOURCES_TAG)) {
                throw new SiweFormatException("resources", "the resources header must read \"" + RESOURCES_TAG + "\"");
            }
            resources = new ArrayList<>();
            while (lines.hasNext()) {
                String resource = lines.next("resources");
                if (!resource.startsWith(RESOURCE_PREFIX)) {
                    throw new SiweFormatException("resources", "each resource must be a line \"- <URI>\"");
                }
                resources.add(resource.substring(RESOURCE_PREFIX.length()));
            }
        }
        if (lines.hasNext()) {
            String rest = lines.peek();
            if (rest.isEmpty()) {
                throw new SiweFormatException("message", "the message must end after its last field (no trailing line break)");
            }
            throw new SiweFormatException(fieldOf(rest), "unexpected line " + quote(rest)
                    + ": the optional fields must come in the EIP-4361 order (Expiration Time, Not Before, Request ID, "
                    + "Resources), each at most once");
        }
        return new SiweMessage(scheme, domain, address, statement, uri, version, chainId, nonce, issuedAt,
                expirationTime, notBefore, requestId, resources);
    }

    /** The message text in EIP-4361 layout (what a wallet shows and signs). */
    public String toMessage() {
        StringBuilder out = new StringBuilder();
        if (scheme != null) {
            out.append(scheme).append("://");
        }
        out.append(domain).append(PREAMBLE).append('\n').append(address).append('\n').append('\n');
        if (statement != null) {
            out.append(statement).append('\n');
        }
        out.append('\n');
        out.append(URI_TAG).append(uri).append('\n');
        out.append(VERSION_TAG).append(version).append('\n');
        out.append(CHAIN_TAG).append(chainId).append('\n');
        out.append(NONCE_TAG).append(nonce).append('\n');
        out.append(ISSUED_TAG).append(format(issuedAt));
        if (expirationTime != null) {
            out.append('\n').append(EXPIRATION_TAG).append(format(expirationTime));
        }
        if (notBefore != null) {
            out.append('\n').append(NOT_BEFORE_TAG).append(format(notBefore));
        }
        if (requestId != null) {
            out.append('\n').append(REQUEST_ID_TAG).append(requestId);
        }
        if (resources != null) {
            out.append('\n').append(RESOURCES_TAG);
            for (String resource : resources) {
                out.append('\n').append(RESOURCE_PREFIX).append(resource);
            }
        }
        return out.toString();
    }

    /** The field a misplaced line belongs to, for the error message. */
    private static String fieldOf(String line) {
        String[][] tags = {{URI_TAG, "uri"}, {VERSION_TAG, "version"}, {CHAIN_TAG, "chainId"}, {NONCE_TAG, "nonce"},
                {ISSUED_TAG, "issuedAt"}, {EXPIRATION_TAG, "expirationTime"}, {NOT_BEFORE_TAG, "notBefore"},
                {REQUEST_ID_TAG, "requestId"}, {RESOURCES_TAG, "resources"}};
        for (String[] tag : tags) {
            if (line.startsWith(tag[0])) {
                return tag[1];
            }
        }
        return "message";
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static void requireChecksummed(String address) {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            throw new SiweFormatException("address", "address must be 0x followed by 40 hex digits, got " + quote(address));
        }
        String checksummed = Keys.toChecksumAddress(address);
        if (!checksummed.equals(address)) {
            throw new SiweFormatException("address", "address must carry its EIP-55 checksum: " + checksummed);
        }
    }

    private static void requireUri(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new SiweFormatException(field, field + " must be an RFC 3986 URI, got an empty value");
        }
        int colon = value.indexOf(':');
        if (colon < 1 || !SCHEME.matcher(value.substring(0, colon)).matches() || !rfc3986(value, URI_CHARS, true)) {
            throw new SiweFormatException(field, field + " must be an RFC 3986 URI with a scheme, got " + quote(value));
        }
        try {
            new java.net.URI(value);
        } catch (URISyntaxException e) {
            throw new SiweFormatException(field, field + " is not a valid RFC 3986 URI: " + e.getReason());
        }
    }

    /** RFC 3986 authority: [ userinfo "@" ] host [ ":" port ], host an IP-literal, IPv4 address or reg-name. */
    static boolean authority(String value) {
        String rest = value;
        int at = rest.indexOf('@');
        if (at >= 0) {
            if (!rfc3986(rest.substring(0, at), UNRESERVED + SUB_DELIMS + ":", true)) {
                return false;
            }
            rest = rest.substring(at + 1);
        }
        String host;
        String port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 2 || !rfc3986(rest.substring(1, close), UNRESERVED + SUB_DELIMS + ":", false)) {
                return false;
            }
            host = rest.substring(0, close + 1);
            port = rest.substring(close + 1);
        } else {
            int colon = rest.indexOf(':');
            host = colon < 0 ? rest : rest.substring(0, colon);
            port = colon < 0 ? "" : rest.substring(colon);
            if (host.isEmpty() || !rfc3986(host, UNRESERVED + SUB_DELIMS, true)) {
                return false;
            }
        }
        return port.isEmpty() || (port.charAt(0) == ':' && port.substring(1).chars().allMatch(c -> c >= '0' && c <= '9'));
    }

    /** Every character is in {@code allowed}, or (with {@code percentEncoding}) a '%' followed by two hex digits. */
    static boolean rfc3986(String value, String allowed, boolean percentEncoding) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && percentEncoding) {
                if (i + 2 >= value.length() || !HexFormat.isHexDigit(value.charAt(i + 1))
                        || !HexFormat.isHexDigit(value.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (allowed.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static long chainId(String value) {
        if (!CHAIN_ID.matcher(value).matches()) {
            throw new SiweFormatException("chainId", "chain id must be decimal digits, got " + quote(value));
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new SiweFormatException("chainId", "chain id is too large: " + value);
        }
    }

    /** RFC 3339 date-time to an instant (a leap second 23:59:60 counts as the next second). */
    static Instant dateTime(String field, String value) {
        Matcher m = DATE_TIME.matcher(value);
        if (!m.matches()) {
            throw new SiweFormatException(field, field + " must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z, got "
                    + quote(value));
        }
        try {
            int second = Integer.parseInt(m.group(6));
            boolean leap = second == 60;
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), leap ? 59 : second,
                    nanos(m.group(7)));
            ZoneOffset offset = m.group(8) != null ? ZoneOffset.UTC : offset(m.group(9), m.group(10), m.group(11));
            Instant instant = OffsetDateTime.of(date, time, offset).toInstant();
            return leap ? instant.plusSeconds(1) : instant;
        } catch (DateTimeException e) {
            throw new SiweFormatException(field, field + " is not a valid date-time: " + e.getMessage());
        }
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String nine = fraction.length() >= 9 ? fraction.substring(0, 9) : (fraction + "000000000").substring(0, 9);
        return Integer.parseInt(nine);
    }

    private static ZoneOffset offset(String sign, String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int mi = Integer.parseInt(minutes);
        if (h > 23 || mi > 59) {
            throw new DateTimeException("offset out of range: " + sign + hours + ":" + minutes);
        }
        int total = (h * 3600 + mi * 60) * (sign.equals("-") ? -1 : 1);
        return ZoneOffset.ofTotalSeconds(total);
    }

    private static String quote(String value) {
        if (value == null) {
            return "nothing";
        }
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "\"" + shown + "\"";
    }

    /** The message's lines with a cursor; running out names the field that was expected. */
    private static final class Lines {
        private final String[] lines;
        private int next;

        Lines(String[] lines) {
            this.lines = lines;
        }

        boolean hasNext() {
            return next < lines.length;
        }

        String peek() {
            return lines[next];
        }

        String next(String expectedField) {
            if (!hasNext()) {
                throw new SiweFormatException(expectedField, "the message ends before its " + expectedField + " field");
            }
            return lines[next++];
        }

        void expectBlank(String field, String detail) {
            if (!next(field).isEmpty()) {
                throw new SiweFormatException(field, detail);
            }
        }

        String field(String field, String tag) {
            String line = next(field);
            if (!line.startsWith(tag)) {
                throw new SiweFormatException(field, "expected a line \"" + tag + "...\" here, got " + quote(line));
            }
            return line.substring(tag.length());
        }

        boolean optional(String tag) {
            return hasNext() && lines[next].startsWith(tag);
        }
    }
}
