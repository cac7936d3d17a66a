package io.creditlayer.service.siwe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EIP-4361 parser against the specification's examples and every way a field can break the ABNF. */
class BorrowerSiweMessageTest {
    /** The specification's example message (EIP-4361, "Example message"), with resources. */
    static final String SPEC_EXAMPLE = """
            service.org wants you to sign in with your Ethereum account:
            0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

            I accept the ServiceOrg Terms of Service: https://service.org/tos

            URI: https://service.org/login
            Version: 1
            Chain ID: 1
            Nonce: 32891756
            Issued At: 2021-09-30T16:25:24Z
            Resources:
            - ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/
            - https://example.com/my-web2-claim.json""";

    static final String MINIMAL = """
            localhost:8080 wants you to sign in with your Ethereum account:
            0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2


            URI: http://localhost:8080
            Version: 1
            Chain ID: 31337
            Nonce: abcdef0123456789
            Issued At: 2026-01-31T12:00:00Z""";

    static final String FULL = """
            https://app.creditlayer.io wants you to sign in with your Ethereum account:
            0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

            Sign in to CreditLayer to see your score.

            URI: https://app.creditlayer.io/login?x=1#top
            Version: 1
            Chain ID: 31337
            Nonce: Ab12Cd34Ef56
            Issued At: 2026-01-31T12:00:00.123456789+02:00
            Expiration Time: 2026-01-31T12:30:00Z
            Not Before: 2026-01-31T10:00:00Z
            Request ID: req-42:%20x@y
            Resources:
            - https://app.creditlayer.io/terms""";

    @Test
    void parsesTheSpecificationExample() {
        SiweMessage m = SiweMessage.parse(SPEC_EXAMPLE);
        assertNull(m.scheme());
        assertEquals("service.org", m.domain());
        assertEquals("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", m.address());
        assertEquals("I accept the ServiceOrg Terms of Service: https://service.org/tos", m.statement());
        assertEquals("https://service.org/login", m.uri());
        assertEquals("1", m.version());
        assertEquals(1, m.chainId());
        assertEquals("32891756", m.nonce());
        assertEquals(Instant.parse("2021-09-30T16:25:24Z"), m.issuedAt());
        assertNull(m.expirationTime());
        assertEquals(List.of("ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/",
                "https://example.com/my-web2-claim.json"), m.resources());
        assertEquals(SPEC_EXAMPLE, m.toMessage());
    }

    @Test
    void parsesAMessageWithoutStatement() {
        SiweMessage m = SiweMessage.parse(MINIMAL);
        assertNull(m.statement());
        assertNull(m.resources());
        assertEquals("localhost:8080", m.domain());
        assertEquals(31337, m.chainId());
        assertEquals(MINIMAL, m.toMessage());
    }

    @Test
    void parsesEveryOptionalField() {
        SiweMessage m = SiweMessage.parse(FULL);
        assertEquals("https", m.scheme());
        assertEquals("app.creditlayer.io", m.domain());
        assertEquals(Instant.parse("2026-01-31T10:00:00.123456789Z"), m.issuedAt());
        assertEquals(Instant.parse("2026-01-31T12:30:00Z"), m.expirationTime());
        assertEquals(Instant.parse("2026-01-31T10:00:00Z"), m.notBefore());
        assertEquals("req-42:%20x@y", m.requestId());
        assertEquals(List.of("https://app.creditlayer.io/terms"), m.resources());
        assertEquals(m, SiweMessage.parse(m.toMessage()));
    }

    @Test
    void acceptsAnEmptyResourceListAndAnEmptyRequestId() {
        String text = MINIMAL + "\nRequest ID: \nResources:";
        SiweMessage m = SiweMessage.parse(text);
        assertEquals("", m.requestId());
        assertEquals(List.of(), m.resources());
        assertEquals(text, m.toMessage());
    }

    @Test
    void acceptsLowerCaseTimeDesignatorsAndALeapSecond() {
        assertEquals(Instant.parse("2026-01-31T12:00:00Z"),
                SiweMessage.dateTime("issuedAt", "2026-01-31t12:00:00z"));
        assertEquals(Instant.parse("2017-01-01T00:00:00Z"),
                SiweMessage.dateTime("issuedAt", "2016-12-31T23:59:60Z"));
        assertEquals(Instant.parse("2026-01-31T17:30:00Z"),
                SiweMessage.dateTime("issuedAt", "2026-01-31T12:00:00-05:30"));
    }

    @Test
    void authorityFollowsRfc3986() {
        assertTrue(SiweMessage.authority("localhost:8080"));
        assertTrue(SiweMessage.authority("app.creditlayer.io"));
        assertTrue(SiweMessage.authority("user:pw@example.com:443"));
        assertTrue(SiweMessage.authority("[::1]:8080"));
        assertTrue(SiweMessage.authority("127.0.0.1"));
        assertEquals(false, SiweMessage.authority(""));
        assertEquals(false, SiweMessage.authority("exa mple.com"));
        assertEquals(false, SiweMessage.authority("example.com:80a"));
        assertEquals(false, SiweMessage.authority("a@b@c"));
        assertEquals(false, SiweMessage.authority("example.com/path"));
    }

    static Stream<Arguments> malformed() {
        String lower = MINIMAL.replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2");
        return Stream.of(
                Arguments.of("empty", "", "message"),
                Arguments.of("CR LF line ends", MINIMAL.replace("\n", "\r\n"), "message"),
                Arguments.of("trailing line break", MINIMAL + "\n", "message"),
                Arguments.of("too long", MINIMAL + "\nRequest ID: " + "a".repeat(SiweMessage.MAX_LENGTH), "message"),
                Arguments.of("preamble changed", MINIMAL.replace("Ethereum account:", "account:"), "domain"),
                Arguments.of("domain with a space", MINIMAL.replace("localhost:8080 wants", "local host wants"), "domain"),
                Arguments.of("empty domain", MINIMAL.replace("localhost:8080 wants", " wants"), "domain"),
                Arguments.of("bad scheme", MINIMAL.replace("localhost:8080 wants", "1http://localhost:8080 wants"), "scheme"),
                Arguments.of("address without checksum", lower, "address"),
                Arguments.of("address too short", MINIMAL.replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
                        "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc"), "address"),
                Arguments.of("no blank line after the address", MINIMAL.replace("Cc2\n\n\n", "Cc2\n\n"), "statement"),
                Arguments.of("text on the blank line", MINIMAL.replace("Cc2\n\n", "Cc2\nx\n"), "address"),
                Arguments.of("statement not followed by a blank line",
                        MINIMAL.replace("Cc2\n\n\n", "Cc2\n\nHello\n"), "statement"),
                Arguments.of("statement with a percent sign", MINIMAL.replace("Cc2\n\n\n", "Cc2\n\n100% sure\n\n"), "statement"),
                Arguments.of("statement with a non-ASCII letter", MINIMAL.replace("Cc2\n\n\n", "Cc2\n\nBienvenue à vous\n\n"), "statement"),
                Arguments.of("URI without scheme", MINIMAL.replace("URI: http://localhost:8080", "URI: localhost/login"), "uri"),
                Arguments.of("URI with a space", MINIMAL.replace("URI: http://localhost:8080", "URI: http://local host"), "uri"),
                Arguments.of("URI with a broken escape", MINIMAL.replace("URI: http://localhost:8080", "URI: http://x/%zz"), "uri"),
                Arguments.of("URI line missing", MINIMAL.replace("URI: http://localhost:8080\n", ""), "uri"),
                Arguments.of("version 2", MINIMAL.replace("Version: 1", "Version: 2"), "version"),
                Arguments.of("chain id not a number", MINIMAL.replace("Chain ID: 31337", "Chain ID: 0x7a69"), "chainId"),
                Arguments.of("chain id zero", MINIMAL.replace("Chain ID: 31337", "Chain ID: 0"), "chainId"),
                Arguments.of("chain id overflowing", MINIMAL.replace("Chain ID: 31337", "Chain ID: 99999999999999999999"), "chainId"),
                Arguments.of("nonce too short", MINIMAL.replace("abcdef0123456789", "abc1234"), "nonce"),
                Arguments.of("nonce with a dash", MINIMAL.replace("abcdef0123456789", "abcd-0123456789"), "nonce"),
                Arguments.of("fields out of order", MINIMAL.replace("Version: 1\nChain ID: 31337", "Chain ID: 31337\nVersion: 1"), "version"),
                Arguments.of("issued-at missing", MINIMAL.replace("\nIssued At: 2026-01-31T12:00:00Z", ""), "issuedAt"),
                Arguments.of("issued-at with a space", MINIMAL.replace("2026-01-31T12:00:00Z", "2026-01-31 12:00:00Z"), "issuedAt"),
                Arguments.of("issued-at without offset", MINIMAL.replace("2026-01-31T12:00:00Z", "2026-01-31T12:00:00"), "issuedAt"),
                Arguments.of("issued-at on February 30", MINIMAL.replace("2026-01-31T12:00:00Z", "2026-02-30T12:00:00Z"), "issuedAt"),
                Arguments.of("issued-at at hour 24", MINIMAL.replace("2026-01-31T12:00:00Z", "2026-01-31T24:00:00Z"), "issuedAt"),
                Arguments.of("expiration before issued-at", MINIMAL + "\nExpiration Time: 2026-01-31T11:00:00Z", "expirationTime"),
                Arguments.of("not-before malformed", MINIMAL + "\nNot Before: tomorrow", "notBefore"),
                Arguments.of("optional fields out of order", MINIMAL + "\nNot Before: 2026-01-31T10:00:00Z"
                        + "\nExpiration Time: 2026-01-31T13:00:00Z", "expirationTime"),
                Arguments.of("field repeated", MINIMAL + "\nRequest ID: a\nRequest ID: b", "requestId"),
                Arguments.of("request id with a space", MINIMAL + "\nRequest ID: a b", "requestId"),
                Arguments.of("resources header with text", MINIMAL + "\nResources: x", "resources"),
                Arguments.of("resource without dash", MINIMAL + "\nResources:\nhttps://x.io", "resources"),
                Arguments.of("resource not a URI", MINIMAL + "\nResources:\n- not a uri", "resources"),
                Arguments.of("unknown field", MINIMAL + "\nCustom: 1", "message"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesMalformedFieldsNamingThem(String name, String text, String field) {
        SiweFormatException e = assertThrows(SiweFormatException.class, () -> SiweMessage.parse(text));
        assertEquals(field, e.field(), () -> name + ": " + e.getMessage());
    }

    @Test
    void theAddressErrorShowsTheChecksummedForm() {
        String lower = MINIMAL.replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2");
        SiweFormatException e = assertThrows(SiweFormatException.class, () -> SiweMessage.parse(lower));
        assertTrue(e.getMessage().contains("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"), e.getMessage());
    }

    @Test
    void aLongUriDoesNotExhaustTheStack() {
        String uri = "https://x.io/" + "a%20".repeat(900);
        SiweMessage m = SiweMessage.parse(MINIMAL.replace("URI: http://localhost:8080", "URI: " + uri));
        assertEquals(uri, m.uri());
    }
}
