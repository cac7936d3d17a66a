package io.creditlayer.service.auth;

/** What an API key may do. A key holds one or more scopes; {@link #ADMIN} implies none of the others. */
public enum Scope {
    /** read scores (single and batch) */
    SCORES_READ("scores:read"),
    /** issue attestations and read their status */
    ATTESTATIONS_WRITE("attestations:write"),
    /** list, audit, approve and retire models */
    GOVERNANCE("governance"),
    /** create and revoke API keys */
    ADMIN("admin");

    private final String id;

    Scope(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Scope parse(String id) {
        for (Scope s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope \"" + id + "\" (known: scores:read, attestations:write, governance, admin)");
    }
}
