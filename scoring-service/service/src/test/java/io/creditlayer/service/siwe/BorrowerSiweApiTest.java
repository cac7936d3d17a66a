package io.creditlayer.service.siwe;

import io.creditlayer.service.borrower.BorrowerTestProfile;
import io.creditlayer.service.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-In with Ethereum over HTTP against PostgreSQL: real EIP-4361 messages signed with web3j keys, and every way
 * a sign-in or a session is refused.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(BorrowerTestProfile.class)
class BorrowerSiweApiTest {
    private static final String PROBLEMS = "https://creditlayer.io/problems/";
    private static final long CHAIN_ID = 31337;
    private final SiweTestClient wallet = new SiweTestClient(BorrowerTestProfile.DOMAIN, CHAIN_ID);

    @Inject
    SiweService siwe;

    private static ECKeyPair newKey() {
        try {
            return Keys.createEcKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String address(ECKeyPair key) {
        return "0x" + Keys.getAddress(key.getPublicKey()).toLowerCase(Locale.ROOT);
    }

    private static SiweMessage with(SiweMessage m, String domain, long chainId, Instant issuedAt, Instant expiration,
                                    Instant notBefore) {
        return new SiweMessage(m.scheme(), domain, m.address(), m.statement(), m.uri(), m.version(), chainId, m.nonce(),
                issuedAt, expiration, notBefore, m.requestId(), m.resources());
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status).contentType(containsString("application/problem+json"))
                .body("type", equalTo(PROBLEMS + slug)).body("status", equalTo(status));
    }

    private static ValidatableResponse me(String token) {
        return given().header("Authorization", SiweTestClient.bearer(token)).when().get("/v1/me").then();
    }

    /** The address with one letter's case flipped: still hex, no longer EIP-55. */
    private static String breakChecksum(String checksummed) {
        char[] chars = checksummed.toCharArray();
        for (int i = 2; i < chars.length; i++) {
            if (Character.isLetter(chars[i])) {
                chars[i] = Character.isUpperCase(chars[i]) ? Character.toLowerCase(chars[i]) : Character.toUpperCase(chars[i]);
                return new String(chars);
            }
        }
        throw new IllegalStateException("an address without letters carries no checksum: " + checksummed);
    }

    // ------------------------------------------------------------------ nonce

    @Test
    void noncesAreRandomAlphanumericSingleUseRecordsWithExpiry() {
        ExtractableResponse<Response> first = given().when().post("/v1/siwe/nonce").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("nonce", matchesPattern("[A-Za-z0-9]{8,}"))
                .body("domain", equalTo(BorrowerTestProfile.DOMAIN))
                .body("chainId", equalTo((int) CHAIN_ID))
                .body("version", equalTo("1")).extract();
        String nonce = first.path("nonce");
        assertNotEquals(nonce, SiweTestClient.nonce());
        SiweNonceRecord stored = QuarkusTransaction.requiringNew().call(() -> SiweNonceRecord.findById(nonce));
        assertNotNull(stored);
        assertNull(stored.usedAt);
        assertEquals(Duration.ofMinutes(5), Duration.between(stored.issuedAt, stored.expiresAt));
    }

    @Test
    void thePurgeForgetsExpiredNoncesAndLongEndedSessions() {
        String expiredUnused = SiweTestClient.nonce();
        String fresh = SiweTestClient.nonce();
        String oldUsed = SiweTestClient.nonce();
        String token = wallet.signIn(newKey());
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            SiweNonceRecord.update("issuedAt = ?1, expiresAt = ?2 where nonce = ?3", now.minusSeconds(600), now.minusSeconds(1),
                    expiredUnused);
            SiweNonceRecord.update("issuedAt = ?1, expiresAt = ?2, usedAt = ?2, usedBy = ?3 where nonce = ?4",
                    now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)).plusSeconds(60), "0x" + "1".repeat(40), oldUsed);
            SiweSessionRecord.update("createdAt = ?1, expiresAt = ?2 where tokenSha256 = ?3", now.minus(Duration.ofDays(3)),
                    now.minus(Duration.ofDays(2)), SiweService.sha256(token));
        });
        siwe.purge();
        QuarkusTransaction.requiringNew().run(() -> {
            assertNull(SiweNonceRecord.findById(expiredUnused));
            assertNull(SiweNonceRecord.findById(oldUsed));
            assertNotNull(SiweNonceRecord.findById(fresh));
            assertEquals(0, SiweSessionRecord.count("tokenSha256", SiweService.sha256(token)));
        });
    }

    // ------------------------------------------------------------------ happy path and sessions

    @Test
    void aSignedMessageOpensASessionWhoseTokenIsStoredHashed() {
        ECKeyPair key = newKey();
        String text = wallet.message(key).toMessage();
        ExtractableResponse<Response> session = SiweTestClient.verify(text, SiweTestClient.sign(text, key)).statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("tokenType", equalTo("Bearer"))
                .body("address", equalTo(Keys.toChecksumAddress(address(key))))
                .body("chainId", equalTo((int) CHAIN_ID)).extract();
        String token = session.path("token");
        Instant expiresAt = Instant.parse(session.path("expiresAt"));
        long minutes = Duration.between(Instant.now(), expiresAt).toMinutes();
        assertTrue(minutes >= 58 && minutes <= 60, "a session lasts an hour: " + expiresAt);

        me(token).statusCode(200).body("address", equalTo(Keys.toChecksumAddress(address(key))));

        List<SiweSessionRecord> rows = QuarkusTransaction.requiringNew().call(() ->
                SiweSessionRecord.<SiweSessionRecord>list("address", address(key)));
        assertEquals(1, rows.size());
        assertEquals(SiweService.sha256(token), rows.getFirst().tokenSha256);
        assertNotEquals(token, rows.getFirst().tokenSha256);
        long plainTokens = QuarkusTransaction.requiringNew().call(() -> SiweSessionRecord.count("tokenSha256", token));
        assertEquals(0, plainTokens);
    }

    @Test
    void theSessionEndsNoLaterThanTheMessagesExpirationTime() {
        ECKeyPair key = newKey();
        SiweMessage m = wallet.message(key);
        Instant expiration = m.issuedAt().plus(Duration.ofMinutes(2));
        String text = with(m, m.domain(), m.chainId(), m.issuedAt(), expiration, null).toMessage();
        String expiresAt = SiweTestClient.verify(text, SiweTestClient.sign(text, key)).statusCode(200).extract().path("expiresAt");
        assertEquals(expiration, Instant.parse(expiresAt));
    }

    @Test
    void anExpiredSessionIsRefused() {
        ECKeyPair key = newKey();
        String token = wallet.signIn(key);
        me(token).statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> SiweSessionRecord.update(
                "createdAt = ?1, expiresAt = ?2 where tokenSha256 = ?3", Instant.now().minusSeconds(3601),
                Instant.now().minusSeconds(1), SiweService.sha256(token)));
        problem(me(token), 401, "session-expired").header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void logoutRevokesTheSession() {
        ECKeyPair key = newKey();
        String token = wallet.signIn(key);
        String other = wallet.signIn(key);
        given().header("Authorization", SiweTestClient.bearer(token)).when().post("/v1/siwe/logout").then().statusCode(204);
        problem(me(token), 401, "session-invalid").body("detail", containsString("signed out"));
        problem(given().header("Authorization", SiweTestClient.bearer(token)).when().post("/v1/siwe/logout").then(),
                401, "session-invalid");
        me(other).statusCode(200);
    }

    @Test
    void requestsWithoutAValidSessionAreRefused() {
        problem(given().when().get("/v1/me").then(), 401, "unauthenticated")
                .header("WWW-Authenticate", containsString("Bearer"));
        problem(given().when().get("/v1/me/score").then(), 401, "unauthenticated");
        problem(given().when().get("/v1/me/attestations").then(), 401, "unauthenticated");
        problem(given().when().post("/v1/siwe/logout").then(), 401, "unauthenticated");
        problem(given().header("Authorization", "Bearer cls_doesnotexist").when().get("/v1/me").then(), 401, "session-invalid");
        problem(given().header("Authorization", "Bearer not-a-session-token").when().get("/v1/me").then(), 401, "session-invalid");
        problem(given().header("Authorization", "Basic dXNlcjpwdw==").when().get("/v1/me").then(), 401, "session-invalid");
        problem(given().header("X-API-Key", "cl_abcdefgh_secretsecretsecret").when().get("/v1/me").then(), 401, "unauthenticated");
    }

    // ------------------------------------------------------------------ replay and nonces

    @Test
    void aSecondVerifyOfTheSameMessageIsAReplay() {
        ECKeyPair key = newKey();
        String text = wallet.message(key).toMessage();
        String signature = SiweTestClient.sign(text, key);
        SiweTestClient.verify(text, signature).statusCode(200);
        problem(SiweTestClient.verify(text, signature), 401, "siwe-replay");
    }

    @Test
    void concurrentVerifiesOfOneMessageOpenOneSession() throws Exception {
        ECKeyPair key = newKey();
        String text = wallet.message(key).toMessage();
        String signature = SiweTestClient.sign(text, key);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ExtractableResponse<Response>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> SiweTestClient.verify(text, signature).extract());
            }
            int opened = 0;
            int replays = 0;
            for (Future<ExtractableResponse<Response>> f : pool.invokeAll(calls)) {
                ExtractableResponse<Response> r = f.get();
                if (r.statusCode() == 200) {
                    opened++;
                } else if (r.statusCode() == 401 && (PROBLEMS + "siwe-replay").equals(r.path("type"))) {
                    replays++;
                }
            }
            assertEquals(1, opened);
            assertEquals(7, replays);
        } finally {
            pool.shutdownNow();
        }
        long sessions = QuarkusTransaction.requiringNew().call(() -> SiweSessionRecord.count("address", address(key)));
        assertEquals(1, sessions);
    }

    @Test
    void anExpiredNonceIsRefused() {
        ECKeyPair key = newKey();
        SiweMessage m = wallet.message(key);
        QuarkusTransaction.requiringNew().run(() -> SiweNonceRecord.update("issuedAt = ?1, expiresAt = ?2 where nonce = ?3",
                Instant.now().minusSeconds(600), Instant.now().minusSeconds(1), m.nonce()));
        String text = m.toMessage();
        problem(SiweTestClient.verify(text, SiweTestClient.sign(text, key)), 401, "siwe-nonce-expired");
    }

    @Test
    void aNonceTheServiceNeverIssuedIsRefused() {
        ECKeyPair key = newKey();
        String text = wallet.message(key, HexFormat.of().formatHex(new byte[16]).replace('0', 'a') + "42").toMessage();
        problem(SiweTestClient.verify(text, SiweTestClient.sign(text, key)), 401, "siwe-unknown-nonce");
    }

    @Test
    void aRefusedSignatureDoesNotBurnTheNonce() {
        ECKeyPair key = newKey();
        String text = wallet.message(key).toMessage();
        problem(SiweTestClient.verify(text, SiweTestClient.sign(text, newKey())), 401, "siwe-bad-signature");
        SiweTestClient.verify(text, SiweTestClient.sign(text, key)).statusCode(200);
    }

    // ------------------------------------------------------------------ audience and validity window

    @Test
    void aMessageForAnotherDomainIsRefused() {
        ECKeyPair key = newKey();
        for (String domain : new String[] {"evil.example", "localhost:8080", "borrower.creditlayer.test:8443"}) {
            SiweMessage m = wallet.message(key);
            String text = with(m, domain, CHAIN_ID, m.issuedAt(), null, null).toMessage();
            problem(SiweTestClient.verify(text, SiweTestClient.sign(text, key)), 401, "siwe-wrong-domain")
                    .body("field", equalTo("domain")).body("expected", equalTo(BorrowerTestProfile.DOMAIN));
        }
    }

    @Test
    void theRequestHostIsNotTheDomain() {
        ECKeyPair key = newKey();
        SiweMessage m = wallet.message(key);
        String host = "localhost:" + io.restassured.RestAssured.port;
        String text = with(m, host, CHAIN_ID, m.issuedAt(), null, null).toMessage();
        problem(given().header("Host", host).contentType(ContentType.JSON)
                        .body(Map.of("message", text, "signature", SiweTestClient.sign(text, key)))
                        .when().post("/v1/siwe/verify").then(), 401, "siwe-wrong-domain");
    }

    @Test
    void anUnacceptedSchemeIsRefusedAndAnAcceptedOneWorks() {
        ECKeyPair key = newKey();
        SiweMessage m = wallet.message(key);
        SiweMessage ftp = new SiweMessage("ftp", m.domain(), m.address(), m.statement(), m.uri(), m.version(), m.chainId(),
                m.nonce(), m.issuedAt(), null, null, null, null);
        problem(SiweTestClient.verify(ftp.toMessage(), SiweTestClient.sign(ftp.toMessage(), key)), 401, "siwe-wrong-domain")
                .body("field", equalTo("scheme"));
        SiweMessage https = new SiweMessage("https", m.domain(), m.address(), m.statement(), m.uri(), m.version(),
                m.chainId(), m.nonce(), m.issuedAt(), null, null, null, null);
        SiweTestClient.verify(https.toMessage(), SiweTestClient.sign(https.toMessage(), key)).statusCode(200);
    }

    @Test
    void aMessageForAnotherChainIsRefused() {
        ECKeyPair key = newKey();
        SiweMessage m = wallet.message(key);
        String text = with(m, m.domain(), 1, m.issuedAt(), null, null).toMessage();
        problem(SiweTestClient.verify(text, SiweTestClient.sign(text, key)), 401, "siwe-wrong-chain")
                .body("field", equalTo("chainId")).body("expected", equalTo((int) CHAIN_ID));
    }

    @Test
    void anExpiredMessageIsRefused() {
        ECKeyPair key = newKey();
        SiweMessage m = wallet.message(key);
        Instant issued = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String text = with(m, m.domain(), CHAIN_ID, issued, issued.plusSeconds(60), null).toMessage();
        problem(SiweTestClient.verify(text, SiweTestClient.sign(text, key)), 401, "siwe-expired")
                .body("field", equalTo("expirationTime"));
    }

    @Test
    void aMessageBeforeItsNotBeforeIsRefused() {
        ECKeyPair key = newKey();
        SiweMessage m = wallet.message(key);
        String text = with(m, m.domain(), CHAIN_ID, m.issuedAt(), null, m.issuedAt().plus(10, ChronoUnit.MINUTES)).toMessage();
        problem(SiweTestClient.verify(text, SiweTestClient.sign(text, key)), 401, "siwe-not-yet-valid")
                .body("field", equalTo("notBefore"));
        // a not-before in the past is fine
        SiweMessage ok = wallet.message(key);
        String past = with(ok, ok.domain(), CHAIN_ID, ok.issuedAt(), null, ok.issuedAt().minusSeconds(60)).toMessage();
        SiweTestClient.verify(past, SiweTestClient.sign(past, key)).statusCode(200);
    }

    @Test
    void anIssuedAtInTheFutureIsRefusedBeyondTheClockSkew() {
        ECKeyPair key = newKey();
        SiweMessage m = wallet.message(key);
        String text = with(m, m.domain(), CHAIN_ID, m.issuedAt().plus(10, ChronoUnit.MINUTES), null, null).toMessage();
        problem(SiweTestClient.verify(text, SiweTestClient.sign(text, key)), 401, "siwe-not-yet-valid")
                .body("field", equalTo("issuedAt"));
        SiweMessage skewed = wallet.message(key);
        String within = with(skewed, skewed.domain(), CHAIN_ID, skewed.issuedAt().plusSeconds(20), null, null).toMessage();
        SiweTestClient.verify(within, SiweTestClient.sign(within, key)).statusCode(200);
    }

    // ------------------------------------------------------------------ signatures

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        ECKeyPair key = newKey();
        String text = wallet.message(key).toMessage();
        problem(SiweTestClient.verify(text, SiweTestClient.sign(text, newKey())), 401, "siwe-bad-signature");
    }

    @Test
    void aTamperedMessageIsRefused() {
        ECKeyPair key = newKey();
        SiweMessage m = wallet.message(key);
        String signed = m.toMessage();
        String signature = SiweTestClient.sign(signed, key);
        String tampered = signed.replace("Sign in to CreditLayer", "Sign in to CreditLayer and approve a transfer");
        problem(SiweTestClient.verify(tampered, signature), 401, "siwe-bad-signature");
        String laterExpiry = signed + "\nExpiration Time: 2099-01-01T00:00:00Z";
        problem(SiweTestClient.verify(laterExpiry, signature), 401, "siwe-bad-signature");
        // the untampered message still works: the refusals consumed nothing
        SiweTestClient.verify(signed, signature).statusCode(200);
    }

    @Test
    void malleableAndMalformedSignaturesAreRefused() {
        ECKeyPair key = newKey();
        String text = wallet.message(key).toMessage();
        byte[] signature = HexFormat.of().parseHex(SiweTestClient.sign(text, key).substring(2));
        byte[] badV = signature.clone();
        badV[64] = 29;
        problem(SiweTestClient.verify(text, "0x" + HexFormat.of().formatHex(badV)), 401, "siwe-bad-signature")
                .body("detail", containsString("v must be"));
        java.math.BigInteger n = org.web3j.crypto.Sign.CURVE_PARAMS.getN();
        java.math.BigInteger s = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        byte[] highS = signature.clone();
        byte[] twinS = org.web3j.utils.Numeric.toBytesPadded(n.subtract(s), 32);
        System.arraycopy(twinS, 0, highS, 32, 32);
        highS[64] = (byte) (signature[64] == 27 ? 28 : 27);
        problem(SiweTestClient.verify(text, "0x" + HexFormat.of().formatHex(highS)), 401, "siwe-bad-signature")
                .body("detail", containsString("upper half"));
        problem(SiweTestClient.verify(text, "0x1234"), 400, "siwe-malformed-signature").body("field", equalTo("signature"));
        SiweTestClient.verify(text, "0x" + HexFormat.of().formatHex(signature)).statusCode(200);
    }

    // ------------------------------------------------------------------ malformed requests

    @Test
    void malformedMessagesAreRefusedNamingTheField() {
        ECKeyPair key = newKey();
        SiweMessage m = wallet.message(key);
        String good = m.toMessage();
        Map<String, String> cases = Map.of(
                "address", good.replace(m.address(), breakChecksum(m.address())),
                "version", good.replace("Version: 1", "Version: 2"),
                "chainId", good.replace("Chain ID: 31337", "Chain ID: x"),
                "nonce", good.replace("Nonce: " + m.nonce(), "Nonce: short"),
                "issuedAt", good.replace("Issued At: ", "Issued At: yesterday "),
                "uri", good.replace("URI: https://", "URI: //"),
                "message", good + "\n");
        cases.forEach((field, text) -> problem(SiweTestClient.verify(text, SiweTestClient.sign(text, key)), 400,
                "siwe-malformed-message").body("field", equalTo(field)));
        problem(given().contentType(ContentType.JSON).body(Map.of("signature", "0x00")).when().post("/v1/siwe/verify").then(),
                400, "siwe-malformed-message").body("field", equalTo("message"));
        problem(given().contentType(ContentType.JSON).body(Map.of("message", good)).when().post("/v1/siwe/verify").then(),
                400, "siwe-malformed-signature").body("field", equalTo("signature"));
        given().contentType(ContentType.JSON).body("{not json").when().post("/v1/siwe/verify").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        // nothing above consumed the nonce
        SiweTestClient.verify(good, SiweTestClient.sign(good, key)).statusCode(200);
    }
}
