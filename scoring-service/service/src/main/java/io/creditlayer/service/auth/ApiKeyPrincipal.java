package io.creditlayer.service.auth;

import java.util.Set;
import java.util.UUID;

/** The caller behind a verified API key. */
public record ApiKeyPrincipal(UUID keyId, String name, Set<Scope> scopes, int requestsPerSecond, int burst) {
    public ApiKeyPrincipal {
        scopes = Set.copyOf(scopes);
    }

    /** The audit label stored with what the caller creates. */
    public String label() {
        return "api-key:" + keyId;
    }
}
