-- Where a synchronisation stopped: the next run of the same provider and entity type resumes from the cursor of the
-- last run that recorded one (a change feed's watermark, a CRM's page). Rows of the replaced system have none.
ALTER TABLE provider_sync_logs ADD COLUMN cursor TEXT;
CREATE INDEX idx_sync_logs_provider_entity_started ON provider_sync_logs (provider_id, entity_type, started_at DESC);
-- Orders are found by the billing provider's quote id when its status comes back (changelog, webhook).
CREATE INDEX idx_orders_billing_quote_id ON orders (billing_quote_id) WHERE billing_quote_id IS NOT NULL;
-- The history of provider health: every check (on demand, on the schedule) and every call that found the
-- credentials refused; the newest 100 of each provider are kept.
CREATE TABLE provider_health_checks (
    id          UUID        NOT NULL,
    provider_id UUID        NOT NULL,
    status      VARCHAR(20) NOT NULL,
    error       TEXT,
    source      VARCHAR(20) NOT NULL,
    checked_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT provider_health_checks_pkey PRIMARY KEY (id),
    CONSTRAINT provider_health_checks_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES provider_configs (id)
        ON DELETE CASCADE,
    CONSTRAINT check_provider_health_checks_source CHECK (source IN ('manual', 'scheduled', 'call'))
);
CREATE INDEX idx_provider_health_checks_provider ON provider_health_checks (provider_id, checked_at DESC, id DESC);
