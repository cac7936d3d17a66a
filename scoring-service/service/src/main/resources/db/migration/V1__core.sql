-- CreditLayer scoring service: core tables shared by the lender, borrower and governance APIs.
-- Addresses are stored lower-case 0x-hex; 32-byte ids (model ids, hashes) as 0x-hex text.

-- Credit models known to the service, with their metrics, model card and governance state.
CREATE TABLE credit_model (
    model_id            TEXT PRIMARY KEY,
    artifact_dir        TEXT        NOT NULL,
    artifact_sha256     TEXT        NOT NULL,
    feature_schema_hash TEXT        NOT NULL,
    metrics             JSONB       NOT NULL,
    model_card          JSONB       NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('CANDIDATE', 'APPROVED', 'RETIRED')),
    active              BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    approved_at         TIMESTAMPTZ,
    retired_at          TIMESTAMPTZ
);
-- at most one model serves scores at a time
CREATE UNIQUE INDEX credit_model_one_active ON credit_model (active) WHERE active;

-- Fairness reports per model (fairness-audit JSON); the gate reads the latest one.
CREATE TABLE fairness_report (
    id          BIGSERIAL PRIMARY KEY,
    model_id    TEXT        NOT NULL REFERENCES credit_model (model_id),
    verdict     TEXT        NOT NULL CHECK (verdict IN ('PASS', 'FAIL')),
    report_hash TEXT        NOT NULL,
    report      JSONB       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX fairness_report_by_model ON fairness_report (model_id, created_at DESC);

-- Point-in-time wallet profiles (feature-extractor), with provenance.
CREATE TABLE wallet_profile (
    address             TEXT PRIMARY KEY,
    chain_id            BIGINT           NOT NULL,
    feature_schema_hash TEXT             NOT NULL,
    features            DOUBLE PRECISION[] NOT NULL,
    feature_commitment  TEXT             NOT NULL,
    as_of_block         BIGINT           NOT NULL,
    as_of_timestamp     BIGINT           NOT NULL,
    source              TEXT             NOT NULL,
    refreshed_at        TIMESTAMPTZ      NOT NULL DEFAULT now()
);

-- Every score served, with its reasons; the latest per wallet and model is the current one.
CREATE TABLE wallet_score (
    id                    BIGSERIAL PRIMARY KEY,
    address               TEXT             NOT NULL,
    model_id              TEXT             NOT NULL REFERENCES credit_model (model_id),
    pd                    DOUBLE PRECISION NOT NULL,
    score                 INTEGER          NOT NULL,
    tier                  INTEGER          NOT NULL,
    collateral_ratio_bps  INTEGER          NOT NULL,
    reasons               JSONB            NOT NULL,
    as_of_block           BIGINT           NOT NULL,
    feature_commitment    TEXT             NOT NULL,
    created_at            TIMESTAMPTZ      NOT NULL DEFAULT now()
);
CREATE INDEX wallet_score_latest ON wallet_score (address, model_id, id DESC);

-- EIP-712 attestations issued by the service and their on-chain status.
CREATE TABLE attestation (
    id                 UUID PRIMARY KEY,
    borrower           TEXT        NOT NULL,
    score              INTEGER     NOT NULL,
    tier               INTEGER     NOT NULL,
    model_id           TEXT        NOT NULL REFERENCES credit_model (model_id),
    feature_commitment TEXT        NOT NULL,
    issued_at          BIGINT      NOT NULL,
    expires_at         BIGINT      NOT NULL,
    nonce              NUMERIC(78) NOT NULL,
    signature          TEXT        NOT NULL,
    digest             TEXT        NOT NULL,
    chain_id           BIGINT      NOT NULL,
    oracle             TEXT        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('ISSUED', 'QUEUED', 'SUBMITTED', 'CONFIRMED', 'FAILED', 'EXPIRED')),
    requested_by       TEXT        NOT NULL,
    tx_hash            TEXT,
    block_number       BIGINT,
    status_detail      TEXT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (borrower, nonce)
);
CREATE INDEX attestation_by_borrower ON attestation (borrower, created_at DESC);

-- Transactions to post, written in the same database transaction as the state change they carry.
CREATE TABLE outbox (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT        NOT NULL,
    aggregate_id    TEXT        NOT NULL,
    payload         JSONB       NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'CONFIRMED', 'FAILED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at) WHERE status IN ('PENDING', 'SENT');

-- Lender API keys: only a SHA-256 of the secret is stored; the prefix finds the row.
CREATE TABLE api_key (
    id                UUID PRIMARY KEY,
    prefix            TEXT        NOT NULL UNIQUE,
    secret_sha256     TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    scopes            TEXT[]      NOT NULL,
    requests_per_second INTEGER   NOT NULL CHECK (requests_per_second > 0),
    burst             INTEGER     NOT NULL CHECK (burst > 0),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at        TIMESTAMPTZ
);
