-- Governance (model approval, fairness reports, the ModelRegistry's follow-through) and the chain pipeline.

-- The exact bytes of each fairness report, as hashed: fairness_report.report is JSONB, which reorders keys and
-- drops whitespace, so it cannot reproduce the hash. Anyone can re-hash canonical_json and compare report_hash.
CREATE TABLE fairness_report_document (
    report_id      BIGINT PRIMARY KEY REFERENCES fairness_report (id),
    canonical_json TEXT        NOT NULL,
    verdict_reason TEXT        NOT NULL,
    policy_sha256  TEXT        NOT NULL,
    source         TEXT        NOT NULL CHECK (source IN ('upload', 'server-run')),
    submitted_by   TEXT        NOT NULL
);

-- What the chain's ModelRegistry says about a model, as last read by the registry outbox steps.
CREATE TABLE model_chain_state (
    model_id             TEXT PRIMARY KEY REFERENCES credit_model (model_id),
    registry_status      TEXT        NOT NULL CHECK (registry_status IN ('NONE', 'PROPOSED', 'APPROVED', 'RETIRED')),
    fairness_report_hash TEXT,
    fairness_passed      BOOLEAN     NOT NULL DEFAULT FALSE,
    last_tx_hash         TEXT,
    last_error           TEXT,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Who did what to which model, in order: the governance audit trail.
CREATE TABLE governance_action (
    id         BIGSERIAL PRIMARY KEY,
    model_id   TEXT        NOT NULL REFERENCES credit_model (model_id),
    action     TEXT        NOT NULL CHECK (action IN ('REGISTER', 'FAIRNESS_REPORT', 'APPROVE', 'RETIRE',
                                                      'REGISTRY_CONFIRMED', 'REGISTRY_FAILED')),
    actor      TEXT        NOT NULL,
    detail     JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX governance_action_by_model ON governance_action (model_id, id);

-- The pipeline's cursor: every wallet with activity up to last_block has its profile refreshed. A restart
-- resumes after it; a cursor built from another chain or start block is refused rather than mixed.
CREATE TABLE pipeline_cursor (
    name            TEXT PRIMARY KEY,
    chain_id        BIGINT      NOT NULL,
    from_block      BIGINT      NOT NULL,
    last_block      BIGINT      NOT NULL,
    last_block_hash TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The block hash completes a profile's provenance: with it, chain id, block, schema and values, anyone can
-- recompute feature_commitment (feature-extractor's FeatureCommitment). Null for profiles from other sources.
ALTER TABLE wallet_profile ADD COLUMN as_of_block_hash TEXT;

-- The pipeline expires attestations by chain time.
CREATE INDEX attestation_pipeline_expiry ON attestation (expires_at) WHERE status IN ('ISSUED', 'QUEUED', 'FAILED');
