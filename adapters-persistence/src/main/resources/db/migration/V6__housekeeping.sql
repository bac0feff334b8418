-- Housekeeping (docs/operations.md): the daily job deletes login attempts older than their retention. The
-- throttling indexes of V3 cover failed attempts only; this one lets the purge find old rows of either kind
-- without reading the whole table. idempotency_keys already has idx_idempotency_keys_created.
CREATE INDEX ix_login_attempts_attempted_at ON login_attempts (attempted_at);
