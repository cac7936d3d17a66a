package io.creditlayer.service.siwe;

import io.creditlayer.service.api.problem.ApiProblem;
import io.creditlayer.service.chain.ChainSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.web3j.crypto.Keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-In with Ethereum: hands out nonces, verifies signed EIP-4361 messages and opens sessions.
 *
 * <p>A verify checks, in this order: the message's syntax (400, naming the field); scheme, domain and chain
 * against the configuration (401); its validity window (401); the signature, which must be canonical and by the
 * message's address (401); and last the nonce, consumed by one conditional UPDATE in the transaction that also
 * opens the session, so a message opens at most one session however often and however concurrently it is sent
 * (a second verify is 401 siwe-replay). Checking the signature before touching the nonce means that nobody but
 * the signer can burn a nonce.
 */
@ApplicationScoped
@Startup
public class SiweService {
    private static final Logger LOG = Logger.getLogger(SiweService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_PREFIX = "cls_";
    /** Used nonces and ended sessions are kept this long, so a late replay is still told it is one. */
    private static final Duration RETENTION = Duration.ofDays(1);

    private final SiweConfig config;
    private final ChainSettings chain;

    public SiweService(SiweConfig config, ChainSettings chain) {
        this.config = config;
        this.chain = chain;
        if (!SiweMessage.authority(config.domain())) {
            throw new IllegalStateException("creditlayer.siwe.domain must be an RFC 3986 authority such as "
                    + "app.example.com or localhost:8080, got \"" + config.domain() + "\"");
        }
    }

    /** A nonce handed out for one sign-in. */
    public record IssuedNonce(String nonce, Instant issuedAt, Instant expiresAt) {
    }

    /** An opened session; {@code token} is shown once and only its hash is stored. */
    public record OpenedSession(String token, BorrowerSession session) {
    }

    public String domain() {
        return config.domain();
    }

    public long chainId() {
        return chain.chainId();
    }

    /** 128 random bits as 32 hex digits: alphanumeric, as EIP-4361 requires, and unguessable. */
    public IssuedNonce issueNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        Instant now = Instant.now();
        SiweNonceRecord record = new SiweNonceRecord();
        record.nonce = HexFormat.of().formatHex(bytes);
        record.issuedAt = now;
        record.expiresAt = now.plus(config.nonceTtl());
        QuarkusTransaction.requiringNew().run(record::persist);
        return new IssuedNonce(record.nonce, record.issuedAt, record.expiresAt);
    }

    /**
     * Verifies a signed sign-in message and opens a session for its address.
     *
     * @throws ApiProblem 400 for a malformed message or signature encoding, 401 for every refusal
     */
    public OpenedSession verify(String messageText, String signature) {
        if (messageText == null || messageText.isEmpty()) {
            throw malformed("message", "the request needs the signed EIP-4361 text in \"message\"");
        }
        if (signature == null || signature.isEmpty()) {
            throw new ApiProblem(400, "siwe-malformed-signature", "Bad request",
                    "the request needs the personal_sign signature in \"signature\"", Map.of("field", "signature"), Map.of());
        }
        SiweMessage message;
        try {
            message = SiweMessage.parse(messageText);
        } catch (SiweFormatException e) {
            throw malformed(e.field(), e.getMessage());
        }
        checkAudience(message);
        Instant now = Instant.now();
        checkValidity(message, now);
        String address = message.address().toLowerCase(Locale.ROOT);
        String signer;
        try {
            signer = SiweSignatures.recoverSigner(messageText, signature);
        } catch (SiweSignatures.InvalidSignatureException e) {
            if (e.failure() == SiweSignatures.Failure.MALFORMED) {
                throw new ApiProblem(400, "siwe-malformed-signature", "Bad request", e.getMessage(),
                        Map.of("field", "signature"), Map.of());
            }
            throw refused("siwe-bad-signature", e.getMessage());
        }
        if (!signer.equals(address)) {
            throw refused("siwe-bad-signature", "the signature is not by " + message.address()
                    + ": the message was altered or signed with another account");
        }
        return QuarkusTransaction.requiringNew().call(() -> openSession(message, address, now));
    }

    private OpenedSession openSession(SiweMessage message, String address, Instant now) {
        int consumed = SiweNonceRecord.update("usedAt = ?1, usedBy = ?2 where nonce = ?3 and usedAt is null and expiresAt > ?1",
                now, address, message.nonce());
        if (consumed != 1) {
            SiweNonceRecord record = SiweNonceRecord.findById(message.nonce());
            if (record == null) {
                throw refused("siwe-unknown-nonce", "the nonce was not issued by this service (or is long expired): "
                        + "get one from POST /v1/siwe/nonce");
            }
            if (record.usedAt != null) {
                LOG.infof("refused a replayed sign-in message for %s", address);
                throw refused("siwe-replay", "this sign-in message was already used: sign a new message with a new nonce");
            }
            throw refused("siwe-nonce-expired", "the nonce expired at " + record.expiresAt + ": get a new one from POST /v1/siwe/nonce");
        }
        Instant expiresAt = now.plus(config.sessionTtl());
        if (message.expirationTime() != null && message.expirationTime().isBefore(expiresAt)) {
            expiresAt = message.expirationTime();
        }
        String token = newToken();
        SiweSessionRecord session = new SiweSessionRecord();
        session.id = UUID.randomUUID();
        session.tokenSha256 = sha256(token);
        session.address = address;
        session.chainId = message.chainId();
        session.nonce = message.nonce();
        session.createdAt = now;
        session.expiresAt = expiresAt;
        session.persist();
        return new OpenedSession(token, new BorrowerSession(session.id, address, session.chainId, expiresAt));
    }

    /**
     * The session of a bearer token.
     *
     * @throws ApiProblem 401 session-invalid (unknown, revoked, other chain) or session-expired
     */
    public BorrowerSession authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            throw sessionProblem("session-invalid", "the bearer token is not a session token of this service");
        }
        String digest = sha256(token);
        Optional<SiweSessionRecord> found = QuarkusTransaction.joiningExisting().call(() ->
                SiweSessionRecord.<SiweSessionRecord>find("tokenSha256", digest).firstResultOptional());
        SiweSessionRecord record = found.orElseThrow(() ->
                sessionProblem("session-invalid", "the session is unknown: sign in again"));
        if (record.revokedAt != null) {
            throw sessionProblem("session-invalid", "the session was signed out: sign in again");
        }
        if (!record.expiresAt.isAfter(Instant.now())) {
            throw sessionProblem("session-expired", "the session expired at " + record.expiresAt + ": sign in again");
        }
        if (record.chainId != chain.chainId()) {
            throw sessionProblem("session-invalid", "the session was opened for chain " + record.chainId
                    + ", this service now serves chain " + chain.chainId() + ": sign in again");
        }
        return new BorrowerSession(record.id, record.address, record.chainId, record.expiresAt);
    }

    /** Ends a session at once (the token is refused from now on). */
    public void logout(BorrowerSession session) {
        QuarkusTransaction.requiringNew().run(() ->
                SiweSessionRecord.update("revokedAt = ?1 where id = ?2 and revokedAt is null", Instant.now(), session.sessionId()));
    }

    /**
     * Forgets expired nonces nobody used (at once: the nonce endpoint is unauthenticated, so its rows must not pile
     * up) and used nonces and sessions that ended more than a day ago.
     */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        Instant now = Instant.now();
        Instant cutoff = now.minus(RETENTION);
        QuarkusTransaction.requiringNew().run(() -> {
            long unused = SiweNonceRecord.delete("usedAt is null and expiresAt < ?1", now);
            long used = SiweNonceRecord.delete("expiresAt < ?1", cutoff);
            long sessions = SiweSessionRecord.delete("expiresAt < ?1", cutoff);
            if (unused + used + sessions > 0) {
                LOG.infof("purged %d unused and %d used sign-in nonces and %d ended sessions", unused, used, sessions);
            }
        });
    }

    private void checkAudience(SiweMessage message) {
        if (message.scheme() != null && config.schemes().stream().noneMatch(s -> s.equalsIgnoreCase(message.scheme()))) {
            throw refused("siwe-wrong-domain", "the message names the scheme " + message.scheme() + "; this service accepts "
                    + String.join(", ", config.schemes()), Map.of("field", "scheme"));
        }
        if (!message.domain().equalsIgnoreCase(config.domain())) {
            throw refused("siwe-wrong-domain", "the message is for " + message.domain() + "; this service signs in on "
                    + config.domain(), Map.of("field", "domain", "expected", config.domain()));
        }
        if (message.chainId() != chain.chainId()) {
            throw refused("siwe-wrong-chain", "the message is for chain " + message.chainId() + "; this service serves chain "
                    + chain.chainId(), Map.of("field", "chainId", "expected", chain.chainId()));
        }
    }

    private void checkValidity(SiweMessage message, Instant now) {
        if (message.issuedAt().isAfter(now.plus(config.clockSkew()))) {
            throw refused("siwe-not-yet-valid", "the message's Issued At " + message.issuedAt() + " lies in the future",
                    Map.of("field", "issuedAt"));
        }
        if (message.notBefore() != null && message.notBefore().isAfter(now)) {
            throw refused("siwe-not-yet-valid", "the message is not valid before " + message.notBefore(),
                    Map.of("field", "notBefore"));
        }
        if (message.expirationTime() != null && !message.expirationTime().isAfter(now)) {
            throw refused("siwe-expired", "the message expired at " + message.expirationTime(),
                    Map.of("field", "expirationTime"));
        }
    }

    /** The checksummed form of an address, as wallets show it. */
    public static String checksummed(String address) {
        return Keys.toChecksumAddress(address);
    }

    private static ApiProblem malformed(String field, String detail) {
        return new ApiProblem(400, "siwe-malformed-message", "Bad request", detail, Map.of("field", field), Map.of());
    }

    private static ApiProblem refused(String slug, String detail) {
        return refused(slug, detail, Map.of());
    }

    private static ApiProblem refused(String slug, String detail, Map<String, Object> extensions) {
        return new ApiProblem(401, slug, "Unauthenticated", detail, extensions, Map.of());
    }

    static ApiProblem sessionProblem(String slug, String detail) {
        return new ApiProblem(401, slug, "Unauthenticated", detail, Map.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"creditlayer\", error=\"invalid_token\""));
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
