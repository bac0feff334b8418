-- Idempotency keys are capped per caller: the newest keys of one principal are found through this index, so that
-- evicting the oldest beyond the cap reads only that principal's newest entries.
CREATE INDEX idx_idempotency_keys_principal_created ON idempotency_keys (principal_id, created_at DESC);

-- A distributor's own leads are those without a partner (the leads of its partners are in its scope through the
-- partner): the own branch of the distributor's lead list reads them newest first from this partial index.
CREATE INDEX ix_leads_distributor_own_created_id ON leads (distributor_id, created_at, id) WHERE partner_id IS NULL;
