-- Borrower API: Sign-In with Ethereum (EIP-4361) nonces and the sessions they open.
-- Addresses are stored lower-case 0x-hex, like everywhere else in the schema.

-- Server nonces: random, single use, short-lived. A verify consumes its nonce with one conditional UPDATE
-- (used_at IS NULL AND expires_at > now), so two concurrent verifies of one message cannot both succeed.
CREATE TABLE siwe_nonce (
    nonce      TEXT PRIMARY KEY CHECK (nonce ~ '^[A-Za-z0-9]{8,}$'),
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    used_by    TEXT,
    CHECK (expires_at > issued_at),
    CHECK ((used_at IS NULL) = (used_by IS NULL))
);
-- the purge deletes long-expired nonces
CREATE INDEX siwe_nonce_expiry ON siwe_nonce (expires_at);

-- Sessions: an opaque bearer token shown once; only its SHA-256 is kept.
CREATE TABLE siwe_session (
    id           UUID PRIMARY KEY,
    token_sha256 TEXT        NOT NULL UNIQUE,
    address      TEXT        NOT NULL CHECK (address ~ '^0x[0-9a-f]{40}$'),
    chain_id     BIGINT      NOT NULL,
    nonce        TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    CHECK (expires_at > created_at)
);
CREATE INDEX siwe_session_by_address ON siwe_session (address);
CREATE INDEX siwe_session_expiry ON siwe_session (expires_at);
