package io.creditlayer.service.auth;

import io.creditlayer.service.store.ApiKeyRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Creates, verifies and revokes lender API keys. A key reads {@code cl_<prefix>_<secret>}; the database keeps the
 * prefix (to find the row) and the SHA-256 of the whole key, never the key. Verified keys are cached for
 * {@link #CACHE_SECONDS} so that the hot path costs one hash and one map lookup; a revocation on this instance
 * takes effect at once, on others within the cache time.
 */
@ApplicationScoped
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    static final long CACHE_SECONDS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<String> bootstrapAdminKey;
    private final ConcurrentMap<String, Cached> verified = new ConcurrentHashMap<>();

    public ApiKeys(@ConfigProperty(name = "creditlayer.admin.api-key") Optional<String> bootstrapAdminKey) {
        this.bootstrapAdminKey = bootstrapAdminKey.filter(k -> !k.isBlank());
    }

    private record Cached(Optional<ApiKeyPrincipal> principal, long until) {
    }

    /** A newly created key: the plain key is shown once and never stored. */
    public record Created(UUID id, String key, String name, Set<Scope> scopes, int requestsPerSecond, int burst) {
    }

    /**
     * The operator's bootstrap admin key (CREDITLAYER_ADMIN_API_KEY), registered at start so the first lender
     * keys can be created through the API.
     */
    void onStart(@Observes StartupEvent event) {
        bootstrapAdminKey.ifPresent(key -> {
            String[] parts = split(key).orElseThrow(() -> new IllegalStateException(
                    "CREDITLAYER_ADMIN_API_KEY must look like cl_<8 chars>_<secret>; generate one with ApiKeys.generate()"));
            QuarkusTransaction.requiringNew().run(() -> {
                if (ApiKeyRecord.count("prefix", parts[0]) == 0) {
                    insert(UUID.randomUUID(), parts[0], sha256(key), "bootstrap admin", EnumSet.of(Scope.ADMIN), 50, 100);
                    LOG.info("bootstrap admin API key registered (prefix " + parts[0] + ")");
                }
            });
        });
    }

    /** A fresh random key string (for operators who need a bootstrap key). */
    public static String generate() {
        byte[] prefix = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(prefix);
        RANDOM.nextBytes(secret);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "cl_" + b64.encodeToString(prefix).replace('_', 'x').replace('-', 'y') + "_" + b64.encodeToString(secret);
    }

    public Created create(String name, Set<Scope> scopes, int requestsPerSecond, int burst) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name must be 1 to 100 characters");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one scope");
        }
        if (requestsPerSecond < 1 || requestsPerSecond > 100_000 || burst < 1 || burst > 100_000) {
            throw new IllegalArgumentException("requestsPerSecond and burst must be between 1 and 100000");
        }
        String key = generate();
        UUID id = UUID.randomUUID();
        QuarkusTransaction.joiningExisting().run(() ->
                insert(id, split(key).orElseThrow()[0], sha256(key), name, scopes, requestsPerSecond, burst));
        return new Created(id, key, name, Set.copyOf(scopes), requestsPerSecond, burst);
    }

    /** Revokes a key; false when there is no such active key. */
    public boolean revoke(UUID id) {
        boolean revoked = QuarkusTransaction.joiningExisting().call(() ->
                ApiKeyRecord.update("revokedAt = ?1 where id = ?2 and revokedAt is null", Instant.now(), id) == 1);
        verified.values().removeIf(c -> c.principal.map(p -> p.keyId().equals(id)).orElse(false));
        return revoked;
    }

    public List<ApiKeyRecord> list() {
        return QuarkusTransaction.joiningExisting().call(() -> ApiKeyRecord.<ApiKeyRecord>listAll());
    }

    /**
     * The principal of a presented key when this instance verified it recently, without touching the database
     * (safe on the event loop). Empty when the key is not cached, its entry expired or it was found invalid: the
     * caller then calls {@link #verify} where blocking is allowed.
     */
    public Optional<ApiKeyPrincipal> cachedPrincipal(String presented) {
        if (presented == null || presented.length() > 200) {
            return Optional.empty();
        }
        Cached cached = verified.get(sha256(presented));
        return cached != null && cached.until - System.nanoTime() > 0 ? cached.principal : Optional.empty();
    }

    /** The principal of a presented key, or empty when it is unknown, malformed or revoked. */
    public Optional<ApiKeyPrincipal> verify(String presented) {
        if (presented == null || presented.length() > 200) {
            return Optional.empty();
        }
        String digest = sha256(presented);
        long now = System.nanoTime();
        Cached cached = verified.get(digest);
        if (cached != null && cached.until - now > 0) {
            return cached.principal;
        }
        Optional<ApiKeyPrincipal> principal = lookup(presented, digest);
        if (verified.size() > 100_000) {
            verified.clear(); // guessing attacks must not grow the cache without bound
        }
        verified.put(digest, new Cached(principal, now + CACHE_SECONDS * 1_000_000_000L));
        return principal;
    }

    private Optional<ApiKeyPrincipal> lookup(String presented, String digest) {
        Optional<String[]> parts = split(presented);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKeyRecord> row = QuarkusTransaction.joiningExisting().call(() ->
                ApiKeyRecord.<ApiKeyRecord>find("prefix", parts.get()[0]).firstResultOptional());
        if (row.isEmpty() || row.get().revokedAt != null
                || !MessageDigest.isEqual(row.get().secretSha256.getBytes(StandardCharsets.US_ASCII),
                digest.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        ApiKeyRecord r = row.get();
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(r.scopes).map(Scope::parse).forEach(scopes::add);
        return Optional.of(new ApiKeyPrincipal(r.id, r.name, scopes, r.requestsPerSecond, r.burst));
    }

    private static void insert(UUID id, String prefix, String digest, String name, Set<Scope> scopes, int rps, int burst) {
        ApiKeyRecord record = new ApiKeyRecord();
        record.id = id;
        record.prefix = prefix;
        record.secretSha256 = digest;
        record.name = name;
        record.scopes = scopes.stream().map(Scope::id).sorted().toArray(String[]::new);
        record.requestsPerSecond = rps;
        record.burst = burst;
        record.persist();
    }

    private static Optional<String[]> split(String key) {
        if (!key.startsWith("cl_") || key.length() < 3 + 8 + 1 + 16) {
            return Optional.empty();
        }
        int sep = key.indexOf('_', 3);
        if (sep != 3 + 8) {
            return Optional.empty();
        }
        return Optional.of(new String[] {key.substring(3, sep), key.substring(sep + 1)});
    }

    static String sha256(String value) {
        return HexFormat.of().formatHex(SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** One digest per thread: MessageDigest.getInstance costs a provider lookup and a reflective construction. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
