package io.creditlayer.deploy.config;

import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a signing key comes from: an environment variable holding the hex private key, or an encrypted
 * (Web3 Secret Storage) keystore file whose password is in an environment variable. Keys never live in
 * config files, and neither the key nor the password is ever put in a message.
 *
 * @param env         name of the variable holding a 0x-prefixed private key, or null
 * @param keystore    path of an encrypted keystore file, or null
 * @param passwordEnv name of the variable holding the keystore password (with keystore)
 */
public record KeySource(String env, String keystore, String passwordEnv) {

    public KeySource {
        boolean fromEnv = env != null && !env.isBlank();
        boolean fromKeystore = keystore != null && !keystore.isBlank();
        if (fromEnv == fromKeystore) {
            throw new ConfigException("a key source needs exactly one of \"env\" or \"keystore\"");
        }
        if (fromKeystore && (passwordEnv == null || passwordEnv.isBlank())) {
            throw new ConfigException("a keystore key source needs \"passwordEnv\", the variable holding its password");
        }
    }

    public static KeySource fromEnv(String variable) {
        return new KeySource(variable, null, null);
    }

    public static KeySource fromKeystore(String path, String passwordVariable) {
        return new KeySource(null, path, passwordVariable);
    }

    public Credentials load() {
        return load(System.getenv());
    }

    /** Loads the key, reading variables from {@code environment}. */
    public Credentials load(Map<String, String> environment) {
        if (env != null) {
            String key = environment.get(env);
            if (key == null || key.isBlank()) {
                throw new ConfigException("environment variable " + env + " (a private key) is not set");
            }
            if (!WalletUtils.isValidPrivateKey(key.trim())) {
                throw new ConfigException("environment variable " + env + " does not hold a valid private key");
            }
            return Credentials.create(key.trim());
        }
        Path file = Path.of(keystore);
        if (!Files.isReadable(file)) {
            throw new ConfigException("keystore file " + file + " is not readable");
        }
        String password = environment.get(passwordEnv);
        if (password == null) {
            throw new ConfigException("environment variable " + passwordEnv + " (the keystore password) is not set");
        }
        try {
            return WalletUtils.loadCredentials(password, file.toFile());
        } catch (CipherException e) {
            throw new ConfigException("cannot decrypt keystore " + file + ": wrong password or corrupt file");
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot read keystore " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
