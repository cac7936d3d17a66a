-- Chain posting (outbox worker): the sending account's nonce and every transaction it signed.
-- A transaction is stored before it is broadcast, so a restarted service finds what it may have sent: it waits for
-- its receipt, rebroadcasts the stored raw bytes, or replaces it with higher fees under the same nonce.

-- The next nonce the worker hands out, per chain and sending account (the scorer). Reconciled with the node's
-- eth_getTransactionCount: never below the pending count, and kept above it while stored transactions wait to be
-- (re)broadcast.
CREATE TABLE outbox_sender (
    chain_id      BIGINT      NOT NULL,
    address       TEXT        NOT NULL,
    next_nonce    BIGINT      NOT NULL CHECK (next_nonce >= 0),
    reconciled_at TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (chain_id, address)
);

-- Signed transactions. One outbox entry may have several under the same nonce (fee-bumped replacements, numbered
-- from 0); at most one of them is mined.
CREATE TABLE outbox_tx (
    id                       BIGSERIAL PRIMARY KEY,
    outbox_id                BIGINT      NOT NULL REFERENCES outbox (id),
    chain_id                 BIGINT      NOT NULL,
    sender                   TEXT        NOT NULL,
    nonce                    BIGINT      NOT NULL CHECK (nonce >= 0),
    replacement              INTEGER     NOT NULL CHECK (replacement >= 0),
    tx_hash                  TEXT        NOT NULL UNIQUE,
    raw_tx                   TEXT        NOT NULL,
    to_address               TEXT        NOT NULL,
    call_data                TEXT        NOT NULL,
    gas_limit                NUMERIC(78) NOT NULL,
    max_fee_per_gas          NUMERIC(78) NOT NULL,
    max_priority_fee_per_gas NUMERIC(78) NOT NULL,
    status                   TEXT        NOT NULL CHECK (status IN ('SIGNED', 'BROADCAST', 'MINED', 'REPLACED', 'DROPPED')),
    signed_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    broadcast_at             TIMESTAMPTZ,
    block_number             BIGINT,
    block_hash               TEXT,
    gas_used                 NUMERIC(78),
    effective_gas_price      NUMERIC(78),
    succeeded                BOOLEAN,
    revert_error             TEXT,
    UNIQUE (chain_id, sender, nonce, replacement)
);
CREATE INDEX outbox_tx_by_entry ON outbox_tx (outbox_id, replacement);
CREATE INDEX outbox_tx_in_flight ON outbox_tx (chain_id, sender, nonce) WHERE status IN ('SIGNED', 'BROADCAST');
