package io.creditlayer.deploy.config;

/** A deployment configuration is missing, malformed or inconsistent; the message is one line for the CLI. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
