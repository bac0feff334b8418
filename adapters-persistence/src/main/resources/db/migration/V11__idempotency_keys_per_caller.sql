-- Idempotency keys are capped per caller: the newest keys of one principal are found through this index, so that
-- evicting the oldest beyond the cap reads only that principal's newest entries.
CREATE INDEX idx_idempotency_keys_principal_created ON idempotency_keys (principal_id, created_at DESC);
