-- Orders and contracts: what the seed lacks for priced orders, lifecycles, numbering, the outbox and idempotency.
-- Only additions; existing rows keep their values (defaults fill the new NOT NULL columns).

ALTER TABLE orders ADD COLUMN currency VARCHAR(3) NOT NULL DEFAULT 'EUR';
-- the VAT rate the order was priced with; NULL on legacy rows (their stored totals are kept as they are)
ALTER TABLE orders ADD COLUMN tax_rate NUMERIC(5, 2);
ALTER TABLE orders ADD CONSTRAINT check_order_tax_rate CHECK (tax_rate IS NULL OR (tax_rate >= 0 AND tax_rate <= 100));
ALTER TABLE orders ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'NEW';
ALTER TABLE orders ADD CONSTRAINT check_order_kind CHECK (kind IN ('NEW', 'RENEWAL', 'UPGRADE', 'DOWNGRADE'));
ALTER TABLE orders ADD COLUMN replaces_contract_id UUID;
ALTER TABLE orders ADD CONSTRAINT orders_replaces_contract_id_fkey FOREIGN KEY (replaces_contract_id) REFERENCES contracts (id);
ALTER TABLE orders ADD CONSTRAINT check_order_replacement CHECK ((kind = 'NEW') = (replaces_contract_id IS NULL));
-- optimistic locking: concurrent transitions on one order, exactly one wins
ALTER TABLE orders ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX idx_orders_created_id ON orders (created_at DESC, id DESC);
CREATE INDEX idx_orders_replaces_contract ON orders (replaces_contract_id) WHERE replaces_contract_id IS NOT NULL;

-- the band breakdown of each priced item (one billing line per band)
ALTER TABLE order_items ADD COLUMN price_bands JSONB;

ALTER TABLE contracts ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX idx_contracts_created_id ON contracts (created_at DESC, id DESC);
CREATE INDEX idx_contracts_renewed_from ON contracts (renewed_from_id) WHERE renewed_from_id IS NOT NULL;

-- document numbers ORD-YYYYMMDD-NNNNNN / CNT-YYYYMMDD-NNNNNN: the NNNNNN part comes from these sequences, which start
-- after the highest number the seed system already used, so numbers never collide with legacy ones
CREATE SEQUENCE order_number_seq;
CREATE SEQUENCE contract_number_seq;
SELECT setval('order_number_seq', COALESCE(
    (SELECT max(substring(order_number FROM '-(\d{1,18})$')::BIGINT) FROM orders WHERE order_number ~ '-\d{1,18}$'), 0) + 1, false);
SELECT setval('contract_number_seq', COALESCE(
    (SELECT max(substring(contract_number FROM '-(\d{1,18})$')::BIGINT) FROM contracts WHERE contract_number ~ '-\d{1,18}$'), 0) + 1, false);

-- transactional outbox: written with the business change, delivered after commit by a worker
-- (workers claim rows with FOR UPDATE SKIP LOCKED, so several instances never deliver one event twice)
CREATE TABLE outbox_events (
    id              UUID         NOT NULL,
    topic           VARCHAR(100) NOT NULL,
    aggregate_type  VARCHAR(50)  NOT NULL,
    aggregate_id    UUID         NOT NULL,
    payload         JSONB        NOT NULL,
    status          VARCHAR(20)  NOT NULL DEFAULT 'PENDING',
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    delivered_at    TIMESTAMPTZ,
    CONSTRAINT outbox_events_pkey PRIMARY KEY (id),
    CONSTRAINT check_outbox_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
);
CREATE INDEX idx_outbox_events_due ON outbox_events (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX idx_outbox_events_aggregate ON outbox_events (aggregate_type, aggregate_id);

-- Idempotency-Key on creating POSTs: a retried create returns the first result
CREATE TABLE idempotency_keys (
    principal_id    UUID         NOT NULL,
    operation       VARCHAR(50)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    resource_id     UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (principal_id, operation, idempotency_key)
);
CREATE INDEX idx_idempotency_keys_created ON idempotency_keys (created_at);
