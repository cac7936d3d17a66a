-- Zero-knowledge tier proofs (issue 7, ADR 0017): each scoring epoch commits the active model's current scores in a
-- Poseidon Merkle tree whose root the outbox posts to CreditOracle.postTierRoot.

-- Epoch numbers: sequential, and at most 2^32 - 1 because the circuit and the oracle take a 32-bit epoch. A failed
-- build leaves a gap, which is harmless (the oracle keys roots by root, not by epoch).
CREATE SEQUENCE tier_epoch_number START WITH 1 MINVALUE 1 MAXVALUE 4294967295 NO CYCLE;

CREATE TABLE tier_epoch (
    epoch         BIGINT PRIMARY KEY CHECK (epoch >= 0 AND epoch < 4294967296),
    model_id      TEXT        NOT NULL REFERENCES credit_model (model_id),
    -- bytes32 hex of the tree's root: unique, the oracle refuses to post a root twice
    root          TEXT        NOT NULL UNIQUE,
    size          INTEGER     NOT NULL CHECK (size > 0),
    chain_id      BIGINT      NOT NULL,
    oracle        TEXT        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('PENDING', 'POSTED', 'CONFIRMED', 'EXPIRED', 'FAILED')),
    -- chain time (unix seconds): the oracle compares expiresAt with the block timestamp
    built_at      BIGINT      NOT NULL,
    expires_at    BIGINT      NOT NULL,
    outbox_id     BIGINT REFERENCES outbox (id),
    tx_hash       TEXT,
    block_number  BIGINT,
    status_detail TEXT,
    requested_by  TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX tier_epoch_latest ON tier_epoch (status, epoch DESC);

-- One borrower's committed entry. The salt hides the score behind the leaf: it is secret, handed only to the
-- borrower's own SIWE session (and to the prover, on stdin), never logged.
CREATE TABLE tier_leaf (
    epoch      BIGINT  NOT NULL REFERENCES tier_epoch (epoch) ON DELETE CASCADE,
    borrower   TEXT    NOT NULL,
    score      INTEGER NOT NULL CHECK (score BETWEEN 300 AND 850),
    salt       TEXT    NOT NULL,
    leaf_index INTEGER NOT NULL CHECK (leaf_index >= 0 AND leaf_index < 65536),
    PRIMARY KEY (epoch, borrower),
    UNIQUE (epoch, leaf_index)
);
