package io.creditlayer.service.keys;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The scorer's signing key, the only key the service holds: from an encrypted Web3 Secret Storage keystore
 * ({@code creditlayer.scorer.keystore} + {@code CREDITLAYER_SCORER_KEYSTORE_PASSWORD}) or from the environment
 * ({@code CREDITLAYER_SCORER_KEY}). Never from committed configuration, and never printed: messages name the
 * source, not the secret. The same account signs attestations and sends the outbox's transactions.
 */
@ApplicationScoped
public class SigningKeys {
    private final Optional<String> key;
    private final Optional<String> keystore;
    private final Optional<String> keystorePassword;
    private volatile Credentials scorer;

    public SigningKeys(@ConfigProperty(name = "creditlayer.scorer.key") Optional<String> key,
                       @ConfigProperty(name = "creditlayer.scorer.keystore") Optional<String> keystore,
                       @ConfigProperty(name = "creditlayer.scorer.keystore-password") Optional<String> keystorePassword) {
        this.key = key.filter(k -> !k.isBlank());
        this.keystore = keystore.filter(k -> !k.isBlank());
        this.keystorePassword = keystorePassword;
    }

    public boolean configured() {
        return key.isPresent() || keystore.isPresent();
    }

    /** @throws IllegalStateException naming the missing or broken source (never the secret) */
    public Credentials scorer() {
        Credentials current = scorer;
        if (current == null) {
            current = load();
            scorer = current;
        }
        return current;
    }

    public String scorerAddress() {
        return scorer().getAddress();
    }

    private Credentials load() {
        if (keystore.isPresent()) {
            Path file = Path.of(keystore.get());
            if (!Files.isReadable(file)) {
                throw new IllegalStateException("scorer keystore " + file + " is not readable");
            }
            String password = keystorePassword.orElseThrow(() -> new IllegalStateException(
                    "CREDITLAYER_SCORER_KEYSTORE_PASSWORD (the scorer keystore's password) is not set"));
            try {
                return WalletUtils.loadCredentials(password, file.toFile());
            } catch (CipherException e) {
                throw new IllegalStateException("cannot decrypt scorer keystore " + file + ": wrong password or corrupt file");
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read scorer keystore " + file + ": " + e.getClass().getSimpleName());
            }
        }
        String hex = key.orElseThrow(() -> new IllegalStateException(
                "no scorer key: set CREDITLAYER_SCORER_KEY or creditlayer.scorer.keystore + CREDITLAYER_SCORER_KEYSTORE_PASSWORD"));
        if (!WalletUtils.isValidPrivateKey(hex.trim())) {
            throw new IllegalStateException("CREDITLAYER_SCORER_KEY does not hold a valid private key");
        }
        return Credentials.create(hex.trim());
    }
}
